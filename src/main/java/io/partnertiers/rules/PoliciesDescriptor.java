package io.partnertiers.rules;

import java.time.DateTimeException;
import java.time.MonthDay;
import java.time.Period;
import java.util.regex.Pattern;

/**
 * The {@code policies:} of a program.yaml as written: {@code demotionGracePeriod: P90D} and
 * {@code demoteAtProgramYear: "02-01"} (the month and day a program year starts).
 */
public record PoliciesDescriptor(String demotionGracePeriod, String demoteAtProgramYear) {

    private static final Pattern PERIOD = Pattern.compile("P(\\d{1,4}Y)?(\\d{1,4}M)?(\\d{1,4}W)?(\\d{1,5}D)?");
    private static final Pattern MONTH_DAY = Pattern.compile("\\d{2}-\\d{2}");

    /** @throws IllegalArgumentException naming the field and what it takes */
    TierPolicy toPolicy() {
        Period grace = null;
        if (demotionGracePeriod != null) {
            String text = demotionGracePeriod.trim();
            if (!PERIOD.matcher(text).matches() || text.equals("P")) {
                throw new IllegalArgumentException("demotionGracePeriod must be an ISO-8601 period such as P90D or P3M,"
                        + " got '" + text + "'");
            }
            grace = Period.parse(text);
        }
        MonthDay yearStart = null;
        if (demoteAtProgramYear != null) {
            String text = demoteAtProgramYear.trim();
            try {
                if (!MONTH_DAY.matcher(text).matches()) {
                    throw new DateTimeException(text);
                }
                yearStart = MonthDay.parse("--" + text);
            } catch (DateTimeException e) {
                throw new IllegalArgumentException("demoteAtProgramYear must be the month and day a program year starts,"
                        + " such as \"02-01\", got '" + text + "'");
            }
            if (yearStart.equals(MonthDay.of(2, 29))) {
                throw new IllegalArgumentException("demoteAtProgramYear cannot be 02-29: most years have none");
            }
        }
        return new TierPolicy(grace, yearStart);
    }
}
