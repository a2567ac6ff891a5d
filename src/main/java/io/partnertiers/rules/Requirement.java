package io.partnertiers.rules;

import java.math.BigDecimal;

/**
 * What a criterion requires of its measured value, read from the rule's {@code @required} (a number
 * means "at least this much", {@code true} means "must hold") or {@code @atMost} ("no more than").
 */
public sealed interface Requirement {

    /** The required value as the API shows it. */
    Object value();

    boolean isMetBy(Object actual);

    /**
     * How far {@code actual} is from meeting the requirement, as a positive difference (missing for
     * "at least", too many for "at most"); {@code null} where no difference can be computed.
     */
    BigDecimal shortfall(Object actual);

    /** How the API names the comparison: {@code at-least}, {@code at-most} or {@code must-hold}. */
    String comparison();

    static Requirement parse(Object raw) {
        String text = raw == null ? "" : raw.toString().trim();
        if (text.startsWith("\"") && text.endsWith("\"") && text.length() >= 2) {
            text = text.substring(1, text.length() - 1).trim();
        }
        if (text.equals("true")) {
            return new MustHold();
        }
        try {
            BigDecimal threshold = new BigDecimal(text);
            if (threshold.signum() < 0) {
                throw new IllegalArgumentException("@required must not be negative, got " + text);
            }
            return new AtLeast(threshold);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("@required must be a number or true, got '" + text + "'");
        }
    }

    static Requirement atMost(Object raw) {
        String text = raw == null ? "" : raw.toString().trim();
        try {
            BigDecimal limit = new BigDecimal(text);
            if (limit.signum() < 0) {
                throw new IllegalArgumentException("@atMost must not be negative, got " + text);
            }
            return new AtMost(limit);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("@atMost must be a number, got '" + text + "'");
        }
    }

    /** Numeric criteria: met when the measured value is at least the threshold. */
    record AtLeast(BigDecimal threshold) implements Requirement {

        @Override
        public Object value() {
            return threshold;
        }

        @Override
        public boolean isMetBy(Object actual) {
            BigDecimal number = Measured.asNumber(actual);
            return number != null && number.compareTo(threshold) >= 0;
        }

        @Override
        public BigDecimal shortfall(Object actual) {
            BigDecimal number = Measured.asNumber(actual);
            return number == null ? null : threshold.subtract(number).max(BigDecimal.ZERO);
        }

        @Override
        public String comparison() {
            return "at-least";
        }
    }

    /** Limits: met when the measured value is at most the limit; the shortfall is how many too many. */
    record AtMost(BigDecimal limit) implements Requirement {

        @Override
        public Object value() {
            return limit;
        }

        @Override
        public boolean isMetBy(Object actual) {
            BigDecimal number = Measured.asNumber(actual);
            return number != null && number.compareTo(limit) <= 0;
        }

        @Override
        public BigDecimal shortfall(Object actual) {
            BigDecimal number = Measured.asNumber(actual);
            return number == null ? null : number.subtract(limit).max(BigDecimal.ZERO);
        }

        @Override
        public String comparison() {
            return "at-most";
        }
    }

    /** Yes/no criteria: met when the measured value is {@code true}. */
    record MustHold() implements Requirement {

        @Override
        public Object value() {
            return Boolean.TRUE;
        }

        @Override
        public boolean isMetBy(Object actual) {
            return Boolean.TRUE.equals(actual);
        }

        @Override
        public BigDecimal shortfall(Object actual) {
            return null;
        }

        @Override
        public String comparison() {
            return "must-hold";
        }
    }

    /** The opposite of {@link MustHold}, met when the measured yes/no is not yes: what boundary mutation tries. */
    record MustNotHold() implements Requirement {

        @Override
        public Object value() {
            return Boolean.FALSE;
        }

        @Override
        public boolean isMetBy(Object actual) {
            return !Boolean.TRUE.equals(actual);
        }

        @Override
        public BigDecimal shortfall(Object actual) {
            return null;
        }

        @Override
        public String comparison() {
            return "must-hold";
        }
    }
}
