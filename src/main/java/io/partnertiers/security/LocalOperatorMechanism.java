package io.partnertiers.security;

import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.ConfigProvider;

import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;

/**
 * With no token key configured (a developer's machine, loopback only: see {@link ExposureGuard}),
 * every caller is the local operator and holds every role. With a key this mechanism steps
 * aside and SmallRye JWT checks the bearer token.
 */
@ApplicationScoped
class LocalOperatorMechanism implements HttpAuthenticationMechanism {

    private static final SecurityIdentity LOCAL_OPERATOR = QuarkusSecurityIdentity.builder()
            .setPrincipal(new QuarkusPrincipal("local-operator"))
            .addRoles(Set.of(Roles.EVALUATOR, Roles.AUDITOR, Roles.RULES_ADMIN)).build();

    private final boolean anonymous = Exposure.of(ConfigProvider.getConfig()).anonymous();

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identityProviderManager) {
        return anonymous ? Uni.createFrom().item(LOCAL_OPERATOR) : Uni.createFrom().nullItem();
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        return Uni.createFrom().nullItem();
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return Set.of();
    }

    /** Asked before the bearer-token mechanism, which would otherwise find no token and leave the caller anonymous. */
    @Override
    public int getPriority() {
        return DEFAULT_PRIORITY + 1000;
    }
}
