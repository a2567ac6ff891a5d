package io.partnertiers.facts;

import java.math.BigDecimal;
import java.time.LocalDate;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;

/** An application the partner built for the vendor's store. */
public record App(
        String name,
        AppType type,
        Boolean storeCertified,
        LocalDate certifiedOn,
        @DecimalMin("0") @DecimalMax(Limits.MAX_AMOUNT) BigDecimal annualRevenue) {

    public boolean isStoreCertifiedOn(LocalDate asOf) {
        return Boolean.TRUE.equals(storeCertified) && (certifiedOn == null || !certifiedOn.isAfter(asOf));
    }
}
