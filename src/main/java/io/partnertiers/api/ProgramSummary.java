package io.partnertiers.api;

import java.util.List;

import io.partnertiers.rules.Ruleset;
import io.partnertiers.rules.Tier;

/** One entry of {@code GET /programs}: the program and its tier ids, lowest first. */
public record ProgramSummary(String id, String name, String rulesetVersion, List<String> tiers) {

    static ProgramSummary of(Ruleset ruleset) {
        return new ProgramSummary(ruleset.id(), ruleset.name(), ruleset.version(),
                ruleset.tiers().stream().map(Tier::id).toList());
    }
}
