package io.partnertiers.health;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

import io.partnertiers.rules.RulesetRegistry;

/** Ready once every program of the rules folder has compiled; lists each with its ruleset version. */
@Readiness
@ApplicationScoped
public class RulesReadinessCheck implements HealthCheck {

    private final RulesetRegistry registry;

    RulesReadinessCheck(RulesetRegistry registry) {
        this.registry = registry;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("rules").status(registry.isLoaded());
        registry.all().forEach(ruleset -> response.withData(ruleset.id(), ruleset.version()));
        return response.build();
    }
}
