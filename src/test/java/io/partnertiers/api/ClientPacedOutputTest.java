package io.partnertiers.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/** A batch's answer goes to the client as fast as it reads, and waits on disk, in order, while it does not. */
class ClientPacedOutputTest {

    /**
     * Backlog files this process holds open: they are unlinked as soon as they are opened (so that
     * nothing is left behind even by a crash), hence looked for among the open files, on Linux.
     */
    private static long backlogFiles() throws IOException {
        Path open = Path.of("/proc/self/fd");
        assumeTrue(Files.isDirectory(open), "needs /proc to see open files");
        try (Stream<Path> files = Files.list(open)) {
            return files.filter(fd -> {
                try {
                    return Files.readSymbolicLink(fd).toString().contains("partner-tiers-batch-");
                } catch (IOException e) {
                    return false; // closed meanwhile
                }
            }).count();
        }
    }

    private static byte[] line(int i) {
        return ("{\"line\":" + i + "}\n").getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void shouldKeepWhatAClientDoesNotReadYetOnDiskAndHandItOverInOrder() throws IOException {
        ByteArrayOutputStream client = new ByteArrayOutputStream();
        AtomicBoolean behind = new AtomicBoolean(false);
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        long filesBefore = backlogFiles();

        try (ClientPacedOutput out = new ClientPacedOutput(client, behind::get, Long.MAX_VALUE)) {
            for (int i = 0; i < 30_000; i++) {
                behind.set(i >= 1_000 && i < 20_000); // a client that sends its whole body before reading
                out.write(line(i));
                expected.write(line(i));
                if (i == 10_000) {
                    out.flush();
                    assertTrue(client.size() < expected.size() / 2, "held back while the client does not read");
                    assertEquals(filesBefore + 1, backlogFiles(), "held in a file");
                }
            }
            out.finish();
        }

        assertArrayEquals(expected.toByteArray(), client.toByteArray());
        assertEquals(filesBefore, backlogFiles(), "the backlog file is closed");
    }

    @Test
    void shouldWaitForTheClientOnceTheBacklogIsFull() throws IOException {
        ByteArrayOutputStream client = new ByteArrayOutputStream();
        ByteArrayOutputStream expected = new ByteArrayOutputStream();

        try (ClientPacedOutput out = new ClientPacedOutput(client, () -> true, 1_000)) {
            for (int i = 0; i < 1_000; i++) {
                out.write(line(i));
                expected.write(line(i));
            }
            assertTrue(client.size() > expected.size() - 1_000, "no more than 1,000 bytes wait");
            out.finish();
        }

        assertArrayEquals(expected.toByteArray(), client.toByteArray());
    }

    @Test
    void shouldRemoveTheBacklogOfAClientThatWentAway() throws IOException {
        long filesBefore = backlogFiles();
        ClientPacedOutput out = new ClientPacedOutput(new ByteArrayOutputStream(), () -> true, Long.MAX_VALUE);
        out.write(line(1));
        assertEquals(filesBefore + 1, backlogFiles());

        out.close();

        assertEquals(filesBefore, backlogFiles());
    }
}
