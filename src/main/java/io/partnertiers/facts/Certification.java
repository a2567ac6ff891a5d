package io.partnertiers.facts;

import java.time.LocalDate;

/** A personal certification; valid on a date between {@code earnedOn} and {@code expiresOn}, both included. */
public record Certification(
        String name,
        String specialization,
        CertificationKind kind,
        LocalDate earnedOn,
        LocalDate expiresOn) {

    /** An undated earning is not in the future; an absent expiry never expires. */
    public boolean isValidOn(LocalDate asOf) {
        return (earnedOn == null || !earnedOn.isAfter(asOf))
                && (expiresOn == null || !asOf.isAfter(expiresOn));
    }
}
