package io.partnertiers.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.partnertiers.audit.TierChange.Direction;

class TierHistoryTest {

    private static final List<String> LADDER = List.of("REGISTERED", "SPECIALIST", "PREMIER");

    private static DecisionSummary decided(int day, String segment) {
        return new DecisionSummary("e" + day, "p", "acme", LocalDate.of(2026, 1, day), "v" + day, segment, Instant.EPOCH);
    }

    @Test
    void shouldListOnlyChangesWithTheirDirection() {
        List<TierChange> changes = TierHistory.changes(List.of(decided(1, null), decided(2, "REGISTERED"),
                decided(3, "REGISTERED"), decided(4, "PREMIER"), decided(5, "SPECIALIST"), decided(6, null)), LADDER);

        assertEquals(List.of(
                new TierChange(LocalDate.of(2026, 1, 2), null, "REGISTERED", Direction.PROMOTION, "v2", "e2"),
                new TierChange(LocalDate.of(2026, 1, 4), "REGISTERED", "PREMIER", Direction.PROMOTION, "v4", "e4"),
                new TierChange(LocalDate.of(2026, 1, 5), "PREMIER", "SPECIALIST", Direction.DEMOTION, "v5", "e5"),
                new TierChange(LocalDate.of(2026, 1, 6), "SPECIALIST", null, Direction.DEMOTION, "v6", "e6")), changes);
    }

    @Test
    void shouldHaveNoChangeWithoutDecisions() {
        assertEquals(List.of(), TierHistory.changes(List.of(), LADDER));
    }
}
