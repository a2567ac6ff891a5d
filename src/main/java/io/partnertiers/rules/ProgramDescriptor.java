package io.partnertiers.rules;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The contents of a program's {@code program.yaml}: its name, its tiers lowest first, the
 * description of each criterion, the caller-computed metrics its rules read, and the policies that
 * hold demotions back. Thresholds are
 * not here: they live in the DRL rules.
 */
public record ProgramDescriptor(String name, String source, List<TierDescriptor> tiers, Map<String, String> criteria,
        Map<String, MetricDescriptor> metrics, PoliciesDescriptor policies) {

    public ProgramDescriptor {
        tiers = tiers == null ? List.of() : List.copyOf(tiers);
        criteria = criteria == null ? Map.of() : new LinkedHashMap<>(criteria);
        metrics = metrics == null ? Map.of() : new LinkedHashMap<>(metrics);
    }
}
