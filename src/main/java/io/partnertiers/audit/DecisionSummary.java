package io.partnertiers.audit;

import java.time.Instant;
import java.time.LocalDate;

/** One line of a partner's decision list. */
public record DecisionSummary(String evaluationId, String program, String partnerId, LocalDate asOf,
        String rulesetVersion, String segment, Instant recordedAt) {

    static DecisionSummary of(Decision d) {
        return new DecisionSummary(d.id, d.program, d.partnerId, d.asOf, d.rulesetVersion, d.segment, d.recordedAt);
    }
}
