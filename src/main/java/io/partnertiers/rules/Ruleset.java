package io.partnertiers.rules;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.kie.api.KieBase;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.KieSessionsPool;

/**
 * A compiled program: its ladder of tiers, the metrics its rules read, what each rule measures, its
 * policy on demotions, and the KieBase that measures a partner. Immutable and shared by every
 * evaluation of the program.
 *
 * @param version a content hash of the program's folder, so a decision names the exact rules behind it
 * @param measuresByRule what each criterion rule measures, by rule name: tells a forecast which dated facts
 *        can move the rule's value
 */
public record Ruleset(String id, String name, String version, List<Tier> tiers, Map<String, MetricDescriptor> metrics,
        Map<String, MeasureCall> measuresByRule, TierPolicy policy, KieBase kieBase, KieSessionsPool sessions) {

    /** Sessions kept ready at start; the pool grows under load and disposed sessions return to it. */
    private static final int POOLED_SESSIONS = 4;

    public Ruleset {
        tiers = List.copyOf(tiers);
        metrics = Map.copyOf(metrics);
        measuresByRule = Map.copyOf(measuresByRule);
    }

    public Ruleset(String id, String name, String version, List<Tier> tiers, Map<String, MetricDescriptor> metrics,
            Map<String, MeasureCall> measuresByRule, TierPolicy policy, KieBase kieBase) {
        this(id, name, version, tiers, metrics, measuresByRule, policy, kieBase,
                kieBase.newKieSessionsPool(POOLED_SESSIONS));
    }

    /** How many rules the program has: each measures one thing for one criterion of one tier. */
    public int ruleCount() {
        int rules = 0; // a loop: it is asked once per evaluation
        for (Tier tier : tiers) {
            for (Criterion criterion : tier.criteria()) {
                rules += criterion.ruleNames().size();
            }
        }
        return rules;
    }

    /** The declared metrics that leave their criteria unmet when a caller does not submit them. */
    public Set<String> metricsUnmetWhenMissing() {
        if (metrics.isEmpty()) {
            return Set.of();
        }
        return metrics.entrySet().stream().filter(e -> e.getValue().valueWhenMissing() == null).map(Map.Entry::getKey)
                .collect(Collectors.toUnmodifiableSet());
    }

    /** A clean session of this program's rules; {@code dispose()} hands it back to the pool. */
    public KieSession newSession() {
        return sessions.newKieSession();
    }
}
