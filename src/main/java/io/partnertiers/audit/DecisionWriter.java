package io.partnertiers.audit;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import javax.sql.DataSource;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.partnertiers.metrics.EvaluationMetrics;
import io.partnertiers.rules.PartnerTiersConfig;

/**
 * Group commit for the decision log: one thread stores the decisions of all requests waiting
 * at that moment in a single transaction, has it forced to disk ({@link DecisionDurability}), then
 * releases each request. A request therefore learns its evaluation id only once its decision is
 * durable, but concurrent requests share one database flush instead of queueing for one each. A
 * request waits at most {@code partner-tiers.decisions.store-timeout}; while the database is out of reach
 * ({@link DatabaseOutage}) it is refused at once. If a shared transaction fails because of one
 * bad row, its decisions are tried one by one, so that the row cannot fail the others.
 *
 * <p>A decision's facts are stored once per content ({@link StoredFacts}): the writer remembers which
 * hashes it has seen stored, asks the database about the others in one query per batch, and inserts
 * only facts it has never seen. Inserts go as JDBC batches on one connection ({@link DecisionRows}), facts
 * before the decisions that refer to them.
 */
@ApplicationScoped
class DecisionWriter {

    private static final Logger LOG = Logger.getLogger(DecisionWriter.class);
    /** The most decisions stored in one transaction. */
    private static final int MAX_BATCH = 64;
    /** The most facts hashes remembered as stored (about 200 bytes each); past it, they are forgotten at once. */
    private static final int MAX_KNOWN_FACTS = 10_000;

    /** @param factsJson the facts whose hash the decision refers to, stored with it unless they already are */
    private record Pending(Decision decision, byte[] factsJson, CompletableFuture<Void> stored) {
    }

    private final Set<String> knownFacts = ConcurrentHashMap.newKeySet();
    private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final DataSource dataSource;
    private final DatabaseOutage outage;
    private final DecisionDurability durability;
    private final StoredJson storedJson;
    private final long timeoutMillis;
    private final long commitDelayNanos;
    private volatile Thread writer;
    private final EvaluationMetrics metrics;

    DecisionWriter(DataSource dataSource, DatabaseOutage outage, DecisionDurability durability, StoredJson storedJson,
            PartnerTiersConfig config, EvaluationMetrics metrics) {
        this.dataSource = dataSource;
        this.outage = outage;
        this.metrics = metrics;
        this.durability = durability;
        this.storedJson = storedJson;
        this.timeoutMillis = config.decisions().storeTimeout().toMillis();
        this.commitDelayNanos = config.decisions().commitDelay().toNanos();
    }

