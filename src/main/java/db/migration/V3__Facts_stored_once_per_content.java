package db.migration;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.Set;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

import io.partnertiers.audit.GzippedText;
import io.partnertiers.audit.StoredFacts;

/**
 * Moves the decision log to facts stored once per content: a partner re-evaluated with the facts it
 * submitted yesterday adds a reference to them, not a second copy. Each decision's facts move to
 * {@code decision_facts}, keyed by the SHA-256 of their JSON (the key the service computes), and the
 * answer, like the facts, is kept gzipped. Written in Java because the hash and the compression must
 * be exactly the service's, on H2 and PostgreSQL alike. Rows are moved in pages, so that a large log
 * does not have to fit in memory.
 */
public class V3__Facts_stored_once_per_content extends BaseJavaMigration {

    private static final int PAGE = 500;

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        try (Statement ddl = connection.createStatement()) {
            ddl.execute("CREATE TABLE decision_facts (facts_hash VARCHAR(64) NOT NULL PRIMARY KEY, facts BYTEA NOT NULL)");
            ddl.execute("ALTER TABLE decision ADD COLUMN facts_hash VARCHAR(64)");
            ddl.execute("ALTER TABLE decision ADD COLUMN answer_gzip BYTEA");
        }
        moveRows(connection);
        try (Statement ddl = connection.createStatement()) {
            ddl.execute("ALTER TABLE decision DROP COLUMN facts");
            ddl.execute("ALTER TABLE decision DROP COLUMN answer");
            ddl.execute("ALTER TABLE decision ALTER COLUMN facts_hash SET NOT NULL");
            ddl.execute("ALTER TABLE decision ALTER COLUMN answer_gzip SET NOT NULL");
            // what the retention purge asks when it looks for facts no decision refers to any more; made before
            // the foreign key, which H2 would otherwise give an index of its own
            ddl.execute("CREATE INDEX decision_by_facts ON decision (facts_hash)");
            ddl.execute("ALTER TABLE decision ADD CONSTRAINT decision_facts_stored"
                    + " FOREIGN KEY (facts_hash) REFERENCES decision_facts (facts_hash)");
        }
    }

    private static void moveRows(Connection connection) throws SQLException {
        String after = "";
        while (true) {
            int moved = 0;
            Set<String> storedInPage = new HashSet<>();
            try (PreparedStatement page = connection.prepareStatement(
                    "SELECT id, facts, answer FROM decision WHERE id > ? ORDER BY id FETCH FIRST " + PAGE + " ROWS ONLY");
                    PreparedStatement known = connection.prepareStatement(
                            "SELECT 1 FROM decision_facts WHERE facts_hash = ?");
                    PreparedStatement facts = connection.prepareStatement(
                            "INSERT INTO decision_facts (facts_hash, facts) VALUES (?, ?)");
                    PreparedStatement decision = connection.prepareStatement(
                            "UPDATE decision SET facts_hash = ?, answer_gzip = ? WHERE id = ?")) {
                page.setString(1, after);
                try (ResultSet rows = page.executeQuery()) {
                    while (rows.next()) {
                        after = rows.getString("id");
                        String json = rows.getString("facts");
                        String hash = StoredFacts.hashOf(json);
                        if (storedInPage.add(hash) && !isStored(known, hash)) {
                            facts.setString(1, hash);
                            facts.setBytes(2, GzippedText.gzip(json));
                            facts.addBatch();
                        }
                        decision.setString(1, hash);
                        decision.setBytes(2, GzippedText.gzip(rows.getString("answer")));
                        decision.setString(3, after);
                        decision.addBatch();
                        moved++;
                    }
                }
                facts.executeBatch();
                decision.executeBatch();
            }
            if (moved < PAGE) {
                return;
            }
        }
    }

    private static boolean isStored(PreparedStatement known, String hash) throws SQLException {
        known.setString(1, hash);
        try (ResultSet row = known.executeQuery()) {
            return row.next();
        }
    }
}
