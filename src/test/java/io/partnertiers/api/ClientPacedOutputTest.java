package io.partnertiers.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * A batch's answer goes to the client as fast as it reads, and waits (in memory, then on disk, in
 * order) while it does not, without ever making the batch wait, up to the backlog limit.
 */
class ClientPacedOutputTest {

    /** Generous: only a writer that waits for a client that does not read takes this long. */
    private static final Duration NEVER_WAITS = Duration.ofSeconds(60);

    /** A connection whose client reads nothing until it is let go: writes to it wait. */
    private static final class GatedClient extends OutputStream {
        private final CountDownLatch reading = new CountDownLatch(1);
        private final ByteArrayOutputStream received = new ByteArrayOutputStream();
        private final AtomicLong flushes = new AtomicLong();

        void startReading() {
            reading.countDown();
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            try {
                reading.await();
            } catch (InterruptedException e) {
                throw new InterruptedIOException("the write was given up");
            }
            synchronized (received) {
                received.write(bytes, offset, length);
            }
        }

        @Override
        public void flush() {
            flushes.incrementAndGet();
        }

        byte[] received() {
            synchronized (received) {
                return received.toByteArray();
            }
        }
    }

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
    void shouldNeverMakeTheWriterWaitForAClientThatSendsItsWholeBodyBeforeReading() throws IOException {
        GatedClient client = new GatedClient();
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        long filesBefore = backlogFiles();

        try (ClientPacedOutput out = ClientPacedOutput.to(client, Long.MAX_VALUE)) {
            assertTimeoutPreemptively(NEVER_WAITS, () -> {
                for (int i = 0; i < 200_000; i++) { // about 3 MB: past what waits in memory
                    out.write(line(i));
                    expected.write(line(i));
                    if (i % 1_000 == 0) {
                        out.flush(); // as the batch does whenever it waits for an answer
                    }
                }
            }, "the writer waited for a client that does not read yet");
            assertEquals(filesBefore + 1, backlogFiles(), "what the client does not read yet waits in a file");

            client.startReading();
            out.finish();
        }

        assertArrayEquals(expected.toByteArray(), client.received(), "everything, in order");
        assertEquals(filesBefore, backlogFiles(), "the backlog file is closed");
    }

    @Test
    void shouldHandEachAnswerToAReadingClientAtOnceAndFlushIt() throws Exception {
        GatedClient client = new GatedClient();
        client.startReading();

        try (ClientPacedOutput out = ClientPacedOutput.to(client, Long.MAX_VALUE)) {
            out.write(line(1));
            long deadline = System.nanoTime() + NEVER_WAITS.toNanos();
            while (client.flushes.get() == 0 && System.nanoTime() < deadline) {
                Thread.sleep(1);
            }
            assertArrayEquals(line(1), client.received(), "sent before the answer ends: a client that reads each"
                    + " answer before it sends the next line is not kept waiting");
            assertTrue(client.flushes.get() > 0, "flushed once nothing more waits");
            out.finish();
        }
    }

    @Test
    void shouldWaitForTheClientOnceTheBacklogIsFull() throws Exception {
        GatedClient client = new GatedClient();
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        AtomicLong accepted = new AtomicLong();

        try (ClientPacedOutput out = ClientPacedOutput.to(client, 1_000)) {
            Thread writer = new Thread(() -> {
                try {
                    for (int i = 0; i < 1_000; i++) {
                        out.write(line(i));
                        accepted.addAndGet(line(i).length);
                    }
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            });
            for (int i = 0; i < 1_000; i++) {
                expected.write(line(i));
            }
            writer.start();
            long deadline = System.nanoTime() + NEVER_WAITS.toNanos();
            while (writer.getState() != Thread.State.WAITING && System.nanoTime() < deadline) {
                Thread.sleep(1);
            }
            assertEquals(Thread.State.WAITING, writer.getState(), "the writer waits for the client");
            // 1,000 bytes may wait, plus the line the sender holds for the client
            assertTrue(accepted.get() <= 1_000 + 32, "no more than the backlog limit waits: " + accepted.get());

            client.startReading();
            writer.join();
            out.finish();
        }

        assertArrayEquals(expected.toByteArray(), client.received());
    }

    @Test
    void shouldGiveUpAndRemoveTheBacklogOfAClientThatNeverReads() throws IOException {
        long filesBefore = backlogFiles();
        GatedClient client = new GatedClient();
        ClientPacedOutput out = ClientPacedOutput.to(client, Long.MAX_VALUE);
        for (int i = 0; i < 50_000; i++) {
            out.write(line(i));
        }
        assertEquals(filesBefore + 1, backlogFiles());

        assertTimeoutPreemptively(NEVER_WAITS, out::close, "closing gives up the write the client never takes");

        assertEquals(filesBefore, backlogFiles());
        assertThrows(IOException.class, () -> out.write(line(1)), "nothing is written once closed");
    }

    @Test
    void shouldTellTheWriterThatTheClientWentAway() throws IOException {
        OutputStream gone = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                throw new IOException("Connection reset by peer");
            }
        };

        try (ClientPacedOutput out = ClientPacedOutput.to(gone, Long.MAX_VALUE)) {
            IOException failure = assertThrows(IOException.class, () -> {
                for (int i = 0; i < 1_000_000; i++) {
                    out.write(line(i));
                }
                out.finish();
            });
            assertTrue(failure.getMessage().contains("Connection reset by peer"), failure.getMessage());
        }
    }
}
