package io.partnertiers.audit;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * Makes each group commit durable before its requests are answered, as the database in use needs:
 * <ul>
 * <li>PostgreSQL: nothing more, its commit waits for the WAL flush ({@code synchronous_commit=on});</li>
 * <li>an embedded H2 file: the commit's rows go to the {@link DecisionJournal} beside the database file,
 * one append and one fdatasync per commit, while H2 keeps the commit in memory and writes its pages in
 * the background, about once a second, as it does by default. At start, the journal's entries are
 * merged into H2 (decisions by id, facts by hash: those H2 holds already are written again, unchanged);
 * once H2 has fsynced everything itself ({@code CHECKPOINT SYNC}: at start, when the journal is full,
 * and at a clean stop), the journal starts over;</li>
 * <li>any other H2 URL (a server, an in-memory database): {@code CHECKPOINT SYNC} after each commit,
 * which writes what H2 holds in memory and fsyncs it (nothing to write for an in-memory one).</li>
 * </ul>
 * A commit whose journal append fails is not acknowledged, and the next one is made durable by a
 * checkpoint rather than trusted to a journal that may have a hole.
 */
@ApplicationScoped
class DecisionDurability {

    private static final Logger LOG = Logger.getLogger(DecisionDurability.class);
    /** About five thousand decisions of a few kilobytes each between two checkpoints. */
    static final long JOURNAL_CAPACITY = 32L << 20;

    private final DataSource dataSource;
    private final long journalCapacity;
    private final boolean h2;
    private final Optional<Path> journalFile;
    private DecisionJournal journal;
    private boolean mustCheckpoint;

    @Inject
    DecisionDurability(DataSource dataSource, @ConfigProperty(name = "quarkus.datasource.db-kind") String dbKind,
            @ConfigProperty(name = "quarkus.datasource.jdbc.url") String url) {
        this(dataSource, dbKind, url, JOURNAL_CAPACITY);
    }

    DecisionDurability(DataSource dataSource, String dbKind, String url, long journalCapacity) {
        this.dataSource = dataSource;
        this.journalCapacity = journalCapacity;
        this.h2 = "h2".equals(dbKind);
        this.journalFile = h2 ? journalBeside(url) : Optional.empty();
    }

    /**
     * Where the journal of an embedded H2 file database lives: beside its file. Empty for any other URL
     * (accepted forms: {@code jdbc:h2:file:<path>} and {@code jdbc:h2:<path>} with a path starting
     * {@code /}, {@code ./} or {@code ~/}, as H2 itself requires).
     */
    static Optional<Path> journalBeside(String url) {
        String rest = url.startsWith("jdbc:h2:") ? url.substring("jdbc:h2:".length()) : null;
        if (rest == null) {
            return Optional.empty();
        }
        rest = rest.startsWith("file:") ? rest.substring("file:".length()) : rest;
        int settings = rest.indexOf(';');
        String path = settings < 0 ? rest : rest.substring(0, settings);
        if (path.startsWith("~/")) {
            path = System.getProperty("user.home") + path.substring(1);
        } else if (!path.startsWith("/") && !path.startsWith("./")) {
            return Optional.empty();
        }
        return Optional.of(Path.of(path + ".journal"));
    }

    /** Merges what the journal holds into H2 before the first request can record anything. */
    synchronized void onStart(@Observes StartupEvent start) {
        if (journalFile.isEmpty()) {
            return;
        }
        try (Connection connection = dataSource.getConnection()) {
            replayIfNeeded(connection);
        } catch (SQLException | IOException e) {
            // the service must not record anything while acknowledged decisions may be missing
            throw new IllegalStateException("Cannot merge the decision journal " + journalFile.get()
                    + " into the database: " + e.getMessage(), e);
        }
    }

    /**
     * Returns once the rows the connection has just committed are on disk.
     *
     * @param insertedFacts the facts rows the commit inserted, by hash
     * @param decisions the decision rows it inserted
     */
    synchronized void afterCommit(Connection connection, Map<String, byte[]> insertedFacts, List<Decision> decisions)
            throws SQLException, IOException {
        if (!h2) {
            return;
        }
        if (journalFile.isEmpty()) {
            checkpointSync(connection);
            return;
        }
        replayIfNeeded(connection);
        if (mustCheckpoint) {
            checkpoint(connection);
            return;
        }
        try {
            if (!journal.append(new JournalEntry(insertedFacts, decisions).encode())) {
                checkpoint(connection); // full: this commit is on disk once H2 is
            }
        } catch (IOException | RuntimeException e) {
            mustCheckpoint = true;
            throw e;
        }
    }

    /**
     * Opens the journal and merges what it holds into H2, unless that is done already. On failure the
     * journal stays closed, and the next call tries again.
     */
    private void replayIfNeeded(Connection connection) throws SQLException, IOException {
        if (journal != null) {
            return;
        }
        DecisionJournal opened = DecisionJournal.open(journalFile.get(), journalCapacity);
        try {
            int decisions = 0;
            for (byte[] payload : opened.entries()) {
                JournalEntry entry = JournalEntry.decode(payload);
                DecisionRows.merge(connection, entry);
                decisions += entry.decisions().size();
            }
            if (decisions > 0) {
                LOG.infof("Merged %d decisions from %s into the database", decisions, journalFile.get());
            }
            checkpointSync(connection);
            opened.reset();
        } catch (SQLException | IOException | RuntimeException e) {
            opened.close();
            throw e;
        }
        journal = opened;
        mustCheckpoint = false;
    }

    /** H2 writes and fsyncs what it holds in memory; the journal's entries are then redundant. */
    private void checkpoint(Connection connection) throws SQLException, IOException {
        checkpointSync(connection);
        journal.reset();
        mustCheckpoint = false;
    }

    private static void checkpointSync(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("CHECKPOINT SYNC");
        }
    }

    /**
     * A clean stop leaves an empty journal, so that the next start merges nothing. (On a shutdown event,
     * while the pool is still open; H2's own exit hook would race it, hence DB_CLOSE_ON_EXIT=FALSE in the
     * default URL.)
     */
    synchronized void stop(@Observes ShutdownEvent stop) {
        if (journal == null) {
            return;
        }
        try (Connection connection = dataSource.getConnection()) {
            checkpoint(connection);
        } catch (SQLException | IOException | RuntimeException e) {
            LOG.debugf("The journal is merged at the next start instead: %s", e.getMessage());
        }
        try {
            journal.close();
        } catch (IOException e) {
            LOG.debugf("Closing the journal: %s", e.getMessage());
        }
        journal = null;
    }
}
