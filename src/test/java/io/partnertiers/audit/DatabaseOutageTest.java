package io.partnertiers.audit;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.time.Duration;

import jakarta.persistence.PersistenceException;

import org.junit.jupiter.api.Test;

/** The recording circuit breaker: refuse at once while the database is away, try it once per period. */
class DatabaseOutageTest {

    private static final Exception UNREACHABLE = new SQLException("Connection refused", "08001");

    @Test
    void shouldAdmitEveryRequestWhileNoWriteHasFailed() {
        DatabaseOutage outage = new DatabaseOutage(Duration.ofHours(1));

        assertDoesNotThrow(outage::admit);
        assertDoesNotThrow(outage::admit);
    }

    @Test
    void shouldRefuseAtOnceAfterAFailedWriteUntilThePeriodHasPassed() {
        DatabaseOutage outage = new DatabaseOutage(Duration.ofHours(1));

        outage.writeFailed(UNREACHABLE);

        DecisionLogUnavailableException refused = assertThrows(DecisionLogUnavailableException.class, outage::admit);
        assertTrue(refused.getCause().getMessage().contains("trying again every 3600000 ms"));
    }

    @Test
    void shouldLetOneRequestTryTheDatabaseOncePeriodHasPassed() {
        DatabaseOutage outage = new DatabaseOutage(Duration.ZERO);

        outage.writeFailed(UNREACHABLE);

        assertDoesNotThrow(outage::admit);
    }

    @Test
    void shouldAdmitEveryRequestAgainOnceAWriteSucceeded() {
        DatabaseOutage outage = new DatabaseOutage(Duration.ofHours(1));
        outage.writeFailed(UNREACHABLE);

        outage.writeSucceeded();

        assertFalse(outage.isOpen());
        assertDoesNotThrow(outage::admit);
    }

    @Test
    void shouldTellABadRowFromADatabaseOutOfReach() {
        assertTrue(DatabaseOutage.isBadData(new PersistenceException(new SQLIntegrityConstraintViolationException("dup"))));
        assertTrue(DatabaseOutage.isBadData(new RuntimeException(new SQLException("value too long", "22001"))));
        assertFalse(DatabaseOutage.isBadData(new PersistenceException(UNREACHABLE)));
        assertFalse(DatabaseOutage.isBadData(new SQLException("Acquisition timeout while waiting for new connection")));
        assertFalse(DatabaseOutage.isBadData(new IllegalStateException("disk full")));
    }
}
