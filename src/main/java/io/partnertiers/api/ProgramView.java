package io.partnertiers.api;

import java.math.BigDecimal;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.partnertiers.rules.Ruleset;

/** A loaded program as {@code GET /programs/{programId}} shows it: tiers, criteria and required values. */
public record ProgramView(String id, String name, String rulesetVersion, List<TierView> tiers) {

    public record TierView(String id, String name, List<String> entitlements, List<CriterionView> criteria) {
    }

    public record CriterionView(
            String criterion,
            String description,
            @Schema(description = "A number (at least this much) or true (must hold)", oneOf = {BigDecimal.class, Boolean.class})
            Object required) {
    }

    static ProgramView of(Ruleset ruleset) {
        return new ProgramView(ruleset.id(), ruleset.name(), ruleset.version(), ruleset.tiers().stream()
                .map(t -> new TierView(t.id(), t.name(), t.entitlements(), t.criteria().stream()
                        .map(c -> new CriterionView(c.id(), c.description(), c.requirement().value()))
                        .toList()))
                .toList());
    }
}
