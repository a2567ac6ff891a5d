package io.partnertiers.audit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.partnertiers.metrics.EvaluationMetrics;
import io.partnertiers.rules.PartnerTiersConfig;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Group commit for the decision log: one thread stores the decisions of all requests waiting
 * at that moment in a single transaction, forces it to disk, then releases each request. A
 * request therefore learns its evaluation id only once its decision is durable, but concurrent
 * requests share one database flush instead of queueing for one each. A request waits at most
 * {@code partner-tiers.decisions.store-timeout}; while the database is out of reach
 * ({@link DatabaseOutage}) it is refused at once. If a shared transaction fails because of one
 * bad row, its decisions are tried one by one, so that the row cannot fail the others.
 */
@ApplicationScoped
class DecisionWriter {

    private static final Logger LOG = Logger.getLogger(DecisionWriter.class);
    /** The most decisions stored in one transaction. */
    private static final int MAX_BATCH = 64;

    private record Pending(Decision decision, CompletableFuture<Void> stored) {
    }

    private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final DatabaseOutage outage;
    private final H2Fsync fsync;
    private final long timeoutMillis;
    private volatile Thread writer;
    private final EvaluationMetrics metrics;

    DecisionWriter(DatabaseOutage outage, H2Fsync fsync, PartnerTiersConfig config, EvaluationMetrics metrics) {
        this.outage = outage;
        this.metrics = metrics;
        this.fsync = fsync;
        this.timeoutMillis = config.decisions().storeTimeout().toMillis();
    }

    /**
     * Returns once the decision is committed and on disk.
     *
     * @throws DecisionLogUnavailableException if it could not be, or not within the store timeout
     */
    void store(Decision decision) {
        submit(decision).await();
    }

    /**
     * Queues the decision for the next group commit without waiting for it, so that one caller can
     * have many decisions in one commit (a batch of evaluations); {@link Queued#await()} waits.
     *
     * @throws DecisionLogUnavailableException at once while the database is out of reach
     */
    Queued submit(Decision decision) {
        outage.admit();
        startIfNeeded();
        Pending pending = new Pending(decision, new CompletableFuture<>());
        queue.add(pending);
        return new Queued(pending);
    }

    /**
     * A decision waiting for its commit. The store timeout counts from when it is awaited: a batch
     * awaits its decisions in turn, and each may first wait behind the batch's own earlier ones;
     * what the timeout guards against is a database that makes no progress.
     */
    final class Queued {

        private final Pending pending;

        private Queued(Pending pending) {
            this.pending = pending;
        }

        /**
         * Returns once the decision is committed and on disk.
         *
         * @throws DecisionLogUnavailableException if it could not be, or not within the store timeout,
         *         or at once when the database is already known to be out of reach
         */
        void await() {
            try {
                // once the database is known to be out of reach, a batch's remaining decisions fail at once
                // rather than each after its own timeout
                pending.stored().get(outage.isOpen() ? 0 : timeoutMillis, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                giveUp(pending, e);
            } catch (ExecutionException e) {
                throw new DecisionLogUnavailableException(e.getCause());
            } catch (TimeoutException e) {
                // A writer that cannot commit within the timeout is as good as unreachable to callers.
                TimeoutException late = new TimeoutException("not on disk within " + timeoutMillis + " ms");
                outage.writeFailed(late);
                giveUp(pending, late);
            }
        }
    }

    /** Withdraws the decision unless the writer has just stored it, in which case it stands. */
    private static void giveUp(Pending pending, Exception reason) {
        if (pending.stored().cancel(false) || pending.stored().isCompletedExceptionally()) {
            throw new DecisionLogUnavailableException(reason);
        }
    }

    private synchronized void startIfNeeded() {
        if (writer == null) {
            Thread thread = new Thread(this::writeUntilInterrupted, "decision-writer");
            thread.setDaemon(true);
            thread.start();
            writer = thread;
        }
    }

    private void writeUntilInterrupted() {
        List<Pending> batch = new ArrayList<>(MAX_BATCH);
        try {
            while (!Thread.currentThread().isInterrupted()) {
                batch.add(queue.take());
                queue.drainTo(batch, MAX_BATCH - 1);
                batch.removeIf(p -> p.stored().isDone()); // their requests gave up: nobody will learn these ids
                if (!batch.isEmpty()) {
                    write(batch);
                }
                batch.clear();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            batch.addAll(queue);
            batch.forEach(p -> p.stored().completeExceptionally(new IllegalStateException("The service is stopping")));
        }
    }

    private void write(List<Pending> batch) {
        long started = System.nanoTime();
        int stored = 0;
        try {
            stored = commit(batch);
        } finally {
            metrics.decisionsWritten(stored, batch.size() - stored, Duration.ofNanos(System.nanoTime() - started));
        }
    }

    /** @return how many of the batch are stored and on disk; each request is told either way */
    private int commit(List<Pending> batch) {
        try {
            QuarkusTransaction.requiringNew().run(() -> batch.forEach(p -> p.decision().persist()));
        } catch (RuntimeException e) {
            if (batch.size() > 1 && DatabaseOutage.isBadData(e)) {
                LOG.debugf("A batch of %d decisions failed (%s); storing them one by one", batch.size(), e.getMessage());
                int stored = 0;
                for (Pending pending : batch) {
                    if (outage.isOpen()) {
                        pending.stored().completeExceptionally(e);
                    } else {
                        stored += commit(List.of(pending));
                    }
                }
                return stored;
            }
            fail(batch, e);
            return 0;
        }
        try {
            fsync.afterCommit();
        } catch (Exception e) {
            fail(batch, e); // committed, but not known to be on disk: not acknowledged
            return 0;
        }
        outage.writeSucceeded();
        batch.forEach(p -> p.stored().complete(null));
        return batch.size();
    }

    private void fail(List<Pending> batch, Exception e) {
        if (!DatabaseOutage.isBadData(e)) {
            outage.writeFailed(e);
            List<Pending> waiting = new ArrayList<>();
            queue.drainTo(waiting); // admitted before the failure: refuse them now rather than after another attempt
            waiting.forEach(p -> p.stored().completeExceptionally(e));
        }
        batch.forEach(p -> p.stored().completeExceptionally(e));
    }

    @PreDestroy
    void stop() {
        Thread running = writer;
        if (running != null) {
            running.interrupt();
        }
    }
}
