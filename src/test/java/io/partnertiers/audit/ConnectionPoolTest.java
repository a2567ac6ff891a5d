package io.partnertiers.audit;

import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.agroal.api.configuration.AgroalConnectionPoolConfiguration;
import io.quarkus.test.junit.QuarkusTest;

/** A connection is ready once started and stays, so the first recording request does not open the database. */
@QuarkusTest
class ConnectionPoolTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void shouldKeepAConnectionOpen() {
        AgroalConnectionPoolConfiguration pool = dataSource.getConfiguration().connectionPoolConfiguration();

        assertTrue(pool.initialSize() >= 1, "initial-size " + pool.initialSize());
        assertTrue(pool.minSize() >= 1, "min-size " + pool.minSize());
    }
}
