package io.partnertiers.facts;

import java.math.BigDecimal;
import java.time.YearMonth;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;

/** The share of licensed users actively using the product in one calendar month, 0 to 1. */
public record AdoptionMonth(
        YearMonth month,
        @DecimalMin("0") @DecimalMax("1") BigDecimal activeUsageRate) {
}
