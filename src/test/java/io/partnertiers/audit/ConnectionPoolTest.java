package io.partnertiers.audit;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.agroal.api.configuration.AgroalConnectionPoolConfiguration;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A connection is ready once started and stays, so the first recording request does not open the
 * database; one that sat idle is checked before use, one in constant use is not.
 */
@QuarkusTest
class ConnectionPoolTest {

    @Inject
    AgroalDataSource dataSource;

    @ConfigProperty(name = "partner-tiers.decisions.retry-every")
    Duration retryEvery;

    @Test
    void shouldKeepAConnectionOpen() {
        AgroalConnectionPoolConfiguration pool = dataSource.getConfiguration().connectionPoolConfiguration();

        assertTrue(pool.initialSize() >= 1, "initial-size " + pool.initialSize());
        assertTrue(pool.minSize() >= 1, "min-size " + pool.minSize());
    }

    @Test
    void shouldCheckAConnectionIdleSinceTheLastRecordingRetryBeforeUsingIt() {
        AgroalConnectionPoolConfiguration pool = dataSource.getConfiguration().connectionPoolConfiguration();

        assertTrue(!pool.idleValidationTimeout().isZero() && pool.idleValidationTimeout().compareTo(retryEvery) < 0,
                "idle validation " + pool.idleValidationTimeout() + ", recording retries every " + retryEvery
                        + ": a connection broken while the database was away is replaced before the retry uses it");
    }
}
