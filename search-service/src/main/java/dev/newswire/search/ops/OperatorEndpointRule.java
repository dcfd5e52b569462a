package dev.newswire.search.ops;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.core.annotation.NonNull;
import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.http.HttpRequest;
import io.micronaut.inject.ExecutableMethod;
import io.micronaut.management.endpoint.EndpointSensitivityProcessor;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRuleResult;
import io.micronaut.security.rules.SensitiveEndpointRule;
import jakarta.inject.Singleton;
import org.reactivestreams.Publisher;

/** A sensitive management endpoint is open to the operator ({@link OperatorAuthentication#OPERATOR}) only. */
@Singleton
@Replaces(SensitiveEndpointRule.class)
public class OperatorEndpointRule extends SensitiveEndpointRule {

    public OperatorEndpointRule(EndpointSensitivityProcessor endpointSensitivityProcessor) {
        super(endpointSensitivityProcessor);
    }

    @Override
    @NonNull
    protected Publisher<SecurityRuleResult> checkSensitiveAuthenticated(@NonNull HttpRequest<?> request,
                                                                        @NonNull Authentication authentication,
                                                                        @NonNull ExecutableMethod<?, ?> method) {
        return Publishers.just(authentication.getRoles().contains(OperatorAuthentication.OPERATOR)
                ? SecurityRuleResult.ALLOWED : SecurityRuleResult.REJECTED);
    }
}
