package io.partnertiers.audit;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A stored decision beside what the current rules answer for the same facts and day.
 * {@code changes} lists every criterion whose requirement, measured value or verdict moved.
 */
public record Replay(String evaluationId, boolean same, String segmentBefore, String segmentAfter,
        String rulesetVersionBefore, String rulesetVersionAfter, List<CriterionChange> changes, JsonNode stored,
        JsonNode current) {

    public record CriterionChange(String tier, String criterion, JsonNode before, JsonNode after) {
    }
}
