package io.partnertiers.audit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class JournalEntryTest {

    static Decision decision(String id, String factsHash, boolean atRisk) {
        Decision d = new Decision();
        d.id = id;
        d.program = "servicenow-partner";
        d.partnerId = "acme-é";
        d.asOf = LocalDate.of(2026, 11, 24);
        d.rulesetVersion = "23e48868b717";
        d.segment = atRisk ? "ELITE" : null;
        d.atRiskSince = atRisk ? LocalDate.of(2026, 6, 30) : null;
        d.recordedAt = Instant.parse("2026-12-02T01:02:03.123456789Z");
        d.factsHash = factsHash;
        d.answer = ("{\"evaluationId\":\"" + id + "\"}").getBytes(StandardCharsets.UTF_8);
        return d;
    }

    @Test
    void everyColumnOfEveryRowReadsBackAsWritten() throws IOException {
        Map<String, byte[]> facts = new LinkedHashMap<>();
        facts.put("hash-1", new byte[] {0x1f, (byte) 0x8b, 0});
        facts.put("hash-2", new byte[0]);
        List<Decision> decisions = List.of(decision("one", "hash-1", true), decision("two", "hash-2", false));

        JournalEntry read = JournalEntry.decode(new JournalEntry(facts, decisions).encode());

        assertEquals(List.copyOf(facts.keySet()), List.copyOf(read.factsByHash().keySet()));
        assertArrayEquals(facts.get("hash-1"), read.factsByHash().get("hash-1"));
        assertArrayEquals(new byte[0], read.factsByHash().get("hash-2"));
        for (int i = 0; i < decisions.size(); i++) {
            Decision expected = decisions.get(i);
            Decision actual = read.decisions().get(i);
            assertEquals(expected.id, actual.id);
            assertEquals(expected.program, actual.program);
            assertEquals(expected.partnerId, actual.partnerId);
            assertEquals(expected.asOf, actual.asOf);
            assertEquals(expected.rulesetVersion, actual.rulesetVersion);
            assertEquals(expected.segment, actual.segment);
            assertEquals(expected.atRiskSince, actual.atRiskSince);
            assertEquals(expected.recordedAt, actual.recordedAt);
            assertEquals(expected.factsHash, actual.factsHash);
            assertArrayEquals(expected.answer, actual.answer);
        }
        assertNull(read.decisions().get(1).atRiskSince);
        assertNull(read.decisions().get(1).segment);
    }

    @Test
    void bytesThatAreNotOneWholeEntryAreRefused() {
        byte[] encoded = new JournalEntry(Map.of(), List.of(decision("one", "h", true))).encode();
        byte[] longer = Arrays.copyOf(encoded, encoded.length + 1);
        assertThrows(IOException.class, () -> JournalEntry.decode(longer));
        assertThrows(IOException.class, () -> JournalEntry.decode(Arrays.copyOf(encoded, encoded.length - 1)));
    }
}
