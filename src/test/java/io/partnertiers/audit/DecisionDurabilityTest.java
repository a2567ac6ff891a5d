package io.partnertiers.audit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The journal against a real H2 file. {@code SHUTDOWN IMMEDIATELY} stands for the crash: H2 closes its
 * file without writing what it holds in memory, and the URL's long {@code WRITE_DELAY} keeps H2 from
 * writing it in the background meanwhile, so that only what is on disk survives.
 */
class DecisionDurabilityTest {

    private static final byte[] FACTS = "{\"partnerId\":\"acme\"}".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path dir;
    private String url;
    private JdbcDataSource dataSource;

    @BeforeEach
    void database() {
        url = "jdbc:h2:file:" + dir.resolve("decisions") + ";WRITE_DELAY=600000";
        dataSource = new JdbcDataSource();
        dataSource.setURL(url);
        dataSource.setUser("sa");
        Flyway.configure().dataSource(url, "sa", "").locations("classpath:db/migration").load().migrate();
    }

    /** Open while the test runs: H2 closes, and so writes everything, when its last connection closes. */
    private Connection keepOpen;

    private DecisionDurability started(long capacity) throws SQLException, IOException {
        DecisionDurability durability = new DecisionDurability(dataSource, "h2", url, capacity);
        durability.onStart(null);
        keepOpen = dataSource.getConnection();
        return durability;
    }

    @AfterEach
    void close() throws SQLException {
        if (keepOpen != null) {
            keepOpen.close();
        }
    }

