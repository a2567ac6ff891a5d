package io.partnertiers.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Group commit for the decision log: one thread stores the decisions of all requests waiting
 * at that moment in a single transaction, then releases each request. A request therefore still
 * learns its evaluation id only after its decision is committed, but concurrent requests share
 * one database flush instead of queueing for one each. If a shared transaction fails, its
 * decisions are tried one by one, so that one bad row cannot fail the others.
 */
@ApplicationScoped
class DecisionWriter {

    private static final Logger LOG = Logger.getLogger(DecisionWriter.class);
    /** The most decisions stored in one transaction. */
    private static final int MAX_BATCH = 64;

    private record Pending(Decision decision, CompletableFuture<Void> stored) {
    }

    private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private volatile Thread writer;

    /** @return completes once the decision is committed, or exceptionally if it could not be */
    CompletableFuture<Void> store(Decision decision) {
        startIfNeeded();
        Pending pending = new Pending(decision, new CompletableFuture<>());
        queue.add(pending);
        return pending.stored();
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
                write(batch);
                batch.clear();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            batch.addAll(queue);
            batch.forEach(p -> p.stored().completeExceptionally(new IllegalStateException("The service is stopping")));
        }
    }

    private static void write(List<Pending> batch) {
        try {
            QuarkusTransaction.requiringNew().run(() -> batch.forEach(p -> p.decision().persist()));
            batch.forEach(p -> p.stored().complete(null));
        } catch (RuntimeException e) {
            if (batch.size() == 1) {
                batch.get(0).stored().completeExceptionally(e);
                return;
            }
            LOG.debugf("A batch of %d decisions failed (%s); storing them one by one", batch.size(), e.getMessage());
            for (Pending pending : batch) {
                write(List.of(pending));
            }
        }
    }

    @PreDestroy
    void stop() {
        Thread running = writer;
        if (running != null) {
            running.interrupt();
        }
    }
}
