package io.partnertiers.audit;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

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
 * one append per commit, and one fdatasync, on a thread of its own, for all the commits appended while
 * the previous one ran; H2 keeps the commit in memory and writes its pages in the background, about once
 * a second, as it does by default. At start, the journal's entries are
 * merged into H2 (decisions by id, facts by hash: those H2 holds already are written again, unchanged);
 * once H2 has fsynced everything itself ({@code CHECKPOINT SYNC}: at start, when the journal is full,
 * and at a clean stop), the journal starts over;</li>
 * <li>any other H2 URL (a server, an in-memory database): {@code CHECKPOINT SYNC} after each commit,
 * which writes what H2 holds in memory and fsyncs it (nothing to write for an in-memory one).</li>
 * </ul>
 * A commit whose journal append or fdatasync fails is not acknowledged, and the next one is made
 * durable by a checkpoint rather than trusted to a journal that may have a hole.
 */
@ApplicationScoped
class DecisionDurability {

    private static final Logger LOG = Logger.getLogger(DecisionDurability.class);
    /** About five thousand decisions of a few kilobytes each between two checkpoints. */
    static final long JOURNAL_CAPACITY = 32L << 20;
    private static final CompletableFuture<Void> ON_DISK = CompletableFuture.completedFuture(null);

    private final DataSource dataSource;
    private final long journalCapacity;
    private final boolean h2;
    private final Optional<Path> journalFile;
    private DecisionJournal journal;
    private boolean mustCheckpoint;
    /** Commits appended to the journal and not yet forced to disk, in the order appended. */
    private final List<CompletableFuture<Void>> unsynced = new ArrayList<>();

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
     * Makes the rows the connection has just committed durable: the future completes once they are on
     * disk, or fails if they may not be. With the journal, the commit's entry is written at once and forced
     * to disk by the journal's sync thread, together with the entries of the commits made while the
     * previous fdatasync ran: the writer goes on to the next commit instead of waiting for the disk.
     *
     * @param insertedFacts the facts rows the commit inserted, by hash
     * @param decisions the decision rows it inserted
     * @throws SQLException when they cannot be made durable at all (nothing is pending then)
     * @throws IOException likewise, the journal having failed
     */
    synchronized CompletableFuture<Void> afterCommit(Connection connection, Map<String, byte[]> insertedFacts,
            List<Decision> decisions) throws SQLException, IOException {
        if (!h2) {
            return ON_DISK;
        }
        if (journalFile.isEmpty()) {
            checkpointSync(connection);
            return ON_DISK;
        }
        replayIfNeeded(connection);
        if (mustCheckpoint) {
            checkpoint(connection);
            return ON_DISK;
        }
        boolean appended;
        try {
            appended = journal.append(new JournalEntry(insertedFacts, decisions).encode());
        } catch (IOException | RuntimeException e) {
            mustCheckpoint = true;
            throw e;
        }
        if (!appended) {
            checkpoint(connection); // full: this commit is on disk once H2 is
            return ON_DISK;
        }
        CompletableFuture<Void> synced = new CompletableFuture<>();
        unsynced.add(synced);
        notifyAll();
        return synced;
    }

    /**
     * The journal's sync thread: forces what has been appended, then completes the commits it covers, for
     * as long as the journal is open. A failed fdatasync may have lost any page written before it, so it
     * fails every commit not yet on disk, and the next commit is made durable by a checkpoint instead.
     */
    private void syncWhileOpen(DecisionJournal served) {
        while (true) {
            List<CompletableFuture<Void>> covered;
            synchronized (this) {
                while (unsynced.isEmpty() && journal == served) {
                    try {
                        wait();
                    } catch (InterruptedException e) {
                        return;
                    }
                }
                if (journal != served) {
                    return; // closed at a stop; a journal opened later has a sync thread of its own
                }
                covered = new ArrayList<>(unsynced);
                unsynced.clear();
            }
            try {
                served.force();
                covered.forEach(commit -> commit.complete(null));
            } catch (IOException | RuntimeException e) {
                synchronized (this) {
                    if (journal == served) { // not a journal closed by a stop meanwhile
                        mustCheckpoint = true;
                        covered.addAll(unsynced);
                        unsynced.clear();
                    }
                }
                covered.forEach(commit -> commit.completeExceptionally(e));
            }
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
        Thread sync = new Thread(() -> syncWhileOpen(opened), "decision-journal-sync");
        sync.setDaemon(true);
        sync.start();
    }

    /**
     * H2 writes and fsyncs what it holds in memory; the journal's entries are then redundant, and every
     * commit still waiting for the sync thread is on disk.
     */
    private void checkpoint(Connection connection) throws SQLException, IOException {
        checkpointSync(connection);
        unsynced.forEach(commit -> commit.complete(null));
        unsynced.clear();
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
        unsynced.forEach(commit -> commit.completeExceptionally(new IllegalStateException("The service is stopping")));
        unsynced.clear();
        notifyAll(); // the sync thread ends
    }
}
