package io.partnertiers.measures;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.Map;
import java.util.TreeMap;

/**
 * The longest run of consecutive calendar months whose active usage rate reaches a floor.
 * A month with no figure breaks the run, as does a month below the floor.
 */
public final class AdoptionStreak {

    private AdoptionStreak() {
    }

    /** @param rates usage rate by month; months after {@code lastMonth} are ignored */
    public static int longest(Map<YearMonth, BigDecimal> rates, BigDecimal floor, YearMonth lastMonth) {
        int longest = 0;
        int current = 0;
        YearMonth previous = null;
        for (var entry : new TreeMap<>(rates).headMap(lastMonth, true).entrySet()) {
            boolean adopted = entry.getValue().compareTo(floor) >= 0;
            boolean follows = previous != null && previous.plusMonths(1).equals(entry.getKey());
            current = adopted ? (follows ? current + 1 : 1) : 0;
            longest = Math.max(longest, current);
            previous = adopted ? entry.getKey() : null;
        }
        return longest;
    }
}
