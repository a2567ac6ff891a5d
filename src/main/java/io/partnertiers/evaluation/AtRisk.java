package io.partnertiers.evaluation;

import java.time.LocalDate;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A tier kept by the program's policy although the facts fall short of it: the demotion takes
 * effect on {@code until} unless the gaps are closed before.
 */
public record AtRisk(
        @Schema(description = "The tier the facts reach on their own; null when they reach none", nullable = true)
        String rulesSegment,
        @Schema(description = "The first day of the decisions that fell short of the kept tier")
        LocalDate since,
        @Schema(description = "The day the demotion takes effect if nothing changes")
        LocalDate until,
        @Schema(enumeration = {"grace-period", "program-year", "grace-period and program-year"})
        String policy,
        @Schema(description = "In words, e.g. 'PREMIER at risk until 2027-02-01'")
        String summary,
        @Schema(description = "What the facts miss to keep the tier: the unmet criteria of the kept tier and of every"
                + " tier between it and rulesSegment")
        List<Gap> gaps) {
}
