package io.partnertiers.audit;

import java.sql.SQLDataException;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.partnertiers.rules.PartnerTiersConfig;

/**
 * A circuit breaker for recording: once a write fails for any reason but bad data, recording
 * requests are refused at once, except one every {@code partner-tiers.decisions.retry-every},
 * which tries the database; the first write that succeeds closes it again.
 */
@ApplicationScoped
class DatabaseOutage {

    private static final Logger LOG = Logger.getLogger(DatabaseOutage.class);

    private final long retryEveryNanos;
    private volatile boolean open;
    /** While open: the {@link System#nanoTime()} from which the next request may try the database. */
    private final AtomicLong nextTry = new AtomicLong();

    @Inject
    DatabaseOutage(PartnerTiersConfig config) {
        this(config.decisions().retryEvery());
    }

    DatabaseOutage(Duration retryEvery) {
        this.retryEveryNanos = retryEvery.toNanos();
    }

    /** @throws DecisionLogUnavailableException while the database is out of reach and it is not this request's turn to try it */
    void admit() {
        if (!open) {
            return;
        }
        long now = System.nanoTime();
        long at = nextTry.get();
        if (now - at < 0 || !nextTry.compareAndSet(at, now + retryEveryNanos)) {
            throw new DecisionLogUnavailableException(new IllegalStateException(
                    "the database was out of reach at the last attempt; trying again every "
                            + Duration.ofNanos(retryEveryNanos).toMillis() + " ms"));
        }
    }

    void writeSucceeded() {
        if (open) {
            open = false;
            LOG.info("Decision log: the database is back; recording again");
        }
    }

    void writeFailed(Throwable cause) {
        nextTry.set(System.nanoTime() + retryEveryNanos);
        if (!open) {
            open = true;
            LOG.warnf("Decision log: the database is out of reach (%s); recording requests get 503 until it is back",
                    rootMessage(cause));
        }
    }

    boolean isOpen() {
        return open;
    }

    /** A failure caused by the decision itself (bad value, constraint) rather than by the database being unavailable. */
    static boolean isBadData(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLDataException || cause instanceof SQLIntegrityConstraintViolationException) {
                return true;
            }
            if (cause instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("22") || sql.getSQLState().startsWith("23"))) {
                return true;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() != null ? root.getMessage() : root.getClass().getSimpleName();
    }
}
