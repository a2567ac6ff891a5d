package io.partnertiers.measures;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;

class OneToOneMatchingTest {

    @Test
    void shouldMatchFourWhereAGreedyCountFindsThree() {
        // greedy in this order: A→A, {A}→nothing, B,C→B, C,D→C = 3; the maximum is 4
        List<Set<String>> people = List.of(Set.of("A", "B"), Set.of("A"), Set.of("B", "C"), Set.of("C", "D"));
        assertEquals(4, OneToOneMatching.maximumSize(people));
    }

    @Test
    void shouldCountFourPeopleCertifiedOnlyInOneSpecializationOnce() {
        assertEquals(1, OneToOneMatching.maximumSize(Collections.nCopies(4, Set.of("CRM"))));
    }

    @Test
    void shouldCountOnePersonOnceWhateverTheirSpecializations() {
        assertEquals(1, OneToOneMatching.maximumSize(List.of(Set.of("CRM", "ERP", "BI", "UC"))));
    }

    @Test
    void shouldBeLimitedByTheFewerSide() {
        List<Set<String>> people = List.of(Set.of("CRM", "ERP"), Set.of("CRM", "ERP"), Set.of("CRM", "ERP"));
        assertEquals(2, OneToOneMatching.maximumSize(people));
    }

    @Test
    void shouldMatchNothingWithoutPeople() {
        assertEquals(0, OneToOneMatching.maximumSize(List.of()));
        assertEquals(0, OneToOneMatching.maximumSize(List.of(Set.of())));
    }

    @Test
    void shouldMatchEveryoneOnAChainOfTenThousandPeople() {
        // person i holds S(i) and S(i+1); listed so that each one-path-at-a-time search walks the whole chain
        List<Set<String>> people = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            people.add(Set.of("S" + i, "S" + (i + 1)));
        }
        Collections.reverse(people);

        Map<String, Integer> matching = OneToOneMatching.maximum(people);

        assertEquals(10_000, matching.size());
        assertOneToOne(people, matching);
    }

    @Test
    void shouldFindAsLargeAMatchingAsAPlainAugmentingPathSearchOnRandomTeams() {
        Random random = new Random(20261125);
        for (int round = 0; round < 500; round++) {
            List<Set<String>> people = new ArrayList<>();
            int specializations = 1 + random.nextInt(12);
            for (int person = random.nextInt(15); person > 0; person--) {
                Set<String> choices = new HashSet<>();
                for (int k = random.nextInt(4); k > 0; k--) {
                    choices.add("S" + random.nextInt(specializations));
                }
                people.add(choices);
            }

            Map<String, Integer> matching = OneToOneMatching.maximum(people);

            assertEquals(referenceMaximum(people), matching.size(), people.toString());
            assertOneToOne(people, matching);
        }
    }

    private static void assertOneToOne(List<Set<String>> people, Map<String, Integer> matching) {
        assertEquals(matching.size(), new HashSet<>(matching.values()).size(), "a person covers one specialization");
        matching.forEach((specialization, person) -> assertTrue(people.get(person).contains(specialization),
                person + " is not certified in " + specialization));
    }

    /** Kuhn's algorithm, one augmenting path per person: slow, but plainly right. */
    private static int referenceMaximum(List<Set<String>> people) {
        Map<String, Integer> holderOf = new HashMap<>();
        int matched = 0;
        for (int person = 0; person < people.size(); person++) {
            if (augment(person, people, holderOf, new HashSet<>())) {
                matched++;
            }
        }
        return matched;
    }

    private static boolean augment(int person, List<Set<String>> people, Map<String, Integer> holderOf, Set<String> seen) {
        for (String specialization : people.get(person)) {
            if (seen.add(specialization) && (!holderOf.containsKey(specialization)
                    || augment(holderOf.get(specialization), people, holderOf, seen))) {
                holderOf.put(specialization, person);
                return true;
            }
        }
        return false;
    }
}
