package io.partnertiers.impact;

import java.time.LocalDate;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A partner whose segment differs between the two rulesets, with the criteria that moved. */
@Schema(hidden = true)
public record PartnerChange(int line, String program, String partnerId, LocalDate asOf, String before, String after,
        Direction direction, List<CriterionMove> criteria) {

    public enum Direction {
        PROMOTION, DEMOTION
    }

    /** A criterion of a tier whose requirement, measured value or outcome differs. */
    public record CriterionMove(String tier, String criterion, Object requiredBefore, Object requiredAfter,
            Object actualBefore, Object actualAfter, boolean metBefore, boolean metAfter) {
    }
}
