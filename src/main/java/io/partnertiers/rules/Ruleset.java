package io.partnertiers.rules;

import java.util.List;

import org.kie.api.KieBase;

/**
 * A compiled program: its ladder of tiers and the KieBase that measures a partner. Immutable
 * and shared by every evaluation of the program.
 *
 * @param version a content hash of the program's folder, so a decision names the exact rules behind it
 */
public record Ruleset(String id, String name, String version, List<Tier> tiers, KieBase kieBase) {

    public Ruleset {
        tiers = List.copyOf(tiers);
    }
}
