package io.partnertiers.facts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class WhatIfTest {

    private static final LocalDate DAY = LocalDate.of(2026, 11, 24);
    private static final Certification CSA = new Certification("CSA", "ITSM", CertificationKind.PROCTORED_EXAM, DAY, null);
    private static final Certification CAD = new Certification("CAD", "HRSD", CertificationKind.COURSE, DAY, null);

    private static PartnerFacts submitted(List<Person> people, Map<String, BigDecimal> metrics) {
        return new PartnerFacts("acme", "Acme", false, new BigDecimal("100"), false, "GOLD", List.of("CRM"), people,
                List.of(new CustomerReference("Globex", "CRM", true, DAY)), null, null, null, null, null,
                Map.of(ReadinessSection.KPIS_TARGETS, 60), metrics);
    }

    private static WhatIf whatIf(List<Person> people, Map<String, BigDecimal> metrics, Map<ReadinessSection, Integer> readiness) {
        return new WhatIf(true, new BigDecimal("50"), null, null, List.of("ERP"), people,
                List.of(new CustomerReference("Initech", "ERP", true, DAY)), null, null, null, null, null, readiness, metrics);
    }

    @Test
    void shouldAppendItemsAddAmountsAndReplaceAnswers() {
        PartnerFacts facts = whatIf(List.of(), Map.of("deployments", new BigDecimal("2"), "adds", BigDecimal.ONE),
                Map.of(ReadinessSection.KPIS_TARGETS, 30, ReadinessSection.STAFFING_MODEL, 10))
                .addTo(submitted(List.of(), Map.of("deployments", new BigDecimal("3"))));

        assertEquals(List.of("CRM", "ERP"), facts.toolkits());
        assertEquals(List.of("Globex", "Initech"), facts.references().stream().map(CustomerReference::customer).toList());
        assertEquals(new BigDecimal("150"), facts.revenueTrailing12Months());
        assertEquals(Map.of("deployments", new BigDecimal("5"), "adds", BigDecimal.ONE), facts.metrics());
        assertEquals(Map.of(ReadinessSection.KPIS_TARGETS, 90, ReadinessSection.STAFFING_MODEL, 10), facts.readinessScores());
        assertEquals(true, facts.agreementSigned(), "replaced");
        assertEquals(false, facts.revenueSharePartner(), "kept: the what-if does not say");
        assertEquals("GOLD", facts.vendorPartnerLevel());
        assertEquals("acme", facts.partnerId());
    }

    @Test
    void shouldGiveAPersonWhoseIdIsSubmittedTheAddedRolesAndCertifications() {
        Person submitted = new Person("p1", List.of("SALES"), List.of(CSA));
        PartnerFacts facts = whatIf(List.of(new Person("p1", List.of("SALES", "DELIVERY"), List.of(CAD)),
                new Person("p2", List.of(), List.of(CSA)), new Person(null, List.of(), List.of(CAD))), Map.of(), Map.of())
                .addTo(submitted(List.of(submitted), Map.of()));

        assertEquals(3, facts.people().size(), "p1 is merged, p2 and the person without an id are added");
        assertEquals(List.of("SALES", "DELIVERY"), facts.people().get(0).roles());
        assertEquals(List.of(CSA, CAD), facts.people().get(0).certifications());
        assertEquals("p2", facts.people().get(1).id());
    }

    @Test
    void shouldRefuseAPersonWhoWouldHoldMoreCertificationsThanAnyoneMay() {
        Person full = new Person("p1", List.of(), Collections.nCopies(Limits.MAX_CERTIFICATIONS_PER_PERSON, CSA));
        WhatIf oneMore = whatIf(List.of(new Person("p0", List.of(), List.of()), new Person("p1", List.of(), List.of(CAD))),
                Map.of(), Map.of());

        InvalidWhatIfException refused = assertThrows(InvalidWhatIfException.class,
                () -> oneMore.addTo(submitted(List.of(full), Map.of())));

        assertEquals("whatIf.people[1].certifications", refused.field());
        assertEquals("p1 would hold 101 certifications with the submitted ones: at most 100", refused.getMessage());
    }

    @Test
    void shouldRefuseListsThatWouldHoldMoreThanTheLimitTogether() {
        List<Person> many = new ArrayList<>();
        for (int i = 0; i < Limits.MAX_ITEMS; i++) {
            many.add(new Person("p" + i, List.of(), List.of()));
        }
        InvalidWhatIfException refused = assertThrows(InvalidWhatIfException.class,
                () -> whatIf(List.of(new Person("new", List.of(), List.of())), Map.of(), Map.of())
                        .addTo(submitted(many, Map.of())));

        assertEquals("whatIf.people", refused.field());
    }

    @Test
    void shouldRefuseAReadinessScoreAbove100() {
        InvalidWhatIfException refused = assertThrows(InvalidWhatIfException.class,
                () -> whatIf(List.of(), Map.of(), Map.of(ReadinessSection.KPIS_TARGETS, 41)).addTo(submitted(List.of(), Map.of())));

        assertEquals("whatIf.readinessScores.KPIS_TARGETS", refused.field());
        assertEquals("with the submitted 60 it would be 101: a section scores at most 100", refused.getMessage());
    }
}
