package io.partnertiers.evaluation;

import java.time.LocalDate;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The answer to "which tier does this partner reach, and what is missing for the next one?". */
public record EvaluationResult(
        String program,
        String partnerId,
        LocalDate asOf,
        String rulesetVersion,
        @Schema(description = "The highest tier reached; null when not even the first is", nullable = true)
        String segment,
        @Schema(description = "The tier right above the segment; null at the top", nullable = true)
        String nextSegment,
        @Schema(description = "Every unmet criterion of nextSegment")
        List<Gap> gaps,
        List<TierResult> tiers,
        @Schema(description = "What the reached tier grants; empty when none is reached")
        List<String> entitlements,
        @Schema(description = "Present exactly when the decision was durably stored")
        @JsonInclude(JsonInclude.Include.NON_NULL) String evaluationId,
        @Schema(description = "Present only when asked for with ?explain=true")
        @JsonInclude(JsonInclude.Include.NON_NULL) Explanation explanation,
        @Schema(description = "Present when the program's policy keeps the segment although the facts fall short of"
                + " it: since when, until when, and what is missing to keep it")
        @JsonInclude(JsonInclude.Include.NON_NULL) AtRisk atRisk,
        @Schema(description = "Present only when asked for with ?forecast=P…")
        @JsonInclude(JsonInclude.Include.NON_NULL) Forecast forecast,
        @Schema(description = "Present only when the request has a whatIf: the answer with its facts added, beside this"
                + " one; never recorded")
        @JsonInclude(JsonInclude.Include.NON_NULL) WhatIfResult whatIf) {

    public EvaluationResult withEvaluationId(String id) {
        return new EvaluationResult(program, partnerId, asOf, rulesetVersion, segment, nextSegment, gaps, tiers,
                entitlements, id, explanation, atRisk, forecast, whatIf);
    }

    /** This decision with what was asked beside it, which the decision log does not store. */
    EvaluationResult with(Forecast forecast, WhatIfResult whatIf) {
        return new EvaluationResult(program, partnerId, asOf, rulesetVersion, segment, nextSegment, gaps, tiers,
                entitlements, evaluationId, explanation, atRisk, forecast, whatIf);
    }
}
