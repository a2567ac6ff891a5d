package io.partnertiers.facts;

import java.time.LocalDate;

/** A customer implementation completed in one product area (ITSM, HRSD, …). */
public record Implementation(
        String customer,
        String area,
        LocalDate completedOn) {
}
