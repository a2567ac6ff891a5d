package io.partnertiers.api;

import java.time.LocalDate;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;

import io.partnertiers.facts.PartnerFacts;
import io.partnertiers.facts.WhatIf;

/** Body of {@code POST /programs/{programId}/evaluations}. */
public record EvaluationRequest(
        @Schema(description = "Day of the evaluation; facts dated later are ignored. Default: today (UTC).")
        LocalDate asOf,
        @Schema(description = "Store the decision in the decision log. Default: true. Only the decision on the submitted"
                + " facts is stored: never a what-if's, nor a forecast.")
        Boolean record,
        @NotNull @Valid @JsonDeserialize(using = SubmittedPartner.class) PartnerFacts partner,
        @Valid WhatIf whatIf) {
}
