package io.partnertiers.measures;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Size of a maximum one-to-one matching between people and the specializations they are
 * certified in: each person serves one specialization at most and each specialization is
 * covered once (seed 004: "each certification is personal and can serve one specialization").
 * A greedy count undercounts: people {A,B}, {A}, {B,C}, {C,D} match 4, not 3.
 */
public final class OneToOneMatching {

    private OneToOneMatching() {
    }

    /** @param choices for each person, the specializations that person may cover */
    public static int maximumSize(List<Set<String>> choices) {
        Map<String, Integer> personBySpecialization = new HashMap<>();
        int matched = 0;
        for (int person = 0; person < choices.size(); person++) {
            if (augment(person, choices, personBySpecialization, new HashSet<>())) {
                matched++;
            }
        }
        return matched;
    }

    /** Kuhn's augmenting path: give {@code person} a specialization, moving earlier people if needed. */
    private static boolean augment(int person, List<Set<String>> choices,
            Map<String, Integer> personBySpecialization, Set<String> visited) {
        for (String specialization : choices.get(person)) {
            if (!visited.add(specialization)) {
                continue;
            }
            Integer holder = personBySpecialization.get(specialization);
            if (holder == null || augment(holder, choices, personBySpecialization, visited)) {
                personBySpecialization.put(specialization, person);
                return true;
            }
        }
        return false;
    }
}
