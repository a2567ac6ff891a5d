package io.partnertiers.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

class EvaluationIdsTest {

    private final AtomicLong clock = new AtomicLong(1_764_547_200_000L); // 2025-12-01T00:00:00Z
    private final EvaluationIds ids = new EvaluationIds(clock::get);

    @Test
    void anIdIsAVersion7UuidCarryingItsMillisecond() {
        UUID id = ids.next();
        assertEquals(7, id.version());
        assertEquals(2, id.variant()); // RFC 9562
        assertEquals(clock.get(), id.getMostSignificantBits() >>> 16);
        assertEquals(id, UUID.fromString(id.toString()));
    }

    @Test
    void idsSortInTheOrderTheyWereMadeAsTextToo() {
        String previous = ids.next().toString();
        for (int i = 0; i < 10_000; i++) {
            if (i % 7 == 0) {
                clock.addAndGet(1);
            }
            String next = ids.next().toString();
            assertTrue(next.compareTo(previous) > 0, previous + " then " + next);
            previous = next;
        }
    }

    @Test
    void aClockThatGoesBackDoesNotBreakTheOrder() {
        UUID before = ids.next();
        clock.addAndGet(-60_000);
        UUID after = ids.next();
        assertTrue(after.toString().compareTo(before.toString()) > 0);
        assertEquals(before.getMostSignificantBits() >>> 16, after.getMostSignificantBits() >>> 16);
    }

    @Test
    void moreThan4096IdsInOneMillisecondBorrowTheNext() {
        Set<UUID> seen = new HashSet<>();
        UUID last = null;
        for (int i = 0; i < 5_000; i++) {
            UUID id = ids.next();
            assertTrue(seen.add(id));
            assertTrue(last == null || id.toString().compareTo(last.toString()) > 0);
            last = id;
        }
        assertEquals(clock.get() + 1, last.getMostSignificantBits() >>> 16);
    }

    @Test
    void theRandomPartDiffersBetweenIds() {
        Set<Long> randomBits = new HashSet<>();
        for (int i = 0; i < 1_000; i++) {
            randomBits.add(ids.next().getLeastSignificantBits());
        }
        assertEquals(1_000, randomBits.size());
    }
}
