package io.partnertiers.reload;

import java.time.Instant;
import java.util.List;

/**
 * One program as {@code GET /admin/rules/status} shows it: the version serving, since when, and
 * the last attempt to load a new version that was refused (null when none has failed since).
 */
public record ProgramStatus(String program, String activeVersion, Instant loadedAt, FailedAttempt lastFailure,
        String note) {

    /** A refused reload: the version it tried and every diagnostic, {@code file:line:column: message}. */
    public record FailedAttempt(Instant at, String version, List<String> diagnostics) {
    }
}
