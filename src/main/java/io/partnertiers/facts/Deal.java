package io.partnertiers.facts;

import java.time.LocalDate;

/** A closed deal and the day its customer success plan was uploaded, if it was. */
public record Deal(
        String id,
        LocalDate closedOn,
        LocalDate successPlanUploadedOn) {
}
