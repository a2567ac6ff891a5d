package io.partnertiers.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The group commit's statements, in plain JDBC: the write path is the service's hottest use of the
 * database, and a batch of prepared inserts on one connection costs a fraction of going through the
 * persistence context and a JTA transaction per batch. Reads stay with the entities; the columns here
 * are those {@link Decision} and {@link StoredFacts} map.
 */
final class DecisionRows {

    private static final String INSERT_DECISION = "INSERT INTO decision (id, program, partner_id, as_of, ruleset_version,"
            + " segment, at_risk_since, recorded_at, facts_hash, answer) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String INSERT_FACTS = "INSERT INTO decision_facts (facts_hash, facts) VALUES (?, ?)";
    /** H2's upsert by primary key, for replaying a {@link JournalEntry} whose rows H2 may hold already. */
    private static final String MERGE_DECISION = INSERT_DECISION.replace("INSERT INTO decision", "MERGE INTO decision")
            .replace(" VALUES", " KEY (id) VALUES");
    private static final String MERGE_FACTS = "MERGE INTO decision_facts (facts_hash, facts) KEY (facts_hash) VALUES (?, ?)";

    private DecisionRows() {
    }

    /** Which of {@code hashes} have their facts stored already. */
    static Set<String> storedAmong(Connection connection, Collection<String> hashes) throws SQLException {
        String placeholders = hashes.stream().map(h -> "?").collect(Collectors.joining(", "));
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT facts_hash FROM decision_facts WHERE facts_hash IN (" + placeholders + ")")) {
            int index = 1;
            for (String hash : hashes) {
                query.setString(index++, hash);
            }
            Set<String> stored = new HashSet<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    stored.add(rows.getString(1));
                }
            }
            return stored;
        }
    }

    /** @param storedFactsByHash facts to insert, as {@link StoredJson} keeps them, by hash */
    static void insertFacts(Connection connection, Map<String, byte[]> storedFactsByHash) throws SQLException {
        writeFacts(connection, INSERT_FACTS, storedFactsByHash);
    }

    static void insertDecisions(Connection connection, List<Decision> decisions) throws SQLException {
        writeDecisions(connection, INSERT_DECISION, decisions);
    }

    /** Writes the entry's rows in one transaction, each unless H2 holds it already (on H2 only). */
    static void merge(Connection connection, JournalEntry entry) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try {
            writeFacts(connection, MERGE_FACTS, entry.factsByHash());
            writeDecisions(connection, MERGE_DECISION, entry.decisions());
            connection.commit();
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }

    private static void writeFacts(Connection connection, String sql, Map<String, byte[]> storedFactsByHash)
            throws SQLException {
        if (storedFactsByHash.isEmpty()) {
            return;
        }
        try (PreparedStatement insert = connection.prepareStatement(sql)) {
            for (Map.Entry<String, byte[]> facts : storedFactsByHash.entrySet()) {
                insert.setString(1, facts.getKey());
                insert.setBytes(2, facts.getValue());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private static void writeDecisions(Connection connection, String sql, List<Decision> decisions) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(sql)) {
            for (Decision d : decisions) {
                insert.setString(1, d.id);
                insert.setString(2, d.program);
                insert.setString(3, d.partnerId);
                insert.setObject(4, d.asOf);
                insert.setString(5, d.rulesetVersion);
                insert.setString(6, d.segment);
                insert.setObject(7, d.atRiskSince);
                insert.setObject(8, OffsetDateTime.ofInstant(d.recordedAt, ZoneOffset.UTC));
                insert.setString(9, d.factsHash);
                insert.setBytes(10, d.answer);
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }
}
