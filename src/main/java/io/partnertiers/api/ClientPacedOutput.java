package io.partnertiers.api;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.Arrays;

/**
 * A streamed answer handed to the client as fast as it reads it, by a thread of its own, so that
 * whoever writes the answer never waits for the client. Most HTTP clients send their whole body
 * before they read any of the answer: a batch that waited for such a client would stop reading the
 * body, and neither side would move again. What the client has not taken yet waits in memory (up to
 * {@link #IN_MEMORY} bytes), then in a temporary file, in order, up to {@code maxBacklog} bytes in
 * all; past that the writer waits for the client. The file is deleted when it is closed (on Unix as
 * soon as it is opened: nothing is left behind, even by a crash).
 */
final class ClientPacedOutput extends OutputStream {

    private static final int IN_MEMORY = 256 * 1024;
    /** Read from the file and written to the connection at a time. */
    private static final int PIECE = 64 * 1024;
    /** How long closing waits for the sender to give up a write to a client that does not read. */
    private static final long SENDER_STOP_MILLIS = 10_000;

    private final OutputStream connection;
    private final long maxBacklog;
    private final byte[] one = new byte[1];
    private Thread sender;

    // The fields below are guarded by this; what waits in memory comes before what waits in the file.
    private final ArrayDeque<byte[]> inMemory = new ArrayDeque<>();
    private long inMemoryBytes;
    private FileChannel file;
    private long fileWritten;
    private long fileSent;
    private boolean finishing;
    private boolean closed;
    private boolean senderDone;
    private IOException sendFailed;

    private ClientPacedOutput(OutputStream connection, long maxBacklog) {
        this.connection = connection;
        this.maxBacklog = maxBacklog;
    }

    /** A stream to {@code connection} whose sender runs until {@link #finish()} or {@link #close()}. */
    static ClientPacedOutput to(OutputStream connection, long maxBacklog) {
        ClientPacedOutput out = new ClientPacedOutput(connection, maxBacklog);
        out.sender = new Thread(out::sendWhileOpen, "batch-answer-sender");
        out.sender.setDaemon(true);
        out.sender.start();
        return out;
    }

    @Override
    public void write(int b) throws IOException {
        one[0] = (byte) b;
        write(one, 0, 1);
    }

    @Override
    public synchronized void write(byte[] bytes, int offset, int length) throws IOException {
        if (length == 0) {
            return;
        }
        ensureUsable();
        while (waiting() > 0 && waiting() + length > maxBacklog) {
            awaitChange(); // the client has all it can be kept waiting for: wait for it
        }
        if (fileSent == fileWritten && inMemoryBytes + length <= IN_MEMORY) {
            inMemory.add(Arrays.copyOfRange(bytes, offset, offset + length));
            inMemoryBytes += length;
        } else {
            if (file == null) {
                file = FileChannel.open(Files.createTempFile("partner-tiers-batch-", ".ndjson"), StandardOpenOption.READ,
                        StandardOpenOption.WRITE, StandardOpenOption.DELETE_ON_CLOSE);
            }
            ByteBuffer buffer = ByteBuffer.wrap(bytes, offset, length);
            while (buffer.hasRemaining()) {
                fileWritten += file.write(buffer, fileWritten);
            }
        }
        notifyAll();
    }

    /** Nothing to do: the sender flushes the connection whenever it has sent all that waits. */
    @Override
    public void flush() throws IOException {
        synchronized (this) {
            ensureUsable();
        }
    }

    /** Returns once the client has been handed everything, waiting for it as long as it takes: the end of the answer. */
    synchronized void finish() throws IOException {
        finishing = true;
        notifyAll();
        while (!senderDone) {
            awaitChange();
        }
        ensureUsable();
    }

    /** Stops the sender and removes what the client will never read (it went away, or the batch failed). */
    @Override
    public void close() throws IOException {
        synchronized (this) {
            closed = true;
            notifyAll();
        }
        sender.interrupt();
        try {
            sender.join(SENDER_STOP_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (this) {
            if (file != null) {
                file.close();
                file = null;
            }
        }
    }

    private long waiting() {
        return inMemoryBytes + fileWritten - fileSent;
    }

    /** @throws IOException when the answer could not be sent (the client went away) or the stream is closed */
    private void ensureUsable() throws IOException {
        if (sendFailed != null) {
            throw new IOException("The answer could not be sent: " + sendFailed.getMessage(), sendFailed);
        }
        if (closed) {
            throw new IOException("The batch's answer is closed");
        }
    }

    private void awaitChange() throws IOException {
        try {
            wait();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("Interrupted while the client was behind");
        }
        ensureUsable();
    }

    /** The sender: hands over what waits, oldest first, and flushes whenever nothing more does. */
    private void sendWhileOpen() {
        byte[] piece = new byte[PIECE];
        try {
            while (true) {
                byte[] chunk;
                int length;
                synchronized (this) {
                    while (waiting() == 0 && !finishing && !closed) {
                        wait();
                    }
                    if (closed || waiting() == 0) {
                        break; // closed, or finishing with everything sent
                    }
                    if (!inMemory.isEmpty()) {
                        chunk = inMemory.poll();
                        length = chunk.length;
                        inMemoryBytes -= length;
                    } else {
                        length = readFromFile(piece);
                        chunk = piece;
                    }
                    notifyAll(); // room for the writer
                }
                connection.write(chunk, 0, length);
                boolean caughtUp;
                synchronized (this) {
                    caughtUp = waiting() == 0;
                }
                if (caughtUp) {
                    connection.flush();
                }
            }
        } catch (InterruptedException | InterruptedIOException e) {
            // closed while the client was behind
        } catch (IOException e) {
            synchronized (this) {
                sendFailed = e;
            }
        } finally {
            synchronized (this) {
                senderDone = true;
                notifyAll();
            }
        }
    }

    /** Called holding the lock; once the file is sent to its end, it is emptied for the next overflow. */
    private int readFromFile(byte[] piece) throws IOException {
        ByteBuffer buffer = ByteBuffer.wrap(piece, 0, (int) Math.min(PIECE, fileWritten - fileSent));
        while (buffer.hasRemaining()) {
            if (file.read(buffer, fileSent + buffer.position()) < 0) {
                throw new IOException("The batch's backlog file ended early");
            }
        }
        fileSent += buffer.position();
        if (fileSent == fileWritten) {
            file.truncate(0);
            fileSent = 0;
            fileWritten = 0;
        }
        return buffer.position();
    }
}
