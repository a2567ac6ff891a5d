package io.partnertiers.audit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The V3 migration on a log written by the earlier schema: every decision keeps its facts and its
 * answer, identical facts end up stored once, and a decision can no longer refer to facts that are
 * not stored. On an in-memory H2, or on the PostgreSQL server the suite runs against (its own schema).
 */
class FactsOncePerContentMigrationTest {

    /** More decisions than the migration moves per page, with a few distinct facts among them. */
    private static final int DECISIONS = 1_203;
    private static final int DISTINCT_FACTS = 7;

    private final boolean postgres = "postgresql".equals(System.getenv("PARTNER_TIERS_DB_KIND"));
    private final String url = postgres ? System.getenv("PARTNER_TIERS_DB_URL")
            : "jdbc:h2:mem:migration-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
    private final String user = postgres ? System.getenv("PARTNER_TIERS_DB_USER") : "sa";
    private final String password = postgres ? System.getenv("PARTNER_TIERS_DB_PASSWORD") : "";

    private Flyway flyway(String target) {
        var configuration = Flyway.configure().dataSource(url, user, password).locations("classpath:db/migration")
                .cleanDisabled(false).target(target);
        if (postgres) {
            configuration.schemas("migration_test").defaultSchema("migration_test");
        }
        return configuration.load();
    }

    private Connection connect() throws SQLException {
        Connection connection = DriverManager.getConnection(url, user, password);
        if (postgres) {
            try (Statement statement = connection.createStatement()) {
                statement.execute("SET search_path TO migration_test");
            }
        }
        return connection;
    }

    @BeforeEach
    void startFromTheEarlierSchema() {
        flyway("latest").clean();
        flyway("2").migrate();
    }

    @Test
    void shouldKeepEveryDecisionsFactsAndAnswerWithIdenticalFactsStoredOnce() throws SQLException {
        Map<String, String> factsById = new HashMap<>();
        Map<String, String> answerById = new HashMap<>();
        try (Connection connection = connect(); PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO decision (id, program, partner_id, as_of, ruleset_version, segment, recorded_at, facts, answer)"
                        + " VALUES (?, 'microsoft-mpn', ?, DATE '2026-06-30', 'v1', 'SILVER', ?, ?, ?)")) {
            for (int i = 0; i < DECISIONS; i++) {
                String id = String.format("%036d", i);
                String facts = "{\"partnerId\":\"p-" + (i % DISTINCT_FACTS) + "\",\"people\":[\"ü\"]}";
                String answer = "{\"evaluationId\":\"" + id + "\",\"segment\":\"SILVER\"}";
                insert.setString(1, id);
                insert.setString(2, "p-" + (i % DISTINCT_FACTS));
                insert.setTimestamp(3, Timestamp.from(Instant.parse("2026-06-30T10:00:00Z")));
                insert.setString(4, facts);
                insert.setString(5, answer);
                insert.addBatch();
                factsById.put(id, facts);
                answerById.put(id, answer);
            }
            insert.executeBatch();
        }

        flyway("latest").migrate();

        try (Connection connection = connect(); Statement query = connection.createStatement()) {
            try (ResultSet count = query.executeQuery("SELECT COUNT(*) FROM decision_facts")) {
                count.next();
                assertEquals(DISTINCT_FACTS, count.getInt(1), "identical facts are stored once");
            }
            int checked = 0;
            try (ResultSet rows = query.executeQuery("SELECT d.id, d.facts_hash, d.answer, f.facts"
                    + " FROM decision d JOIN decision_facts f ON f.facts_hash = d.facts_hash")) {
                while (rows.next()) {
                    String id = rows.getString("id");
                    assertEquals(factsById.get(id), GzippedText.gunzip(rows.getBytes("facts")), id);
                    assertEquals(StoredFacts.hashOf(factsById.get(id)), rows.getString("facts_hash"), id);
                    assertEquals(answerById.get(id), StoredJson.decode(rows.getBytes("answer")), id);
                    checked++;
                }
            }
            assertEquals(DECISIONS, checked, "every decision kept, each with its facts");
        }
    }

    @Test
    void shouldRefuseADecisionWhoseFactsAreNotStored() throws SQLException {
        flyway("latest").migrate();

        try (Connection connection = connect(); PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO decision (id, program, partner_id, as_of, ruleset_version, recorded_at, facts_hash, answer)"
                        + " VALUES ('x', 'microsoft-mpn', 'p', DATE '2026-06-30', 'v1', CURRENT_TIMESTAMP, ?, ?)")) {
            insert.setString(1, StoredFacts.hashOf("{}"));
            insert.setBytes(2, GzippedText.gzip("{}"));
            SQLException refused = assertThrows(SQLException.class, insert::executeUpdate);
            assertEquals("23", refused.getSQLState().substring(0, 2), refused.getMessage());
        }
    }

    @Test
    void shouldMigrateAnEmptyLog() throws SQLException {
        flyway("latest").migrate();

        try (Connection connection = connect(); Statement query = connection.createStatement();
                ResultSet count = query.executeQuery("SELECT COUNT(*) FROM decision_facts")) {
            count.next();
            assertEquals(0, count.getInt(1));
        }
    }

    @Test
    void shouldGzipSoThatAnyGzipReaderGetsTheTextBack() throws Exception {
        String text = "{\"partnerId\":\"ü-€\"}".repeat(50);
        byte[] gzipped = GzippedText.gzip(text);

        assertArrayEquals(new byte[] {0x1f, (byte) 0x8b}, new byte[] {gzipped[0], gzipped[1]}, "the gzip magic number");
        try (var in = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(gzipped))) {
            assertEquals(text, new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
        }
    }
}
