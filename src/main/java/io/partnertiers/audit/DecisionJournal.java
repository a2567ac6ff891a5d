package io.partnertiers.audit;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32C;

/**
 * An append-only file of group commits, each forced to disk (fdatasync) before its requests are answered:
 * what makes a decision durable on the embedded H2, whose own commits stay in memory until it writes its
 * pages in the background ({@link DecisionDurability}). One fdatasync of a few kilobytes costs a fraction
 * of H2 rewriting every B-tree page a commit touched.
 *
 * <p>The file is written in place: created at its full capacity (zeros, so that an append changes no
 * file metadata and fdatasync flushes data only), a header holding the current epoch, then entries.
 * {@link #reset()} starts a new epoch at the front once H2 holds everything on disk itself; entries of an
 * older epoch left further on are never read again. Each entry carries its epoch, its length and a CRC32C
 * of its payload, so reading stops at the first one torn by a crash.
 */
final class DecisionJournal implements AutoCloseable {

    private static final int FILE_MAGIC = 0x50544a31; // "PTJ1"
    private static final int ENTRY_MAGIC = 0x50544a45; // "PTJE"
    static final int HEADER_BYTES = 32;
    /** magic, epoch, payload length, CRC32C of the payload */
    static final int ENTRY_HEADER_BYTES = 4 + 8 + 4 + 4;
    private static final int ZEROS_CHUNK = 1 << 20;

    private final FileChannel channel;
    private final long capacity;
    private long epoch;
    private long position = HEADER_BYTES;

    private DecisionJournal(FileChannel channel, long capacity, long epoch) {
        this.channel = channel;
        this.capacity = capacity;
        this.epoch = epoch;
    }

    /**
     * Opens the journal at {@code file}, creating it at {@code capacity} bytes if it is missing. Appends go
     * after the entries already there until {@link #reset()}: call {@link #entries()} first.
     */
    static DecisionJournal open(Path file, long capacity) throws IOException {
        if (capacity < HEADER_BYTES + ENTRY_HEADER_BYTES) {
            throw new IllegalArgumentException("A journal of " + capacity + " bytes holds no entry");
        }
        boolean created = !Files.exists(file);
        if (created) {
            Files.createDirectories(file.toAbsolutePath().getParent());
        }
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        try {
            if (created || channel.size() < HEADER_BYTES) {
                fillWithZeros(channel, capacity);
                DecisionJournal journal = new DecisionJournal(channel, capacity, 0);
                journal.reset();
                channel.force(true);
                return journal;
            }
            long epoch = readEpoch(channel);
            DecisionJournal journal = new DecisionJournal(channel, capacity, epoch < 0 ? System.currentTimeMillis() : epoch);
            if (epoch < 0) {
                journal.reset(); // a header that does not read back cannot vouch for any entry
            }
            return journal;
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    /** The payloads of this epoch's entries, in the order appended, up to the first that is torn. */
    List<byte[]> entries() throws IOException {
        List<byte[]> payloads = new ArrayList<>();
        long at = HEADER_BYTES;
        long size = channel.size();
        ByteBuffer header = ByteBuffer.allocate(ENTRY_HEADER_BYTES);
        while (at + ENTRY_HEADER_BYTES <= size) {
            header.clear();
            readFully(header, at);
            header.flip();
            int magic = header.getInt();
            long entryEpoch = header.getLong();
            int length = header.getInt();
            int crc = header.getInt();
            if (magic != ENTRY_MAGIC || entryEpoch != epoch || length < 0
                    || at + ENTRY_HEADER_BYTES + length > size) {
                break;
            }
            ByteBuffer payload = ByteBuffer.allocate(length);
            readFully(payload, at + ENTRY_HEADER_BYTES);
            if (crc32c(payload.array()) != crc) {
                break;
            }
            payloads.add(payload.array());
            at += ENTRY_HEADER_BYTES + length;
        }
        position = at;
        return payloads;
    }

    /**
     * Writes the entry after the others; it is on disk once {@link #force()} has returned after this.
     *
     * @return false, writing nothing, when it does not fit in what is left of the capacity: the caller
     *         makes the database durable by other means and resets the journal
     */
    boolean append(byte[] payload) throws IOException {
        if (position + ENTRY_HEADER_BYTES + payload.length > capacity) {
            return false;
        }
        ByteBuffer entry = ByteBuffer.allocate(ENTRY_HEADER_BYTES + payload.length);
        entry.putInt(ENTRY_MAGIC).putLong(epoch).putInt(payload.length).putInt(crc32c(payload)).put(payload).flip();
        writeFully(entry, position);
        position += entry.limit();
        return true;
    }

    /**
     * Forces every entry appended so far to disk (fdatasync). Safe to call from another thread than the
     * one appending: what it covers is every append that returned before it was called.
     */
    void force() throws IOException {
        channel.force(false);
    }

    /** Forgets every entry: starts a new epoch at the front. Only once what they hold is on disk elsewhere. */
    void reset() throws IOException {
        ByteBuffer header = ByteBuffer.allocate(HEADER_BYTES);
        header.putInt(FILE_MAGIC).putLong(epoch + 1);
        header.putInt(crc32c(header.array(), 12));
        header.clear();
        writeFully(header, 0);
        channel.force(false);
        epoch++;
        position = HEADER_BYTES;
    }

    /** Bytes in use, header included. */
    long used() {
        return position;
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }

    /** @return the header's epoch, or -1 if the header does not read back */
    private static long readEpoch(FileChannel channel) throws IOException {
        ByteBuffer header = ByteBuffer.allocate(HEADER_BYTES);
        while (header.hasRemaining() && channel.read(header, header.position()) >= 0) {
            // read until full or at the end of the file
        }
        header.flip();
        if (header.limit() < HEADER_BYTES || header.getInt(0) != FILE_MAGIC
                || header.getInt(12) != crc32c(header.array(), 12)) {
            return -1;
        }
        return header.getLong(4);
    }

    private static void fillWithZeros(FileChannel channel, long capacity) throws IOException {
        ByteBuffer zeros = ByteBuffer.allocate(ZEROS_CHUNK);
        for (long at = 0; at < capacity; at += ZEROS_CHUNK) {
            zeros.clear().limit((int) Math.min(ZEROS_CHUNK, capacity - at));
            while (zeros.hasRemaining()) {
                channel.write(zeros, at + zeros.position());
            }
        }
    }

    private void readFully(ByteBuffer buffer, long at) throws IOException {
        while (buffer.hasRemaining()) {
            if (channel.read(buffer, at + buffer.position()) < 0) {
                throw new IOException("The journal ends inside an entry it has checked the length of");
            }
        }
    }

    private void writeFully(ByteBuffer buffer, long at) throws IOException {
        while (buffer.hasRemaining()) {
            channel.write(buffer, at + buffer.position());
        }
    }

    private static int crc32c(byte[] bytes) {
        return crc32c(bytes, bytes.length);
    }

    private static int crc32c(byte[] bytes, int length) {
        CRC32C crc = new CRC32C();
        crc.update(bytes, 0, length);
        return (int) crc.getValue();
    }
}
