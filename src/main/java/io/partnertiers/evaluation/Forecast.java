package io.partnertiers.evaluation;

import java.time.LocalDate;
import java.time.Period;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The days within a horizon on which the partner's segment would change if nothing new happened,
 * from the facts as submitted: certifications expiring, answers leaving the window, fiscal years
 * starting.
 */
@Schema(description = "Each day after asOf, up to until, on which the segment would change if no fact were added:"
        + " certifications earned or expiring, CSAT answers, implementations and deals entering or leaving the 365-day"
        + " window, future-dated facts starting to count, fiscal years starting. The segments are the rules' own: a"
        + " program policy that holds demotions back (grace period, program year) is not applied, so with such a"
        + " policy a demotion takes effect later than forecast here, and the first change starts from atRisk.rulesSegment"
        + " when the answer's segment is held at risk.")
public record Forecast(
        @Schema(description = "The horizon asked for, as an ISO-8601 period", example = "P180D")
        String horizon,
        @Schema(description = "The last day forecast: asOf plus the horizon")
        LocalDate until,
        @Schema(description = "How many evaluations the forecast took: one per day on which a fact the program reads"
                + " enters or leaves a measure, at most one per day of the horizon. The days times the facts' items"
                + " (people, certifications, references, answers, implementations, apps, deals, months, toolkits; at"
                + " least 100) may not exceed 1,000,000: a longer forecast is a 400 naming the longest horizon that fits")
        int evaluations,
        @Schema(description = "The changes of segment, in date order; empty when the segment holds through until")
        List<SegmentChange> changes) {

    /** The longest horizon: a forecast evaluates at most once per day, so 1,827 times at most. */
    public static final Period MAX_HORIZON = Period.ofYears(5);

    public Forecast {
        changes = List.copyOf(changes);
    }
}
