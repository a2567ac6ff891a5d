package io.partnertiers.measures;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Collections;
import java.util.List;
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
}
