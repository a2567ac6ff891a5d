package io.partnertiers.audit;

import java.time.Instant;
import java.time.LocalDate;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.databind.JsonNode;


/** A recorded decision as {@code GET /evaluations/{evaluationId}} shows it. */
public record StoredDecision(String evaluationId, String program, String partnerId, LocalDate asOf,
        String rulesetVersion,
        @Schema(description = "The tier reached; null when not even the first was", nullable = true)
        String segment,
        Instant recordedAt,
        @Schema(description = "The partner's facts exactly as submitted", ref = "PartnerFacts")
        JsonNode partner,
        @Schema(description = "The answer exactly as given", ref = "EvaluationResult")
        JsonNode answer) {
}
