package io.partnertiers.measures;

import java.util.Collection;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A value a rule measured, with what it counted. The evidence is only put into words when an
 * explanation is asked for, so measuring stays cheap on every other evaluation.
 *
 * @param value what criteria compare: a number, a boolean, or null for an average over nothing
 * @param counted what was counted, one line per item, e.g. {@code "p7: [CSA (ITSM) until 2028-01-10]"}
 */
public record Measure(Object value, Supplier<List<String>> counted) {

    /** The number of {@code items}, each described by {@code describe} when explained. */
    public static <T> Measure count(Collection<T> items, Function<T, String> describe) {
        return new Measure(items.size(), () -> items.stream().map(describe).toList());
    }

    /** A yes/no fact, with the one line of evidence that decided it. */
    public static Measure check(boolean holds, String evidence) {
        return new Measure(holds, () -> List.of(evidence));
    }

    public List<String> evidence() {
        return counted.get();
    }
}
