package io.partnertiers.audit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.zip.GZIPInputStream;

import org.junit.jupiter.api.Test;

/** The stored form must be plain gzip that any reader takes, whichever pooled deflater made it. */
class GzippedTextTest {

    private static byte[] gunzipWithTheJdk(byte[] gzipped) throws IOException {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gzipped))) {
            return in.readAllBytes();
        }
    }

    @Test
    void emptyTextRoundTrips() throws IOException {
        assertArrayEquals(new byte[0], gunzipWithTheJdk(GzippedText.gzip(new byte[0])));
        assertEquals("", GzippedText.gunzip(GzippedText.gzip("")));
    }

    @Test
    void jsonShrinksAndRoundTrips() throws IOException {
        String json = "{\"people\":[" + "{\"id\":\"p-1\",\"certifications\":[\"CSA\",\"CIS-ITSM\"]},".repeat(300) + "{}]}";
        byte[] gzipped = GzippedText.gzip(json);
        assertEquals(json, GzippedText.gunzip(gzipped));
        assertEquals(json, new String(gunzipWithTheJdk(gzipped), java.nio.charset.StandardCharsets.UTF_8));
        assertEquals(true, gzipped.length < json.length() / 10, gzipped.length + " bytes");
    }

    @Test
    void incompressibleBytesOutgrowTheFirstBuffer() throws IOException {
        byte[] random = new byte[100_000];
        new Random(16).nextBytes(random);
        byte[] gzipped = GzippedText.gzip(random);
        assertEquals(true, gzipped.length > random.length, "random bytes do not shrink");
        assertArrayEquals(random, gunzipWithTheJdk(gzipped));
    }

    @Test
    void reusedDeflatersCarryNothingOverFromOneValueToTheNext() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < 16; t++) {
                int seed = t;
                done.add(threads.submit(() -> {
                    Random random = new Random(seed);
                    for (int i = 0; i < 200; i++) {
                        String text = ("value " + random.nextInt() + " ").repeat(random.nextInt(500));
                        assertEquals(text, GzippedText.gunzip(GzippedText.gzip(text)));
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            threads.shutdown();
        }
    }
}
