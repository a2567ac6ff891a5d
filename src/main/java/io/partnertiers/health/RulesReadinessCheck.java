package io.partnertiers.health;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

import io.partnertiers.rules.RulesetRegistry;

/**
 * Ready once the programs of the rules folder have been loaded; lists each with its ruleset
 * version, and each program refused at start-up with its first problem (the others serve).
 * Not ready when the rules folder is missing and no program serves.
 */
@Readiness
@ApplicationScoped
public class RulesReadinessCheck implements HealthCheck {

    private final RulesetRegistry registry;

    RulesReadinessCheck(RulesetRegistry registry) {
        this.registry = registry;
    }

    @Override
    public HealthCheckResponse call() {
        boolean nothingToServe = registry.isRulesFolderMissing() && registry.all().isEmpty();
        HealthCheckResponseBuilder response = HealthCheckResponse.named("rules")
                .status(registry.isLoaded() && !nothingToServe);
        if (registry.isRulesFolderMissing()) {
            response.withData("rules-folder", "missing: " + registry.rulesDir().toAbsolutePath());
        }
        registry.all().forEach(ruleset -> response.withData(ruleset.id(), ruleset.version()));
        registry.refusedAtStartup().forEach((id, refusal) -> response.withData(id, "refused: "
                + (refusal.diagnostics().isEmpty() ? "" : refusal.diagnostics().get(0))
                + (refusal.diagnostics().size() > 1 ? " (and " + (refusal.diagnostics().size() - 1) + " more)" : "")
                + "; see GET /admin/rules/status"));
        return response.build();
    }
}
