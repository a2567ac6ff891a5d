package io.partnertiers.facts;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.regex.Pattern;

/**
 * What a value sent by a caller may be, in one place for the body and the query string: dates in
 * years 1900 to 9999, ids from a small alphabet, text without control or invisible characters,
 * and decimals of bounded size (an exponent like {@code 1E-99999999} would otherwise cost minutes
 * of arithmetic and gigabytes when written back). Each check answers null when the value is
 * fine, or the reason it is not.
 */
public final class Values {

    public static final int FIRST_YEAR = 1900;
    public static final int LAST_YEAR = 9999;
    /** Digits a decimal may have before and after its point. */
    public static final int MAX_INTEGER_DIGITS = 20;
    public static final int MAX_FRACTION_DIGITS = 10;
    public static final int MAX_ID_LENGTH = 200;

    /** An id: 1 to 200 letters, digits, spaces and {@code . _ : @ # / + -}, starting with a letter or digit. */
    public static final String ID_PATTERN = "[\\p{L}\\p{N}][\\p{L}\\p{N} ._:@#/+-]{0,199}";

    private static final Pattern ID = Pattern.compile(ID_PATTERN);

    private Values() {
    }

    /** @throws IllegalArgumentException with the reason, when {@code text} is not a date of the accepted years */
    public static LocalDate date(String text) {
        // read by hand: LocalDate.parse and a pattern cost a fifth of reading a typical profile
        if (text.length() == 10 && text.charAt(4) == '-' && text.charAt(7) == '-') {
            int year = digits(text, 0, 4);
            int month = digits(text, 5, 7);
            int day = digits(text, 8, 10);
            if (year >= FIRST_YEAR && month >= 1 && month <= 12 && day >= 1 && day <= 31) {
                try {
                    return LocalDate.of(year, month, day);
                } catch (DateTimeException e) {
                    // a day the month does not have: falls through to the one message
                }
            }
        }
        throw new IllegalArgumentException("must be a date yyyy-MM-dd from " + FIRST_YEAR + "-01-01 to " + LAST_YEAR
                + "-12-31");
    }

    /** @throws IllegalArgumentException with the reason, when {@code text} is not a month of the accepted years */
    public static YearMonth month(String text) {
        if (text.length() == 7 && text.charAt(4) == '-') {
            int year = digits(text, 0, 4);
            int month = digits(text, 5, 7);
            if (year >= FIRST_YEAR && month >= 1 && month <= 12) {
                return YearMonth.of(year, month);
            }
        }
        throw new IllegalArgumentException("must be a month yyyy-MM from " + FIRST_YEAR + "-01 to " + LAST_YEAR + "-12");
    }

    /** The number the ASCII digits from {@code start} to {@code end} write, or -1 if another character is there. */
    private static int digits(String text, int start, int end) {
        int value = 0;
        for (int i = start; i < end; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    /** Null when {@code text} holds no control, invisible or unpaired surrogate characters. */
    public static String textProblem(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            int type = Character.getType(c);
            if (type == Character.CONTROL || type == Character.FORMAT || type == Character.PRIVATE_USE
                    || type == Character.UNASSIGNED || c == '\u2028' || c == '\u2029'
                    || Character.isSurrogate(c) && !isPairedSurrogate(text, i)) {
                return "must not contain control or invisible characters (found U+" + String.format("%04X", (int) c)
                        + " at position " + (i + 1) + ")";
            }
            if (Character.isHighSurrogate(c)) {
                i++;
            }
        }
        return null;
    }

    /** Null when {@code text} is an id: 1 to 200 letters, digits, spaces and {@code . _ : @ # / + -}, starting with a letter or digit. */
    public static String idProblem(String text) {
        return ID.matcher(text).matches() ? null
                : "must be 1 to " + MAX_ID_LENGTH + " letters, digits, spaces and . _ : @ # / + -, starting with a letter"
                        + " or digit";
    }

    /** Null when {@code number} has at most 20 digits before its point and 10 after it. */
    public static String decimalProblem(BigDecimal number) {
        BigDecimal exact = number.stripTrailingZeros();
        if (exact.scale() > MAX_FRACTION_DIGITS || exact.precision() - exact.scale() > MAX_INTEGER_DIGITS) {
            return "must have at most " + MAX_INTEGER_DIGITS + " digits before the decimal point and "
                    + MAX_FRACTION_DIGITS + " after it";
        }
        return null;
    }

    private static boolean isPairedSurrogate(String text, int i) {
        char c = text.charAt(i);
        return Character.isHighSurrogate(c) ? i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))
                : i > 0 && Character.isHighSurrogate(text.charAt(i - 1));
    }
}
