package dev.newswire.ingest.api;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates a request that carries the API key in {@code X-API-Key}. It decides nothing about paths:
 * which requests need the key is Spring Security's authorization rule ({@link SecurityConfiguration}), on
 * the path as the framework routes it. A wrong key leaves the request anonymous and is named in the 401.
 */
final class ApiKeyFilter extends OncePerRequestFilter {

    static final String HEADER = "X-API-Key";
    /** Request attribute set when a key was given but is wrong, for the 401's detail. */
    static final String INVALID_KEY = ApiKeyFilter.class.getName() + ".invalid";
    static final String ROLE = "ROLE_API_CLIENT";

    private final byte[] key;

    ApiKeyFilter(String key) {
        this.key = ApiKeys.requireUsable(key).getBytes(StandardCharsets.UTF_8);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String given = request.getHeader(HEADER);
        if (given != null && !given.isBlank()) {
            // Constant-time comparison: the answer's timing reveals nothing about the key.
            if (MessageDigest.isEqual(key, given.strip().getBytes(StandardCharsets.UTF_8))) {
                var context = SecurityContextHolder.createEmptyContext();
                context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated("api-client", null,
                        List.of(new SimpleGrantedAuthority(ROLE))));
                SecurityContextHolder.setContext(context);
            } else {
                request.setAttribute(INVALID_KEY, Boolean.TRUE);
            }
        }
        chain.doFilter(request, response);
    }
}
