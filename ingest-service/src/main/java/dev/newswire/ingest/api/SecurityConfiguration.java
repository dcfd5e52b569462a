package dev.newswire.ingest.api;

import dev.newswire.ingest.intake.FieldProblem;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import tools.jackson.databind.json.JsonMapper;

/**
 * Who may call what, decided by Spring Security on the path as the framework routes it (decoded and
 * normalised; its firewall refuses encoded slashes, {@code ;} parameters, {@code //} and {@code ..} outright),
 * deny by default:
 *
 * <ul>
 *   <li>{@code GET /actuator/health} (status only), {@code /actuator/health/liveness|readiness} and
 *       {@code GET /actuator/prometheus}: open, for orchestrators and the Prometheus scraper;</li>
 *   <li>{@code /api/**}: the API key in {@code X-API-Key} (reads too: the sources list shows feed URLs);</li>
 *   <li>everything else: refused (401 without the key, 403 with it).</li>
 * </ul>
 *
 * Every refusal is RFC 9457 problem details like the rest of the API.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
public class SecurityConfiguration {

    @Bean
    SecurityFilterChain apiSecurity(HttpSecurity http, ApiProperties properties, JsonMapper json) throws Exception {
        http
                .csrf(AbstractHttpConfigurer::disable)          // no cookies, no browser sessions: a header key
                .formLogin(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable)
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .addFilterBefore(new ApiKeyFilter(properties.getKey()), AnonymousAuthenticationFilter.class)
                .authorizeHttpRequests(a -> a
                        // The error page renders the problem of a request already authorised or refused.
                        .dispatcherTypeMatchers(DispatcherType.ERROR).permitAll()
                        .requestMatchers(HttpMethod.GET, "/actuator/health", "/actuator/health/liveness",
                                "/actuator/health/readiness", "/actuator/prometheus").permitAll()
                        .requestMatchers("/api/**").authenticated()
                        .anyRequest().denyAll())
                .exceptionHandling(e -> e
                        .authenticationEntryPoint(unauthorized(json))
                        .accessDeniedHandler(forbidden(json)));
        return http.build();
    }

    /** The firewall's refusals (encoded slash, {@code ;}, {@code //}, {@code ..}, bad characters) as a 400 problem. */
    @Bean
    RequestRejectedHandler requestRejectedHandler(JsonMapper json) {
        return (request, response, e) -> Problems.write(response, json, new ApiException(HttpStatus.BAD_REQUEST,
                "rejected-request", "Rejected Request", "the request URL is not in normalised form: "
                + e.getMessage(), FieldProblem.one("path", "must be a normalised path, without encoded separators, "
                + "';' parameters, '//' or '..'"), null, null), null);
    }

    private static AuthenticationEntryPoint unauthorized(JsonMapper json) {
        return (request, response, e) -> {
            String detail = request.getAttribute(ApiKeyFilter.INVALID_KEY) != null ? "does not hold a valid key"
                    : "is missing";
            response.setHeader("WWW-Authenticate", "ApiKey header=\"" + ApiKeyFilter.HEADER + "\"");
            write(json, request, response, ApiException.field(HttpStatus.UNAUTHORIZED, "unauthorized",
                    "Unauthorized", ApiKeyFilter.HEADER, detail));
        };
    }

    private static AccessDeniedHandler forbidden(JsonMapper json) {
        return (request, response, e) -> write(json, request, response, new ApiException(HttpStatus.FORBIDDEN,
                "forbidden", "Forbidden", "this resource is not served to API clients", List.of(), null, null));
    }

    private static void write(JsonMapper json, HttpServletRequest request, HttpServletResponse response,
                              ApiException problem) throws IOException {
        Problems.write(response, json, problem, request.getRequestURI());
    }
}
