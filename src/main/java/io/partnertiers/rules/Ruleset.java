package io.partnertiers.rules;

import java.util.List;

import org.kie.api.KieBase;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.KieSessionsPool;

/**
 * A compiled program: its ladder of tiers and the KieBase that measures a partner. Immutable
 * and shared by every evaluation of the program.
 *
 * @param version a content hash of the program's folder, so a decision names the exact rules behind it
 */
public record Ruleset(String id, String name, String version, List<Tier> tiers, KieBase kieBase,
        KieSessionsPool sessions) {

    /** Sessions kept ready at start; the pool grows under load and disposed sessions return to it. */
    private static final int POOLED_SESSIONS = 4;

    public Ruleset {
        tiers = List.copyOf(tiers);
    }

    public Ruleset(String id, String name, String version, List<Tier> tiers, KieBase kieBase) {
        this(id, name, version, tiers, kieBase, kieBase.newKieSessionsPool(POOLED_SESSIONS));
    }

    /** How many rules the program has: each decides one criterion of one tier. */
    public int ruleCount() {
        return tiers.stream().mapToInt(tier -> tier.criteria().size()).sum();
    }

    /** A clean session of this program's rules; {@code dispose()} hands it back to the pool. */
    public KieSession newSession() {
        return sessions.newKieSession();
    }
}
