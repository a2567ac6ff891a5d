package io.partnertiers.impact;

import java.time.LocalDate;

import io.partnertiers.facts.PartnerFacts;

/** One line of a partners file: an evaluation request with its program, as the decision export writes it. */
record ImpactRequest(String program, LocalDate asOf, PartnerFacts partner) {
}
