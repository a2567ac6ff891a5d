package io.partnertiers.audit;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.GZIPInputStream;

/**
 * gzip at the fastest level, for the facts the decision log keeps on H2 ({@link StoredJson}): about a
 * fifth of the text. Any gzip tool reads a stored value back.
 */
public final class GzippedText {

    /** A gzip member header (RFC 1952): deflate, no name, no time, unknown OS; the deflate stream and trailer follow. */
    private static final byte[] HEADER = {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, (byte) 0xff};
    /**
     * Deflaters kept for reuse: making one allocates and clears zlib's 256 KB of state, which costs more
     * than compressing a small document. A few cover the decision writer and any other caller.
     */
    private static final BlockingQueue<Deflater> DEFLATERS = new ArrayBlockingQueue<>(8);

    private GzippedText() {
    }

    public static byte[] gzip(String text) {
        return gzip(text.getBytes(StandardCharsets.UTF_8));
    }

    static byte[] gzip(byte[] bytes) {
        Deflater deflater = DEFLATERS.poll();
        if (deflater == null) {
            deflater = new Deflater(Deflater.BEST_SPEED, true);
        }
        try {
            deflater.setInput(bytes);
            deflater.finish();
            // fastest-level deflate of JSON is far smaller than its input; the loop grows the buffer otherwise
            byte[] out = new byte[HEADER.length + bytes.length / 2 + 64];
            System.arraycopy(HEADER, 0, out, 0, HEADER.length);
            int length = HEADER.length;
            while (!deflater.finished()) {
                if (length == out.length) {
                    out = Arrays.copyOf(out, out.length * 2);
                }
                length += deflater.deflate(out, length, out.length - length);
            }
            CRC32 crc = new CRC32();
            crc.update(bytes);
            out = Arrays.copyOf(out, length + 8);
            writeIntLittleEndian(out, length, (int) crc.getValue());
            writeIntLittleEndian(out, length + 4, bytes.length);
            return out;
        } finally {
            deflater.reset();
            if (!DEFLATERS.offer(deflater)) {
                deflater.end();
            }
        }
    }

    private static void writeIntLittleEndian(byte[] out, int at, int value) {
        for (int i = 0; i < 4; i++) {
            out[at + i] = (byte) (value >>> (8 * i));
        }
    }

    static String gunzip(byte[] gzipped) {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gzipped))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("A stored value is not valid gzip", e);
        }
    }
}
