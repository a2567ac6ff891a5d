package io.partnertiers.evaluation;

import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The answer to "which tier does this partner reach, and what is missing for the next one?". */
public record EvaluationResult(
        String program,
        String partnerId,
        LocalDate asOf,
        String rulesetVersion,
        String segment,
        String nextSegment,
        List<Gap> gaps,
        List<TierResult> tiers,
        List<String> entitlements,
        @JsonInclude(JsonInclude.Include.NON_NULL) String evaluationId) {
}
