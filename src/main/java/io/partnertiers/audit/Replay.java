package io.partnertiers.audit;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.databind.JsonNode;


/**
 * A stored decision beside what the current rules answer for the same facts and day.
 * {@code changes} lists every criterion whose requirement, measured value or verdict moved.
 */
public record Replay(String evaluationId, boolean same,
        @Schema(description = "The tier the stored answer reached; null when none was", nullable = true)
        String segmentBefore,
        @Schema(description = "The tier the current rules reach; null when none is", nullable = true)
        String segmentAfter,
        String rulesetVersionBefore, String rulesetVersionAfter, List<CriterionChange> changes,
        @Schema(description = "The answer as it was given", ref = "EvaluationResult")
        JsonNode stored,
        @Schema(description = "What the current rules answer for the same facts and day", ref = "EvaluationResult")
        JsonNode current) {

    public record CriterionChange(String tier, String criterion,
            @Schema(description = "The criterion as the stored answer had it; null when it did not exist then",
                    ref = "CriterionResult", nullable = true)
            JsonNode before,
            @Schema(description = "The criterion as the current rules have it; null when it no longer exists",
                    ref = "CriterionResult", nullable = true)
            JsonNode after) {
    }
}
