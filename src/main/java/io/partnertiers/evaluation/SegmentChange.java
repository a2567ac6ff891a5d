package io.partnertiers.evaluation;

import java.time.LocalDate;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A day on which the segment changes, and the criteria that change it. */
public record SegmentChange(
        @Schema(description = "The first day with the new segment")
        LocalDate date,
        @Schema(description = "The segment until the day before; null when no tier is reached", nullable = true)
        String segmentBefore,
        @Schema(description = "The segment from date on; null when no tier is reached", nullable = true)
        String segmentAfter,
        @Schema(description = "As in the tier history", enumeration = {"PROMOTION", "DEMOTION"})
        String direction,
        @Schema(description = "The criteria that become met (a promotion) or unmet (a demotion) that day, in the tiers between"
                + " the two segments, each with the facts that move it")
        List<MovingCriterion> criteria) {

    public SegmentChange {
        criteria = List.copyOf(criteria);
    }
}