    /**
     * Queues the decision for the next group commit without waiting for it, so that one caller can
     * have many decisions in one commit (a batch of evaluations); {@link Queued#await()} waits.
     *
     * @throws DecisionLogUnavailableException at once while the database is out of reach
     */
    Queued submit(Decision decision, byte[] factsJson) {
        outage.admit();
        startIfNeeded();
        Pending pending = new Pending(decision, factsJson, new CompletableFuture<>());
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
        int expected = 1;
        try {
            while (!Thread.currentThread().isInterrupted()) {
                batch.add(queue.take());
                queue.drainTo(batch, MAX_BATCH - 1);
                awaitCompanions(batch, expected);
                expected = batch.size();
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

    /**
     * Waits up to the commit delay for the batch to hold as many decisions as the last one did: under load
     * the requests of the last commit come back with their next decisions within a moment, and one commit
     * for all of them costs the database far less than one each. After a quiet spell, one decision was the
     * last batch, and nothing waits.
     */
    private void awaitCompanions(List<Pending> batch, int expected) throws InterruptedException {
        long deadline = System.nanoTime() + commitDelayNanos;
        while (batch.size() < Math.min(expected, MAX_BATCH)) {
            long left = deadline - System.nanoTime();
            Pending next = left > 0 ? queue.poll(left, TimeUnit.NANOSECONDS) : null;
            if (next == null) {
                return;
            }
            batch.add(next);
            queue.drainTo(batch, MAX_BATCH - batch.size());
        }
    }

    private void write(List<Pending> batch) {
        commit(List.copyOf(batch), System.nanoTime()); // the loop reuses its list while this one waits for the disk
    }

    /**
     * Commits the batch and tells each request once its decision is on disk, or that it is not: the
     * disk's part may finish after this returns, while the next batch is committed.
     */
    private void commit(List<Pending> batch, long started) {
        boolean trustedMemory = batch.stream().anyMatch(p -> knownFacts.contains(p.decision().factsHash));
        CompletableFuture<Void> durable;
        try (Connection connection = dataSource.getConnection()) {
            List<Decision> decisions = batch.stream().map(Pending::decision).toList();
            Map<String, byte[]> insertedFacts = insert(connection, batch, decisions);
            try {
                durable = durability.afterCommit(connection, insertedFacts, decisions);
            } catch (SQLException | IOException | RuntimeException e) {
                fail(batch, e, started); // committed, but not known to be on disk: not acknowledged
                return;
            }
        } catch (SQLException | RuntimeException e) {
            knownFacts.clear();
            if (trustedMemory && DatabaseOutage.isBadData(e)) {
                // facts deleted since they were seen stored (another replica's purge) fail the foreign key:
                // once more, looking each up (nothing is remembered now, so this cannot repeat)
                commit(batch, started);
                return;
            }
            if (batch.size() > 1 && DatabaseOutage.isBadData(e)) {
                LOG.debugf("A batch of %d decisions failed (%s); storing them one by one", batch.size(), e.getMessage());
                for (Pending pending : batch) {
                    if (outage.isOpen()) {
                        fail(List.of(pending), e, started);
                    } else {
                        commit(List.of(pending), started);
                    }
                }
                return;
            }
            fail(batch, e, started);
            return;
        }
        if (knownFacts.size() > MAX_KNOWN_FACTS) {
            knownFacts.clear();
        }
        batch.forEach(p -> knownFacts.add(p.decision().factsHash));
        durable.whenComplete((ok, failure) -> {
            if (failure != null) {
                fail(batch, failure instanceof Exception e ? e : new IOException(failure), started);
                return;
            }
            outage.writeSucceeded();
            batch.forEach(p -> p.stored().complete(null));
            metrics.decisionsWritten(batch.size(), 0, Duration.ofNanos(System.nanoTime() - started));
        });
    }

    /**
     * One transaction: the facts not stored yet, each once, then the decisions that refer to them.
     *
     * @return the facts inserted, as stored, by hash
     */
    private Map<String, byte[]> insert(Connection connection, List<Pending> batch, List<Decision> decisions)
            throws SQLException {
        connection.setAutoCommit(false);
        try {
            Map<String, byte[]> unknown = new LinkedHashMap<>();
            for (Pending pending : batch) {
                if (!knownFacts.contains(pending.decision().factsHash)) {
                    unknown.putIfAbsent(pending.decision().factsHash, pending.factsJson());
                }
            }
            if (!unknown.isEmpty()) {
                unknown.keySet().removeAll(DecisionRows.storedAmong(connection, unknown.keySet()));
                if (!unknown.isEmpty()) {
                    unknown.replaceAll((hash, json) -> storedJson.encode(json));
                    DecisionRows.insertFacts(connection, unknown);
                }
            }
            DecisionRows.insertDecisions(connection, decisions);
            connection.commit();
            return unknown;
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(true);
        }
    }

    /** Called once facts may have been deleted (the retention purge): the next batches look them up again. */
    void forgetStoredFacts() {
        knownFacts.clear();
    }

    private void fail(List<Pending> batch, Exception e, long started) {
        if (!DatabaseOutage.isBadData(e)) {
            outage.writeFailed(e);
            List<Pending> waiting = new ArrayList<>();
            queue.drainTo(waiting); // admitted before the failure: refuse them now rather than after another attempt
            waiting.forEach(p -> p.stored().completeExceptionally(e));
        }
        batch.forEach(p -> p.stored().completeExceptionally(e));
        metrics.decisionsWritten(0, batch.size(), Duration.ofNanos(System.nanoTime() - started));
    }

    @PreDestroy
    void stop() {
        Thread running = writer;
        if (running != null) {
            running.interrupt();
        }
    }
}
