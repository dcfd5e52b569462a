package dev.newswire.ingest.api;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every {@code /api/**} request must carry the API key in {@code X-API-Key}; otherwise 401. Health and
 * metrics ({@code /actuator/**}) stay open for orchestrators and scrapers.
 */
public final class ApiKeyFilter extends OncePerRequestFilter {

    static final String HEADER = "X-API-Key";

    private final byte[] key;
    private final JsonMapper json;

    public ApiKeyFilter(String key, JsonMapper json) {
        if (key == null || key.isBlank()) {
            throw new IllegalStateException("no API key configured: set NEWSWIRE_API_KEY (newswire.api.key); the"
                    + " ingest API is never served without one");
        }
        this.key = key.strip().getBytes(StandardCharsets.UTF_8);
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith("/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String given = request.getHeader(HEADER);
        if (given == null || given.isBlank()) {
            reject(request, response, "is missing");
            return;
        }
        // Constant-time comparison: the answer's timing reveals nothing about the key.
        if (!MessageDigest.isEqual(key, given.strip().getBytes(StandardCharsets.UTF_8))) {
            reject(request, response, "does not hold a valid key");
            return;
        }
        chain.doFilter(request, response);
    }

    private void reject(HttpServletRequest request, HttpServletResponse response, String detail) throws IOException {
        response.setHeader("WWW-Authenticate", "ApiKey header=\"" + HEADER + "\"");
        Problems.write(response, json, ApiException.field(HttpStatus.UNAUTHORIZED, "unauthorized", "Unauthorized",
                HEADER, detail), request.getRequestURI());
    }
}
