package io.partnertiers.audit;

import java.time.Instant;
import java.time.LocalDate;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One line of a partner's decision list. */
public record DecisionSummary(String evaluationId, String program, String partnerId, LocalDate asOf,
        String rulesetVersion,
        @Schema(description = "The tier reached; null when not even the first was", nullable = true)
        String segment,
        Instant recordedAt) {

    static DecisionSummary of(Decision d) {
        return new DecisionSummary(d.id, d.program, d.partnerId, d.asOf, d.rulesetVersion, d.segment, d.recordedAt);
    }
}
