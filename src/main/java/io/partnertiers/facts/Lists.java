package io.partnertiers.facts;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Absent lists and maps read as empty; null elements are kept so that validation can name them. */
final class Lists {

    private Lists() {
    }

    static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(list));
    }

    /** Readiness scores in section order. */
    static Map<ReadinessSection, Integer> orEmpty(Map<ReadinessSection, Integer> scores) {
        return scores == null || scores.isEmpty() ? Map.of() : Collections.unmodifiableMap(new EnumMap<>(scores));
    }

    /** Metrics in the order they were submitted. */
    static <V> Map<String, V> inOrderOrEmpty(Map<String, V> metrics) {
        return metrics == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
    }
}
