package io.partnertiers.audit;

import java.nio.charset.StandardCharsets;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * How the decision log keeps submitted facts in their binary column: gzipped on the embedded H2, which
 * writes every byte on the service's own CPU; as is on PostgreSQL, which compresses any value over 2 KB
 * itself (TOAST) in the server. Answers are kept as is on both: each is a few kilobytes written once,
 * where gzip on the request thread cost a recorded evaluation about a sixth of its time (measured,
 * docs/performance.md), and facts are stored once per content. Reading tells the two apart by the first
 * byte: gzip's is 0x1f, which no JSON text starts with; rows written either way read the same.
 */
@ApplicationScoped
class StoredJson {

    private static final byte GZIP_FIRST_BYTE = 0x1f;

    private final boolean compress;

    StoredJson(@ConfigProperty(name = "quarkus.datasource.db-kind") String dbKind) {
        this.compress = "h2".equals(dbKind);
    }

    byte[] encode(byte[] json) {
        return compress ? GzippedText.gzip(json) : json;
    }

    static String decode(byte[] stored) {
        return stored.length > 0 && stored[0] == GZIP_FIRST_BYTE ? GzippedText.gunzip(stored)
                : new String(stored, StandardCharsets.UTF_8);
    }
}