    /** Inserts and commits the rows as the writer does; when {@code durability} is given, makes them durable. */
    private void commit(DecisionDurability durability, Map<String, byte[]> facts, Decision decision)
            throws SQLException, IOException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            DecisionRows.insertFacts(connection, facts);
            DecisionRows.insertDecisions(connection, List.of(decision));
            connection.commit();
            if (durability != null) {
                durability.afterCommit(connection, facts, List.of(decision)).join();
            }
        }
    }

    private void crash() throws SQLException {
        try (Statement statement = keepOpen.createStatement()) {
            statement.execute("SHUTDOWN IMMEDIATELY");
        }
        keepOpen.close();
        keepOpen = null;
    }

    private List<String> decisionIds() throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT id FROM decision ORDER BY id")) {
            List<String> ids = new ArrayList<>();
            while (rows.next()) {
                ids.add(rows.getString(1));
            }
            return ids;
        }
    }

    @Test
    void anAcknowledgedCommitSurvivesACrashThatLosesWhatH2HeldInMemory() throws Exception {
        DecisionDurability durability = started(DecisionDurability.JOURNAL_CAPACITY);
        Decision acknowledged = JournalEntryTest.decision("acknowledged", "h1", true);
        acknowledged.recordedAt = Instant.parse("2026-12-02T01:02:03.123456Z"); // the column keeps microseconds
        commit(durability, Map.of("h1", FACTS), acknowledged);
        commit(null, Map.of(), JournalEntryTest.decision("committed-only", "h1", false));
        crash();

        started(DecisionDurability.JOURNAL_CAPACITY);

        assertEquals(List.of("acknowledged"), decisionIds(), "the commit never journaled is lost, as in a real crash");
        Decision stored = QueryRow.decision(dataSource, "acknowledged");
        assertEquals(acknowledged.partnerId, stored.partnerId);
        assertEquals(acknowledged.atRiskSince, stored.atRiskSince);
        assertEquals(acknowledged.recordedAt, stored.recordedAt);
        assertArrayEquals(acknowledged.answer, stored.answer);
        assertArrayEquals(FACTS, QueryRow.facts(dataSource, "h1"));
        crash();
        started(DecisionDurability.JOURNAL_CAPACITY);
        assertEquals(List.of("acknowledged"), decisionIds(), "merged once and checkpointed: on disk in H2 itself");
    }

    @Test
    void commitsFromManyThreadsAreAllOnDiskOnceAcknowledged() throws Exception {
        DecisionDurability durability = started(DecisionDurability.JOURNAL_CAPACITY);
        commit(durability, Map.of("h1", FACTS), JournalEntryTest.decision("first", "h1", false));
        List<Thread> writers = new ArrayList<>();
        List<String> expected = new ArrayList<>(List.of("first"));
        for (int t = 0; t < 4; t++) {
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < 25; i++) {
                ids.add("t" + t + "-" + (100 + i));
            }
            expected.addAll(ids);
            Thread writer = new Thread(() -> {
                for (String id : ids) {
                    try {
                        commit(durability, Map.of(), JournalEntryTest.decision(id, "h1", false));
                    } catch (SQLException | IOException e) {
                        throw new IllegalStateException(e);
                    }
                }
            });
            writer.start();
            writers.add(writer);
        }
        for (Thread writer : writers) {
            writer.join();
        }
        crash();

        started(DecisionDurability.JOURNAL_CAPACITY);

        expected.sort(null);
        assertEquals(expected, decisionIds(), "every commit acknowledged by the sync thread is back after the crash");
    }

    @Test
    void rowsH2HoldsAlreadyAreMergedWithoutChangeOrDuplicate() throws Exception {
        DecisionDurability durability = started(DecisionDurability.JOURNAL_CAPACITY);
        commit(durability, Map.of("h1", FACTS), JournalEntryTest.decision("one", "h1", false));
        try (Statement statement = keepOpen.createStatement()) {
            statement.execute("CHECKPOINT SYNC"); // on disk in H2 and still in the journal
        }
        crash();

        started(DecisionDurability.JOURNAL_CAPACITY);

        assertEquals(List.of("one"), decisionIds());
        assertArrayEquals(FACTS, QueryRow.facts(dataSource, "h1"));
    }

    @Test
    void aCommitTooLargeForWhatIsLeftOfTheJournalIsMadeDurableByACheckpoint() throws Exception {
        DecisionDurability durability = started(1024);
        Decision large = JournalEntryTest.decision("large", "h1", false);
        large.answer = new byte[2048];
        commit(durability, Map.of("h1", FACTS), large);
        crash();

        started(1024);

        assertEquals(List.of("large"), decisionIds());
    }

    @Test
    void theJournalLivesBesideAnEmbeddedFileAndNowhereElse() {
        assertEquals(Optional.of(Path.of("./data/decisions.journal")),
                DecisionDurability.journalBeside("jdbc:h2:file:./data/decisions;PAGE_SIZE=4096"));
        assertEquals(Optional.of(Path.of("/var/lib/pt/decisions.journal")),
                DecisionDurability.journalBeside("jdbc:h2:/var/lib/pt/decisions"));
        assertEquals(Optional.of(Path.of(System.getProperty("user.home"), "pt.journal")),
                DecisionDurability.journalBeside("jdbc:h2:~/pt"));
        for (String elsewhere : List.of("jdbc:h2:mem:decisions;DB_CLOSE_DELAY=-1", "jdbc:h2:tcp://localhost:9092/./d",
                "jdbc:h2:file:data/relative", "jdbc:postgresql://127.0.0.1:5432/test")) {
            assertEquals(Optional.empty(), DecisionDurability.journalBeside(elsewhere), elsewhere);
        }
    }

    /** Reads rows back with plain JDBC, as the test has no persistence context. */
    private static final class QueryRow {

        static Decision decision(JdbcDataSource dataSource, String id) throws SQLException {
            try (Connection connection = dataSource.getConnection();
                    var query = connection.prepareStatement(
                            "SELECT partner_id, at_risk_since, recorded_at, answer FROM decision WHERE id = ?")) {
                query.setString(1, id);
                try (ResultSet row = query.executeQuery()) {
                    row.next();
                    Decision d = new Decision();
                    d.partnerId = row.getString(1);
                    d.atRiskSince = row.getObject(2, LocalDate.class);
                    d.recordedAt = row.getObject(3, OffsetDateTime.class).toInstant();
                    d.answer = row.getBytes(4);
                    return d;
                }
            }
        }

        static byte[] facts(JdbcDataSource dataSource, String hash) throws SQLException {
            try (Connection connection = dataSource.getConnection();
                    var query = connection.prepareStatement("SELECT facts FROM decision_facts WHERE facts_hash = ?")) {
                query.setString(1, hash);
                try (ResultSet row = query.executeQuery()) {
                    row.next();
                    return row.getBytes(1);
                }
            }
        }
    }
}
