package io.partnertiers.api;

import java.time.LocalDate;
import java.time.Period;
import java.util.regex.Pattern;

import io.partnertiers.facts.Values;
import io.partnertiers.rules.RulesetCompiler;

/**
 * Reads path and query parameters by hand, so that every bad one is a 400 naming it (a
 * framework-bound {@code int} answers 404 to {@code size=abc}) and nothing unchecked reaches the
 * decision log's queries.
 */
final class Parameters {

    /** The largest page a caller may ask for. */
    static final int MAX_PAGE_SIZE = 100;
    /** The last page number accepted; far beyond any partner's history, small enough for exact offsets. */
    static final int MAX_PAGE = 1_000_000;
    private static final Pattern DIGITS = Pattern.compile("\\d{1,9}");
    /** An ISO-8601 period of years, months, weeks and days, without signs or a time part. */
    private static final Pattern PERIOD = Pattern.compile("P(\\d{1,5}Y)?(\\d{1,5}M)?(\\d{1,5}W)?(\\d{1,6}D)?");
    private static final Pattern EVALUATION_ID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    private Parameters() {
    }

    static int wholeNumber(String name, String value, int defaultValue, int min, int max) {
        if (value == null) {
            return defaultValue;
        }
        if (!DIGITS.matcher(value).matches() || Integer.parseInt(value) < min || Integer.parseInt(value) > max) {
            throw new InvalidParameterException(name, "must be a whole number from " + min + " to " + max
                    + " (got '" + ProblemMappers.printable(value) + "')");
        }
        return Integer.parseInt(value);
    }

    static boolean flag(String name, String value) {
        if (value == null || value.equals("false")) {
            return false;
        }
        if (value.equals("true")) {
            return true;
        }
        throw new InvalidParameterException(name, "must be true or false (got '" + ProblemMappers.printable(value) + "')");
    }

    /** Null when absent. */
    static LocalDate day(String name, String value) {
        try {
            return value == null ? null : Values.date(value);
        } catch (IllegalArgumentException e) {
            throw new InvalidParameterException(name, e.getMessage() + " (got '" + ProblemMappers.printable(value) + "')");
        }
    }

    /** Null when absent; how long it may be is the service's to say, against the day it starts from. */
    static Period period(String name, String value) {
        if (value == null) {
            return null;
        }
        if (!PERIOD.matcher(value).matches() || value.equals("P") || Period.parse(value).isZero()) {
            throw new InvalidParameterException(name, "must be a positive ISO-8601 period of years, months, weeks and"
                    + " days, such as P180D, P6M or P1Y2M (got '" + ProblemMappers.printable(value) + "')");
        }
        return Period.parse(value);
    }

    static String partnerId(String value) {
        String problem = Values.idProblem(value);
        if (problem != null) {
            throw new InvalidParameterException("partnerId", problem + " (got '" + ProblemMappers.printable(value) + "')");
        }
        return value;
    }

    /** Null when absent and optional. */
    static String programId(String name, String value) {
        if (value != null && !RulesetCompiler.isProgramId(value)) {
            throw new InvalidParameterException(name, "must be a program id: 1 to 64 lower-case letters, digits and '-'"
                    + " (got '" + ProblemMappers.printable(value) + "')");
        }
        return value;
    }

    /** Every id the service hands out is a lower-case UUID; anything else names no decision. */
    static boolean isEvaluationId(String value) {
        return EVALUATION_ID.matcher(value).matches();
    }
}
