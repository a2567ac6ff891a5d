package io.partnertiers.evaluation;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.partnertiers.rules.Tier;

/** The answer for the submitted facts with a what-if's added, beside the answer for the submitted facts alone. */
public record WhatIfResult(
        @Schema(description = "The highest tier reached with the added facts; null when not even the first is",
                nullable = true)
        String segment,
        @Schema(description = "The tier right above that segment; null at the top", nullable = true)
        String nextSegment,
        @Schema(description = "The tiers reached with the added facts and not without them, lowest first")
        List<String> tiersGained,
        @Schema(description = "The tiers reached without the added facts and not with them, lowest first (an added"
                + " low CSAT answer lowers an average)")
        List<String> tiersLost,
        @Schema(description = "Every unmet criterion of nextSegment")
        List<Gap> gaps,
        List<TierResult> tiers,
        @Schema(description = "What the segment grants; empty when none is reached")
        List<String> entitlements,
        @Schema(description = "Present when the program's policy keeps the segment although the facts fall short of it")
        @JsonInclude(JsonInclude.Include.NON_NULL) AtRisk atRisk) {

    /** {@code whatIf} beside {@code base}: the tiers between their two segments are gained or lost. */
    static WhatIfResult beside(List<Tier> tiers, EvaluationResult base, EvaluationResult whatIf) {
        int from = Ladder.rank(tiers, base.segment());
        int to = Ladder.rank(tiers, whatIf.segment());
        List<String> between = tiers.subList(Math.min(from, to) + 1, Math.max(from, to) + 1).stream()
                .map(Tier::id).toList();
        return new WhatIfResult(whatIf.segment(), whatIf.nextSegment(), to > from ? between : List.of(),
                to < from ? between : List.of(), whatIf.gaps(), whatIf.tiers(), whatIf.entitlements(), whatIf.atRisk());
    }
}
