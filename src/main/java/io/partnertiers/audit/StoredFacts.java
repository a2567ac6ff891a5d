package io.partnertiers.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * A partner's facts as submitted, stored once per content however many decisions were made from
 * them (a partner evaluated every day with unchanged facts): decisions refer to them by hash.
 */
@Entity
@Table(name = "decision_facts")
public class StoredFacts extends PanacheEntityBase {

    /**
     * SHA-256 of the facts' JSON (UTF-8) as stored, in lower-case hex: the request's {@code partner} as sent
     * (rows stored before the service kept facts as sent, and facts recorded by other callers, hold the bound facts written out).
     */
    @Id
    @Column(name = "facts_hash")
    public String hash;

    /** The JSON as the log keeps it ({@link StoredJson}). */
    @Column(name = "facts")
    public byte[] json;

    public static String hashOf(String json) {
        return hashOf(json.getBytes(StandardCharsets.UTF_8));
    }

    static String hashOf(byte[] json) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(json));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }
}
