package io.partnertiers.evaluation;

import java.math.BigDecimal;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

/** How a partner fares on one criterion of one tier. {@code actual} is null when nothing could be measured. */
public record CriterionResult(
        String criterion,
        String description,
        @Schema(description = "A number (at least this much, or at most for comparison at-most, or the points a score"
                + " needs) or true (must hold; also for any-of)", anyOf = {BigDecimal.class, Boolean.class})
        Object required,
        @Schema(description = "The measured value: a number, a boolean, or null when nothing could be measured (an"
                + " average over no items, a metric not submitted that the program counts as unmet)",
                anyOf = {BigDecimal.class, Boolean.class}, nullable = true)
        Object actual,
        boolean met,
        @Schema(description = "How actual is compared with required", enumeration = {"at-least", "at-most",
                "must-hold", "any-of", "score"})
        String comparison,
        @Schema(description = "Present for any-of criteria: each alternative track and how it fares")
        @JsonInclude(JsonInclude.Include.NON_NULL) List<TrackResult> tracks,
        @Schema(description = "Present for score criteria: each path's points, component by component")
        @JsonInclude(JsonInclude.Include.NON_NULL) List<PathScore> paths) {
}
