package io.partnertiers.evaluation;

import java.math.BigDecimal;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An unmet criterion of the next tier. {@code shortfall} is how far {@code actual} is from
 * {@code required}: {@code required - actual} for "at least" and for scores (points missing),
 * {@code actual - required} for "at most" (too many); null for yes/no and any-of criteria and for
 * averages over no items.
 */
public record Gap(
        String tier,
        String criterion,
        String description,
        @Schema(description = "A number (at least this much, or at most for comparison at-most, or the points a score"
                + " needs) or true (must hold; also for any-of)", anyOf = {BigDecimal.class, Boolean.class})
        Object required,
        @Schema(description = "The measured value: a number, a boolean, or null when nothing could be measured",
                anyOf = {BigDecimal.class, Boolean.class}, nullable = true)
        Object actual,
        @Schema(description = "How far actual is from required: missing (at-least, score) or too many (at-most); null"
                + " for yes/no and any-of criteria and when nothing could be measured", nullable = true)
        BigDecimal shortfall,
        @Schema(enumeration = {"at-least", "at-most", "must-hold", "any-of", "score"})
        String comparison,
        @Schema(description = "The gap in words, e.g. '3 missing', '2 too many'")
        String summary,
        @Schema(description = "Any-of criteria: the alternative closest to being met")
        @JsonInclude(JsonInclude.Include.NON_NULL) String track,
        @Schema(description = "Any-of criteria: what the closest alternative misses")
        @JsonInclude(JsonInclude.Include.NON_NULL) List<PartResult> missing,
        @Schema(description = "Score criteria: the path that counts")
        @JsonInclude(JsonInclude.Include.NON_NULL) String path,
        @Schema(description = "Score criteria: components below their minimum points on that path, each with the units"
                + " that earn its next point")
        @JsonInclude(JsonInclude.Include.NON_NULL) List<PointsToAdd> belowMinimum,
        @Schema(description = "Score criteria: the cheapest units to add on that path, most points per unit first")
        @JsonInclude(JsonInclude.Include.NON_NULL) List<PointsToAdd> toAdd) {
}
