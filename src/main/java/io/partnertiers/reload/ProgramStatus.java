package io.partnertiers.reload;

import java.time.Instant;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One program as {@code GET /admin/rules/status} shows it: the version serving, since when, and
 * the last attempt to load a new version that was refused (null when none has failed since).
 */
public record ProgramStatus(String program,
        @Schema(description = "The ruleset version serving; null when no version of the program ever loaded", nullable = true)
        String activeVersion,
        @Schema(description = "When the serving version was loaded; null when none is serving", nullable = true)
        Instant loadedAt,
        @Schema(description = "The last refused attempt to load a new version; null when none failed since", nullable = true)
        FailedAttempt lastFailure,
        @Schema(description = "Why the program needs attention (folder missing, never loaded…); null when all is well", nullable = true)
        String note) {

    /** A refused reload: the version it tried and every diagnostic, {@code file:line:column: message}. */
    public record FailedAttempt(Instant at, String version, List<String> diagnostics) {
    }
}
