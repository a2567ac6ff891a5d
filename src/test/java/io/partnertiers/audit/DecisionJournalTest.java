package io.partnertiers.audit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DecisionJournalTest {

    private static final long CAPACITY = 4096;

    @TempDir
    Path dir;

    private Path file() {
        return dir.resolve("decisions.journal");
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private List<String> entriesAfterReopening() throws IOException {
        try (DecisionJournal journal = DecisionJournal.open(file(), CAPACITY)) {
            return journal.entries().stream().map(b -> new String(b, StandardCharsets.UTF_8)).toList();
        }
    }

    @Test
    void aNewJournalIsCreatedAtItsFullCapacityAndHoldsNothing() throws IOException {
        try (DecisionJournal journal = DecisionJournal.open(dir.resolve("sub/decisions.journal"), CAPACITY)) {
            assertEquals(List.of(), journal.entries());
            assertEquals(DecisionJournal.HEADER_BYTES, journal.used());
        }
        assertEquals(CAPACITY, Files.size(dir.resolve("sub/decisions.journal")));
    }

    @Test
    void entriesReadBackInTheOrderAppendedAndLaterAppendsFollowThem() throws IOException {
        try (DecisionJournal journal = DecisionJournal.open(file(), CAPACITY)) {
            journal.entries();
            assertTrue(journal.append(bytes("first")));
            assertTrue(journal.append(bytes("")));
            assertTrue(journal.append(bytes("third")));
        }
        try (DecisionJournal journal = DecisionJournal.open(file(), CAPACITY)) {
            assertEquals(3, journal.entries().size());
            assertTrue(journal.append(bytes("fourth")));
        }
        assertEquals(List.of("first", "", "third", "fourth"), entriesAfterReopening());
        assertEquals(CAPACITY, Files.size(file()), "appends overwrite the zeros written at creation");
    }

    @Test
    void readingStopsAtAnEntryWhosePayloadIsTornOrCorrupt() throws IOException {
        try (DecisionJournal journal = DecisionJournal.open(file(), CAPACITY)) {
            journal.append(bytes("kept"));
            journal.append(bytes("torn by a crash"));
            journal.append(bytes("after the torn one"));
        }
        long secondPayload = DecisionJournal.HEADER_BYTES + DecisionJournal.ENTRY_HEADER_BYTES + 4L
                + DecisionJournal.ENTRY_HEADER_BYTES;
        try (RandomAccessFile raw = new RandomAccessFile(file().toFile(), "rw")) {
            raw.seek(secondPayload + 3);
            raw.write('X');
        }
        assertEquals(List.of("kept"), entriesAfterReopening());
    }

    @Test
    void readingStopsWhereTheFileEndsInsideAnEntry() throws IOException {
        try (DecisionJournal journal = DecisionJournal.open(file(), CAPACITY)) {
            journal.append(bytes("kept"));
            journal.append(bytes("cut short"));
        }
        try (RandomAccessFile raw = new RandomAccessFile(file().toFile(), "rw")) {
            raw.setLength(DecisionJournal.HEADER_BYTES + 2L * DecisionJournal.ENTRY_HEADER_BYTES + 4 + 5);
        }
        assertEquals(List.of("kept"), entriesAfterReopening());
    }

    @Test
    void afterAResetOnlyTheNewEpochsEntriesAreRead() throws IOException {
        try (DecisionJournal journal = DecisionJournal.open(file(), CAPACITY)) {
            journal.append(bytes("a long entry of the old epoch, ".repeat(10)));
            journal.append(bytes("another old one"));
            journal.reset();
            assertEquals(DecisionJournal.HEADER_BYTES, journal.used());
            journal.append(bytes("new"));
        }
        assertEquals(List.of("new"), entriesAfterReopening());
        try (DecisionJournal journal = DecisionJournal.open(file(), CAPACITY)) {
            journal.entries();
            journal.reset();
        }
        assertEquals(List.of(), entriesAfterReopening(), "an old entry right at the front is not read either");
    }

    @Test
    void anEntryThatDoesNotFitIsRefusedAndNothingIsWritten() throws IOException {
        byte[] half = new byte[(int) (CAPACITY / 2)];
        try (DecisionJournal journal = DecisionJournal.open(file(), CAPACITY)) {
            assertTrue(journal.append(half));
            long used = journal.used();
            assertFalse(journal.append(half));
            assertEquals(used, journal.used());
            journal.reset();
            assertTrue(journal.append(half));
        }
        try (DecisionJournal journal = DecisionJournal.open(file(), CAPACITY)) {
            List<byte[]> entries = journal.entries();
            assertEquals(1, entries.size());
            assertArrayEquals(half, entries.get(0));
        }
    }

    @Test
    void aHeaderThatDoesNotReadBackVouchesForNoEntry() throws IOException {
        try (DecisionJournal journal = DecisionJournal.open(file(), CAPACITY)) {
            journal.append(bytes("under a damaged header"));
        }
        try (RandomAccessFile raw = new RandomAccessFile(file().toFile(), "rw")) {
            raw.seek(5);
            raw.write(0x55);
        }
        try (DecisionJournal journal = DecisionJournal.open(file(), CAPACITY)) {
            assertEquals(List.of(), journal.entries());
            assertTrue(journal.append(bytes("after")));
        }
        assertEquals(List.of("after"), entriesAfterReopening());
    }
}
