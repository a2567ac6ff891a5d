package io.partnertiers.rules;

import java.math.BigDecimal;

/** Normalises what a rule measured into the values the API shows: a decimal, a boolean, or null. */
public final class Measured {

    private Measured() {
    }

    public static Object normalise(Object actual) {
        return actual instanceof Number ? asNumber(actual) : actual;
    }

    static BigDecimal asNumber(Object actual) {
        if (actual instanceof BigDecimal decimal) {
            return decimal;
        }
        if (actual instanceof Integer || actual instanceof Long || actual instanceof Short) {
            return BigDecimal.valueOf(((Number) actual).longValue());
        }
        if (actual instanceof Number number) {
            return new BigDecimal(number.toString());
        }
        return null;
    }
}
