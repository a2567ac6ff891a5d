package io.partnertiers.facts;

import java.time.LocalDate;

/** A customer reference; it counts once the customer has signed it, on or before the evaluation date. */
public record CustomerReference(
        String customer,
        String competency,
        Boolean signedByCustomer,
        LocalDate date) {

    public boolean isSignedOn(LocalDate asOf) {
        return Boolean.TRUE.equals(signedByCustomer) && (date == null || !date.isAfter(asOf));
    }
}
