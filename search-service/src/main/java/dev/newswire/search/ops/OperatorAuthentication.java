package dev.newswire.search.ops;

import io.micronaut.core.annotation.NonNull;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.AuthenticationFailureReason;
import io.micronaut.security.authentication.AuthenticationRequest;
import io.micronaut.security.authentication.AuthenticationResponse;
import io.micronaut.security.authentication.provider.HttpRequestAuthenticationProvider;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;

/**
 * Authenticates the operator for the management endpoints (HTTP basic): the one account of
 * {@link ManagementSettings}. Without a configured password nobody is authenticated, so health details and
 * the sensitive endpoints are then shown to no one. The comparison takes the same time however much of
 * the password is right.
 */
@Singleton
public class OperatorAuthentication<B> implements HttpRequestAuthenticationProvider<B> {

    /** The role of an authenticated operator. */
    public static final String OPERATOR = "OPERATOR";

    private final ManagementSettings settings;

    public OperatorAuthentication(ManagementSettings settings) {
        this.settings = settings;
    }

    @Override
    public @NonNull AuthenticationResponse authenticate(@Nullable HttpRequest<B> request,
                                                        @NonNull AuthenticationRequest<String, String> authentication) {
        String username = settings.getUsername();
        String password = settings.getPassword();
        if (username == null || username.isEmpty() || password == null || password.isEmpty()) {
            return AuthenticationResponse.failure(AuthenticationFailureReason.USER_DISABLED);
        }
        boolean user = same(username, authentication.getIdentity());
        boolean secret = same(password, authentication.getSecret());
        return user && secret ? AuthenticationResponse.success(username, List.of(OPERATOR))
                : AuthenticationResponse.failure(AuthenticationFailureReason.CREDENTIALS_DO_NOT_MATCH);
    }

    private static boolean same(String expected, String given) {
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                (given == null ? "" : given).getBytes(StandardCharsets.UTF_8));
    }
}
