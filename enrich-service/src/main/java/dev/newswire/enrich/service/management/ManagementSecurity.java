package dev.newswire.enrich.service.management;

import jakarta.servlet.DispatcherType;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;

/**
 * Who may call the management port, decided by Spring Security on the path as the framework routes
 * it, deny by default:
 *
 * <ul>
 *   <li>{@code GET /actuator/health} (its status only, for orchestrators and healthchecks),
 *       {@code /actuator/health/liveness|readiness} and {@code GET /actuator/prometheus}: open;</li>
 *   <li>the health's components and details: only to a caller with the operator key in
 *       {@code X-API-Key} ({@code newswire.management.key}, by default the deployment's
 *       {@code NEWSWIRE_API_KEY}; with no key set, to nobody);</li>
 *   <li>everything else: refused.</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
public class ManagementSecurity {

    @Bean
    SecurityFilterChain managementFilterChain(HttpSecurity http, @Value("${newswire.management.key:}") String key)
            throws Exception {
        http
                .csrf(AbstractHttpConfigurer::disable)          // no cookies, no browser sessions: a header key
                .formLogin(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable)
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .addFilterBefore(new OperatorKeyFilter(key), AnonymousAuthenticationFilter.class)
                .authorizeHttpRequests(a -> a
                        .dispatcherTypeMatchers(DispatcherType.ERROR).permitAll()
                        .requestMatchers(HttpMethod.GET, "/actuator/health", "/actuator/health/liveness",
                                "/actuator/health/readiness", "/actuator/prometheus").permitAll()
                        .anyRequest().denyAll());
        return http.build();
    }
}
