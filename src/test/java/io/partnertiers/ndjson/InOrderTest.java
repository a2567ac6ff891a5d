package io.partnertiers.ndjson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** Work on many threads, results in the items' order, with a bounded number in flight. */
class InOrderTest {

    private static final ExecutorService POOL = Executors.newFixedThreadPool(4);

    @AfterAll
    static void stop() {
        POOL.shutdownNow();
    }

    private static InOrder.Source<Integer> upTo(int last, AtomicInteger read) {
        return () -> {
            int next = read.incrementAndGet();
            return next <= last ? next : null;
        };
    }

    @Test
    void shouldHandOnResultsInTheItemsOrderWhateverTheirDurations() throws IOException {
        List<Integer> results = new ArrayList<>();
        new InOrder<Integer, Integer>(POOL, 64, Integer.MAX_VALUE, i -> 1).run(upTo(2_000, new AtomicInteger()), i -> {
            if (ThreadLocalRandom.current().nextInt(50) == 0) {
                sleep(2);
            }
            return i * 10;
        }, results::add);

        assertEquals(2_000, results.size());
        for (int i = 0; i < results.size(); i++) {
            assertEquals((i + 1) * 10, results.get(i));
        }
    }

    @Test
    void shouldKeepNoMoreThanTheWindowInFlight() throws IOException {
        AtomicInteger read = new AtomicInteger();
        AtomicInteger consumed = new AtomicInteger();
        AtomicInteger mostAhead = new AtomicInteger();
        new InOrder<Integer, Integer>(POOL, 8, Integer.MAX_VALUE, i -> 1).run(upTo(500, read), i -> i, result -> {
            mostAhead.accumulateAndGet(read.get() - consumed.incrementAndGet(), Math::max);
            sleep(1);
        });

        assertTrue(mostAhead.get() <= 8 + 2, "read at most the window ahead of the consumer: " + mostAhead.get());
    }

    @Test
    void shouldBoundTheWeightInFlightAndStillLetAHeavyItemThrough() throws IOException {
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        List<Integer> results = new ArrayList<>();
        new InOrder<Integer, Integer>(POOL, 100, 10, i -> i == 50 ? 1_000 : 3).run(upTo(100, new AtomicInteger()), i -> {
            most.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            sleep(1);
            inFlight.decrementAndGet();
            return i;
        }, results::add);

        assertEquals(100, results.size());
        assertTrue(most.get() <= 3, "at most 10 / 3 items of weight 3 at once: " + most.get());
    }

    @Test
    void shouldEndWithTheFirstFailureOfTheSourceOrTheWork() {
        AtomicInteger read = new AtomicInteger();
        IOException broken = assertThrows(IOException.class, () -> new InOrder<Integer, Integer>(POOL, 8, 100, i -> 1)
                .run(() -> {
                    if (read.incrementAndGet() == 20) {
                        throw new IOException("connection reset");
                    }
                    return read.get();
                }, i -> i, result -> {
                }));
        assertEquals("connection reset", broken.getMessage());

        IllegalStateException failed = assertThrows(IllegalStateException.class, () -> new InOrder<Integer, Integer>(POOL,
                8, 100, i -> 1).run(upTo(1_000, new AtomicInteger()), i -> {
                    if (i == 7) {
                        throw new IllegalStateException("rules loop");
                    }
                    return i;
                }, result -> {
                }));
        assertEquals("rules loop", failed.getMessage());
    }

    @Test
    void shouldStopReadingWhenTheConsumerFails() throws InterruptedException {
        AtomicInteger read = new AtomicInteger();
        assertThrows(IOException.class, () -> new InOrder<Integer, Integer>(POOL, 8, 100, i -> 1)
                .run(upTo(Integer.MAX_VALUE, read), i -> i, result -> {
                    if (result == 3) {
                        throw new IOException("client went away");
                    }
                }));
        int stoppedAt = read.get();
        Thread.sleep(50);
        assertEquals(stoppedAt, read.get(), "the reader is stopped before run returns");
        assertTrue(stoppedAt < 100, "read " + stoppedAt);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
