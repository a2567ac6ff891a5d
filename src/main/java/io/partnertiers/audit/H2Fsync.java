package io.partnertiers.audit;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Forces the embedded H2 file to disk after a commit ({@code CHECKPOINT SYNC}, an fsync). H2 has
 * already written a commit to the file when it returns (with {@code WRITE_DELAY=0}), which
 * survives a crash of the process; the fsync also makes it survive a crash of the machine.
 * PostgreSQL needs nothing: its commit waits for the WAL flush ({@code synchronous_commit=on}).
 */
@ApplicationScoped
class H2Fsync {

    private final DataSource dataSource;
    private final boolean h2;

    H2Fsync(DataSource dataSource, @ConfigProperty(name = "quarkus.datasource.db-kind") String dbKind) {
        this.dataSource = dataSource;
        this.h2 = "h2".equals(dbKind);
    }

    void afterCommit() throws SQLException {
        if (!h2) {
            return;
        }
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("CHECKPOINT SYNC");
        }
    }
}
