package io.partnertiers.audit;

import java.time.Instant;
import java.time.LocalDate;

import com.fasterxml.jackson.databind.JsonNode;

/** A recorded decision as {@code GET /evaluations/{evaluationId}} shows it. */
public record StoredDecision(String evaluationId, String program, String partnerId, LocalDate asOf,
        String rulesetVersion, String segment, Instant recordedAt, JsonNode partner, JsonNode answer) {
}
