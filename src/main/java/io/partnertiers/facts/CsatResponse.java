package io.partnertiers.facts;

import java.math.BigDecimal;
import java.time.LocalDate;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;

/** One customer-satisfaction survey answer, scored 1 to 5. */
public record CsatResponse(
        String project,
        @DecimalMin("1") @DecimalMax("5") BigDecimal score,
        LocalDate date) {
}
