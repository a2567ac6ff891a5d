package io.partnertiers.measures;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A value a rule measured, with what it counted. The evidence is only put into words when an
 * explanation is asked for, so measuring stays cheap on every other evaluation.
 */
public sealed interface Measure {

    /** The value criteria compare: a number, a boolean, or null for an average over nothing. */
    Object value();

    /** What was counted, one line per item, e.g. {@code "p7: CSA (ITSM), valid until 2028-01-10"}. */
    List<String> evidence();

    static <T> Count count(Collection<T> counted, Function<T, String> describe) {
        return new Count(counted.size(), () -> counted.stream().map(describe).toList());
    }

    /** A number of things. */
    record Count(int number, Supplier<List<String>> counted) implements Measure {

        @Override
        public Object value() {
            return number;
        }

        @Override
        public List<String> evidence() {
            return counted.get();
        }
    }

    /** A decimal (a sum, an average); {@code null} when there was nothing to average. */
    record Amount(BigDecimal amount, Supplier<List<String>> counted) implements Measure {

        @Override
        public Object value() {
            return amount;
        }

        @Override
        public List<String> evidence() {
            return counted.get();
        }
    }

    /** A yes/no fact. */
    record Check(boolean holds, Supplier<List<String>> counted) implements Measure {

        @Override
        public Object value() {
            return holds;
        }

        @Override
        public List<String> evidence() {
            return counted.get();
        }
    }
}
