package io.partnertiers.evaluation;

import java.math.BigDecimal;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.partnertiers.facts.FactEvent;

/** One criterion that turns met or unmet on the day of a segment change, and the dated facts behind it. */
public record MovingCriterion(
        String tier,
        String criterion,
        String description,
        @Schema(enumeration = {"at-least", "at-most", "must-hold", "any-of", "score"})
        String comparison,
        @Schema(description = "As in the tiers of the answer", anyOf = {BigDecimal.class, Boolean.class})
        Object required,
        @Schema(description = "The measured value the day before; null when nothing could be measured",
                anyOf = {BigDecimal.class, Boolean.class}, nullable = true)
        Object actualBefore,
        @Schema(description = "The measured value from that day on; null when nothing could be measured",
                anyOf = {BigDecimal.class, Boolean.class}, nullable = true)
        Object actualAfter,
        @Schema(description = "Whether the criterion is met from that day on")
        boolean met,
        @Schema(description = "The facts that enter or leave the criterion's measures that day (a day may also list one"
                + " that does not move the value alone, such as a certification of someone who holds another)")
        List<FactEvent> causes) {

    public MovingCriterion {
        causes = List.copyOf(causes);
    }
}
