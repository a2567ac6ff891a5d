package io.partnertiers.rules;

import java.time.LocalDate;
import java.time.MonthDay;
import java.time.Period;

/**
 * When a demotion takes effect, as a program's {@code program.yaml} declares under {@code policies:}.
 * Without a policy a partner is demoted the day its facts fall short; with one, it keeps its
 * recorded tier "at risk" until the demotion takes effect, as long as its facts stay short.
 *
 * @param demotionGracePeriod how long a partner keeps its tier after it first falls short; null for none
 * @param demoteAtProgramYear the day a program year starts: promotions take effect at once, demotions
 *        only when the next program year starts; null for none
 */
public record TierPolicy(Period demotionGracePeriod, MonthDay demoteAtProgramYear) {

    public static final TierPolicy NONE = new TierPolicy(null, null);

    public boolean holdsDemotions() {
        return demotionGracePeriod != null || demoteAtProgramYear != null;
    }

    /** The day a demotion takes effect for a partner that first fell short on {@code since}. */
    public LocalDate demotionTakesEffect(LocalDate since) {
        LocalDate effective = since;
        if (demotionGracePeriod != null) {
            effective = since.plus(demotionGracePeriod);
        }
        if (demoteAtProgramYear != null) {
            LocalDate yearStart = demoteAtProgramYear.atYear(since.getYear());
            LocalDate nextYear = yearStart.isAfter(since) ? yearStart : demoteAtProgramYear.atYear(since.getYear() + 1);
            effective = effective.isAfter(nextYear) ? effective : nextYear;
        }
        return effective;
    }

    /** Which policies hold demotions, as the API names them. */
    public String describe() {
        return demotionGracePeriod != null && demoteAtProgramYear != null ? "grace-period and program-year"
                : demotionGracePeriod != null ? "grace-period" : "program-year";
    }
}
