package io.partnertiers.api;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.function.BooleanSupplier;

/**
 * A streamed answer written as fast as the client takes it: to the connection while the client
 * reads, to a temporary file while it does not, in order. Most HTTP clients send their whole body
 * before they read any of the answer; writing to them would block once the connection's buffers
 * are full, the batch would stop reading the body, and neither side would move again. What waits
 * for the client is on disk, so memory stays flat either way, up to {@code maxBacklog} bytes; past
 * that the batch waits for the client. The file is deleted when it is closed (on Unix as soon as it
 * is opened: nothing is left behind, even by a crash).
 */
final class ClientPacedOutput extends OutputStream {

    /** Written to the connection at a time, each after checking that the client keeps up. */
    private static final int PIECE = 8 * 1024;

    private final OutputStream connection;
    private final BooleanSupplier clientBehind;
    private final long maxBacklog;
    private final byte[] one = new byte[1];
    private FileChannel backlog;
    private long written;
    private long sent;

    /** @param clientBehind whether the connection would make a write wait (its write queue is full) */
    ClientPacedOutput(OutputStream connection, BooleanSupplier clientBehind, long maxBacklog) {
        this.connection = connection;
        this.clientBehind = clientBehind;
        this.maxBacklog = maxBacklog;
    }

    @Override
    public void write(int b) throws IOException {
        one[0] = (byte) b;
        write(one, 0, 1);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        if (backlog != null) {
            send(false);
        }
        if (backlog == null) {
            while (length > 0 && !clientBehind.getAsBoolean()) {
                int piece = Math.min(PIECE, length);
                connection.write(bytes, offset, piece);
                offset += piece;
                length -= piece;
            }
            if (length == 0) {
                return;
            }
            backlog = FileChannel.open(Files.createTempFile("partner-tiers-batch-", ".ndjson"), StandardOpenOption.READ,
                    StandardOpenOption.WRITE, StandardOpenOption.DELETE_ON_CLOSE);
            written = 0;
            sent = 0;
        }
        if (written - sent + length > maxBacklog) {
            send(true); // the client has all it can be kept waiting for: wait for it
            connection.write(bytes, offset, length);
            return;
        }
        ByteBuffer buffer = ByteBuffer.wrap(bytes, offset, length);
        while (buffer.hasRemaining()) {
            written += backlog.write(buffer, written);
        }
    }

    /** Hands the client what waits for it while it takes it, then what this stream holds. */
    @Override
    public void flush() throws IOException {
        if (backlog != null) {
            send(false);
        }
        if (backlog == null && !clientBehind.getAsBoolean()) {
            connection.flush();
        }
    }

    /** Everything to the client, waiting for it as long as it takes: the end of the answer. */
    void finish() throws IOException {
        send(true);
        connection.flush();
    }

    /** Removes what the client will never read (it went away). */
    @Override
    public void close() throws IOException {
        if (backlog != null) {
            backlog.close();
            backlog = null;
        }
    }

    /** Moves the backlog to the connection: all of it, or as much as the client takes without waiting. */
    private void send(boolean all) throws IOException {
        if (backlog == null) {
            return;
        }
        ByteBuffer piece = ByteBuffer.allocate(PIECE);
        while (sent < written && (all || !clientBehind.getAsBoolean())) {
            piece.clear().limit((int) Math.min(PIECE, written - sent));
            int read = backlog.read(piece, sent);
            if (read <= 0) {
                throw new IOException("The batch's backlog file ended early");
            }
            connection.write(piece.array(), 0, read);
            sent += read;
        }
        if (sent == written) {
            close();
        }
    }
}
