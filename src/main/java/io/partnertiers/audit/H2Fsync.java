package io.partnertiers.audit;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Makes a group commit durable on the embedded H2 before it is acknowledged: {@code CHECKPOINT SYNC}
 * writes what H2 still holds in memory (it keeps commits there for up to its write delay) to the file
 * and fsyncs it ({@code Database.sync()}: {@code Store.flush()} then an fsync, in the 2.4 sources), so
 * neither a killed process nor a crashed machine loses an acknowledged decision, as far as the disk
 * honours fsync. PostgreSQL needs nothing: its commit waits for the WAL flush
 * ({@code synchronous_commit=on}).
 */
@ApplicationScoped
class H2Fsync {

    private final boolean h2;

    H2Fsync(@ConfigProperty(name = "quarkus.datasource.db-kind") String dbKind) {
        this.h2 = "h2".equals(dbKind);
    }

    /** @param connection the connection that committed */
    void afterCommit(Connection connection) throws SQLException {
        if (!h2) {
            return;
        }
        try (Statement statement = connection.createStatement()) {
            statement.execute("CHECKPOINT SYNC");
        }
    }
}
