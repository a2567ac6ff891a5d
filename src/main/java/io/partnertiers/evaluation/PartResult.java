package io.partnertiers.evaluation;

import java.math.BigDecimal;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One measured threshold of an alternative track, named by its rule. */
public record PartResult(
        String rule,
        @Schema(enumeration = {"at-least", "at-most", "must-hold"})
        String comparison,
        @Schema(anyOf = {BigDecimal.class, Boolean.class})
        Object required,
        @Schema(anyOf = {BigDecimal.class, Boolean.class}, nullable = true)
        Object actual,
        boolean met,
        @Schema(description = "How far actual is from required (missing, or too many for at-most); null when met by"
                + " a yes/no or when nothing could be measured", nullable = true)
        BigDecimal shortfall) {
}
