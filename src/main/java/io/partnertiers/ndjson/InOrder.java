package io.partnertiers.ndjson;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.function.ToIntFunction;

/**
 * Works through a stream of items on a pool of threads and hands the results on in the items'
 * order: a thread of its own reads the items, the pool works on them, the calling thread consumes
 * the results. At most {@code maxItems} items, weighing at most {@code maxWeight} together, are in
 * flight at any moment, so that memory stays flat however long the stream is; reading waits for
 * the consumer, never the other way round.
 */
public final class InOrder<T, R> {

    /** Where the items come from; reading may block. */
    @FunctionalInterface
    public interface Source<T> {
        /** The next item, or null at the end. */
        T next() throws IOException;
    }

    /** Where the results go, in the items' order. */
    public interface Sink<R> {
        void accept(R result) throws IOException;

        /** Called before waiting for the next result: the moment to flush what was written. */
        default void idle() throws IOException {
        }
    }

    private static final Object END = new Object();
    /**
     * How long the next result may keep the consumer waiting before it is told it is idle: short
     * enough for a caller that reads each answer before it sends more, long enough that a busy
     * stream is written many results at a time.
     */
    private static final long IDLE_AFTER_MILLIS = 5;

    private record Failed(Throwable cause) {
    }

    private final Executor workers;
    private final int maxItems;
    private final int maxWeight;
    private final ToIntFunction<T> weight;

    /**
     * @param weight what an item counts against {@code maxWeight} (e.g. its size in bytes); an item
     *        heavier than that alone is let through once nothing else is in flight
     */
    public InOrder(Executor workers, int maxItems, int maxWeight, ToIntFunction<T> weight) {
        this.workers = workers;
        this.maxItems = maxItems;
        this.maxWeight = maxWeight;
        this.weight = weight;
    }

    /** Returns once every item is consumed; the first failure of the source, the work or the sink ends it. */
    public void run(Source<T> source, Function<T, R> work, Sink<R> sink) throws IOException {
        BlockingQueue<Object> inFlight = new ArrayBlockingQueue<>(maxItems);
        Semaphore room = new Semaphore(maxWeight);
        Thread reader = new Thread(() -> read(source, work, inFlight, room), "in-order-reader");
        reader.setDaemon(true);
        reader.start();
        try {
            consume(inFlight, room, sink);
        } finally {
            reader.interrupt();
            try {
                reader.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void read(Source<T> source, Function<T, R> work, BlockingQueue<Object> inFlight, Semaphore room) {
        try {
            for (T item = source.next(); item != null; item = source.next()) {
                int permits = Math.min(maxWeight, Math.max(0, weight.applyAsInt(item)));
                room.acquire(permits);
                T taken = item;
                inFlight.put(new Work<>(CompletableFuture.supplyAsync(() -> work.apply(taken), workers), permits));
            }
            inFlight.put(END);
        } catch (InterruptedException | InterruptedIOException e) {
            // the consumer stopped: nobody waits for more
        } catch (IOException | RuntimeException e) {
            try {
                inFlight.put(new Failed(e));
            } catch (InterruptedException stopped) {
                // the consumer stopped in the meantime
            }
        }
    }

    private record Work<R>(CompletableFuture<R> result, int permits) {
    }

    @SuppressWarnings("unchecked")
    private void consume(BlockingQueue<Object> inFlight, Semaphore room, Sink<R> sink) throws IOException {
        try {
            while (true) {
                Object next = inFlight.poll(IDLE_AFTER_MILLIS, TimeUnit.MILLISECONDS);
                if (next == null) {
                    sink.idle();
                    next = inFlight.take();
                }
                if (next == END) {
                    return;
                }
                if (next instanceof Failed failed) {
                    throw rethrown(failed.cause());
                }
                Work<R> work = (Work<R>) next;
                R result;
                try {
                    try {
                        result = work.result().get(IDLE_AFTER_MILLIS, TimeUnit.MILLISECONDS);
                    } catch (TimeoutException e) {
                        sink.idle();
                        result = work.result().get();
                    }
                } catch (ExecutionException e) {
                    throw rethrown(e.getCause());
                }
                sink.accept(result);
                room.release(work.permits());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("Interrupted while waiting for a result");
        }
    }

    private static IOException rethrown(Throwable cause) {
        if (cause instanceof IOException io) {
            return io;
        }
        if (cause instanceof UncheckedIOException unchecked) {
            return unchecked.getCause();
        }
        if (cause instanceof RuntimeException runtime) {
            throw runtime;
        }
        if (cause instanceof Error error) {
            throw error;
        }
        return new IOException(cause);
    }
}
