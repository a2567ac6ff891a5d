package io.partnertiers.audit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class StoredJsonTest {

    private static final String JSON = "{\"segment\":\"ELITE\",\"gaps\":[]}";
    private static final byte[] BYTES = JSON.getBytes(StandardCharsets.UTF_8);

    @Test
    void h2KeepsGzipAndPostgresqlThePlainText() {
        byte[] onH2 = new StoredJson("h2").encode(BYTES);
        assertEquals(0x1f, onH2[0]);
        assertArrayEquals(BYTES, new StoredJson("postgresql").encode(BYTES));
    }

    @Test
    void eitherFormReadsBackAsTheSameText() {
        assertEquals(JSON, StoredJson.decode(new StoredJson("h2").encode(BYTES)));
        assertEquals(JSON, StoredJson.decode(new StoredJson("postgresql").encode(BYTES)));
        assertEquals("[]", StoredJson.decode("[]".getBytes(StandardCharsets.UTF_8)));
        assertEquals("", StoredJson.decode(new byte[0]));
    }
}
