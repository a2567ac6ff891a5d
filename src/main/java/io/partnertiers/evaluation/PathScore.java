package io.partnertiers.evaluation;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One way of scoring a score criterion: its total and each component's points. */
public record PathScore(
        String path,
        int score,
        @Schema(description = "Whether this path decides the criterion: a path that meets it if any, else the highest"
                + " score; on a tie, the path declared first")
        boolean counts,
        @Schema(description = "Whether this path alone meets the criterion: score at the bar and every component at"
                + " its minimum")
        boolean met,
        List<ComponentPoints> components) {
}
