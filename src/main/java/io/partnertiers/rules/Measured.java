package io.partnertiers.rules;

import java.math.BigDecimal;

import io.partnertiers.measures.Measure;

/** Normalises what a rule measured (a {@link Measure} or a plain value) into a decimal, a boolean, or null. */
public final class Measured {

    private Measured() {
    }

    public static Object normalise(Object actual) {
        Object value = actual instanceof Measure measure ? measure.value() : actual;
        return value instanceof Number ? asNumber(value) : value;
    }

    public static BigDecimal asNumber(Object actual) {
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
