package io.partnertiers.audit;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One group commit as the {@link DecisionJournal} keeps it: the facts rows it inserted and its decision
 * rows, column by column, so that replaying it writes exactly what the commit wrote.
 *
 * @param factsByHash facts inserted by the commit, as {@link StoredJson} keeps them, by hash
 */
record JournalEntry(Map<String, byte[]> factsByHash, List<Decision> decisions) {

    private static final long NO_DAY = Long.MIN_VALUE;

    byte[] encode() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256 + decisions.size() * 1024
                + decisions.stream().mapToInt(d -> d.answer.length).sum());
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(factsByHash.size());
            for (Map.Entry<String, byte[]> facts : factsByHash.entrySet()) {
                out.writeUTF(facts.getKey());
                writeBytes(out, facts.getValue());
            }
            out.writeInt(decisions.size());
            for (Decision d : decisions) {
                out.writeUTF(d.id);
                out.writeUTF(d.program);
                out.writeUTF(d.partnerId);
                out.writeLong(d.asOf.toEpochDay());
                out.writeUTF(d.rulesetVersion);
                writeNullable(out, d.segment);
                out.writeLong(d.atRiskSince == null ? NO_DAY : d.atRiskSince.toEpochDay());
                out.writeLong(d.recordedAt.getEpochSecond());
                out.writeInt(d.recordedAt.getNano());
                out.writeUTF(d.factsHash);
                writeBytes(out, d.answer);
            }
        } catch (IOException e) {
            // only writeUTF of a string over 64 KB gets here: no field the service validates is that long
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static JournalEntry decode(byte[] payload) throws IOException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(payload));
        int factsCount = in.readInt();
        Map<String, byte[]> facts = new LinkedHashMap<>();
        for (int i = 0; i < factsCount; i++) {
            facts.put(in.readUTF(), readBytes(in));
        }
        int decisionCount = in.readInt();
        List<Decision> decisions = new ArrayList<>(decisionCount);
        for (int i = 0; i < decisionCount; i++) {
            Decision d = new Decision();
            d.id = in.readUTF();
            d.program = in.readUTF();
            d.partnerId = in.readUTF();
            d.asOf = LocalDate.ofEpochDay(in.readLong());
            d.rulesetVersion = in.readUTF();
            d.segment = readNullable(in);
            long atRiskSince = in.readLong();
            d.atRiskSince = atRiskSince == NO_DAY ? null : LocalDate.ofEpochDay(atRiskSince);
            d.recordedAt = Instant.ofEpochSecond(in.readLong(), in.readInt());
            d.factsHash = in.readUTF();
            d.answer = readBytes(in);
            decisions.add(d);
        }
        if (in.available() > 0) {
            throw new IOException("A journal entry has " + in.available() + " bytes after its last decision");
        }
        return new JournalEntry(facts, decisions);
    }

    private static void writeBytes(DataOutputStream out, byte[] bytes) throws IOException {
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    private static byte[] readBytes(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length < 0 || length > in.available()) {
            throw new IOException("A journal entry names " + length + " bytes where " + in.available() + " are left");
        }
        return in.readNBytes(length);
    }

    private static void writeNullable(DataOutputStream out, String value) throws IOException {
        out.writeBoolean(value != null);
        if (value != null) {
            out.writeUTF(value);
        }
    }

    private static String readNullable(DataInputStream in) throws IOException {
        return in.readBoolean() ? in.readUTF() : null;
    }
}
