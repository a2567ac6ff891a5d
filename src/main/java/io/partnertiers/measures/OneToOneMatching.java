package io.partnertiers.measures;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

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
        return maximum(choices).size();
    }

    /**
     * @param choices for each person, the specializations that person may cover
     * @return one maximum matching: the person (index into {@code choices}) by specialization
     */
    public static Map<String, Integer> maximum(List<Set<String>> choices) {
        Map<String, Integer> personBySpecialization = new TreeMap<>();
        for (int person = 0; person < choices.size(); person++) {
            augment(person, choices, personBySpecialization, new HashSet<>());
        }
        return personBySpecialization;
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
