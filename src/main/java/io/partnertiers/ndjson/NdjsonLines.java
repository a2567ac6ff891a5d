package io.partnertiers.ndjson;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Reads NDJSON one line at a time, each line held in memory only up to {@code maxLineBytes}: a
 * longer line is read to its end without being kept, and handed on as too long, so that neither a
 * long stream nor a line without a newline can exhaust memory. A line ends with {@code \n}; a
 * {@code \r} before it is dropped; the last line needs no {@code \n}, and nothing after a final
 * {@code \n} is a line.
 */
public final class NdjsonLines {

    /** The media type of a stream of JSON values, one per line. */
    public static final String MEDIA_TYPE = "application/x-ndjson";

    private static final int BUFFER = 64 * 1024;

    /**
     * One line, numbered from 1.
     *
     * @param bytes the line without its end, or null when it is longer than the limit
     * @param length the line's length in bytes, also when it was too long to keep
     */
    public record Line(int number, byte[] bytes, long length) {

        public boolean tooLong() {
            return bytes == null;
        }

        /** Nothing but spaces and tabs, or nothing at all. */
        public boolean isBlank() {
            if (bytes == null) {
                return false;
            }
            for (byte b : bytes) {
                if (b != ' ' && b != '\t') {
                    return false;
                }
            }
            return true;
        }
    }

    private final InputStream in;
    private final int maxLineBytes;
    private final byte[] buffer = new byte[BUFFER];
    private int position;
    private int end;
    private boolean finished;
    private int number;

    public NdjsonLines(InputStream in, int maxLineBytes) {
        this.in = in;
        this.maxLineBytes = maxLineBytes;
    }

    /** The next line, or null at the end of the stream. */
    public Line next() throws IOException {
        byte[] kept = null;
        int keptLength = 0;
        long length = 0;
        boolean tooLong = false;
        boolean started = false;
        while (true) {
            if (position == end && !fill()) {
                if (!started) {
                    return null;
                }
                break;
            }
            started = true;
            int newline = indexOfNewline();
            int stop = newline < 0 ? end : newline;
            int chunk = stop - position;
            length += chunk;
            if (!tooLong && length > maxLineBytes + 1L) { // + 1: a \r before the newline is not counted
                tooLong = true;
                kept = null;
            } else if (!tooLong) {
                if (newline >= 0 && kept == null) { // the whole line is in the buffer: the common case
                    kept = Arrays.copyOfRange(buffer, position, stop);
                    keptLength = chunk;
                } else {
                    kept = kept == null ? new byte[Math.max(chunk, 256)]
                            : keptLength + chunk > kept.length ? Arrays.copyOf(kept, Math.max(keptLength + chunk, kept.length * 2))
                            : kept;
                    System.arraycopy(buffer, position, kept, keptLength, chunk);
                    keptLength += chunk;
                }
            }
            position = newline < 0 ? end : newline + 1;
            if (newline >= 0) {
                break;
            }
        }
        number++;
        if (!tooLong && keptLength > 0 && kept[keptLength - 1] == '\r') {
            keptLength--;
            length--;
        }
        if (tooLong || length > maxLineBytes) {
            return new Line(number, null, length);
        }
        return new Line(number, kept == null ? new byte[0] : kept.length == keptLength ? kept : Arrays.copyOf(kept, keptLength),
                length);
    }

    private int indexOfNewline() {
        for (int i = position; i < end; i++) {
            if (buffer[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    private boolean fill() throws IOException {
        if (finished) {
            return false;
        }
        int read = in.read(buffer, 0, buffer.length);
        while (read == 0) {
            read = in.read(buffer, 0, buffer.length);
        }
        if (read < 0) {
            finished = true;
            return false;
        }
        position = 0;
        end = read;
        return true;
    }
}
