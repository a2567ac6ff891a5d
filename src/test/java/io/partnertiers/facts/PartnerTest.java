package io.partnertiers.facts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The measures rules call on {@link Partner}, checked without Drools. */
class PartnerTest {

    private static final LocalDate AS_OF = LocalDate.of(2026, 11, 24);

    private static PartnerFacts facts(List<Person> people, List<CsatResponse> csat, List<CustomerReference> references) {
        return new PartnerFacts("acme", null, true, null, null, null, List.of("CRM", "CRM"), people, references, csat,
                null, null, null, null, null, null);
    }

    private static Certification cert(String specialization, CertificationKind kind, LocalDate earned, LocalDate expires) {
        return new Certification("c", specialization, kind, earned, expires);
    }

    @Test
    void shouldTreatACertificationAsValidFromItsEarningDayToItsExpiryDayIncluded() {
        Certification c = cert("CRM", null, AS_OF, AS_OF.plusDays(10));
        assertTrue(c.isValidOn(AS_OF));
        assertTrue(c.isValidOn(AS_OF.plusDays(10)));
        assertFalse(c.isValidOn(AS_OF.minusDays(1)));
        assertFalse(c.isValidOn(AS_OF.plusDays(11)));
        assertTrue(cert("CRM", null, null, null).isValidOn(AS_OF), "undated and unexpiring");
    }

    @Test
    void shouldCountPeopleByRoleAndCertificationKind() {
        Person csm = new Person("a", List.of("CSM", "PRACTICE_LEAD"),
                List.of(cert("CX", CertificationKind.PROCTORED_EXAM, null, null)));
        Person coursedCsm = new Person("b", List.of("CSM"), List.of(cert("CX", CertificationKind.COURSE, null, null)));
        Person untypedCsm = new Person("c", List.of("CSM"), List.of(cert("CX", null, null, null)));
        Partner partner = new Partner(facts(List.of(csm, coursedCsm, untypedCsm), null, null), AS_OF);

        assertEquals(1, partner.peopleWithRoleCertifiedAs("CSM", "PROCTORED_EXAM").value());
        assertEquals(2, partner.peopleWithRoleCertifiedAs("CSM", "PROCTORED_EXAM", "COURSE").value());
        assertEquals(3, partner.peopleWithRole("CSM").value());
        assertEquals(1, partner.peopleWithRole("PRACTICE_LEAD").value());
        assertEquals(3, partner.getCertifiedStaff().value());
        assertEquals(1, partner.rolesCoveredByCertifiedPeople("CSM", "SALES", "CSM").value());
    }

    @Test
    void shouldAverageOnlyScoresInTheWindow() {
        List<CsatResponse> csat = List.of(
                new CsatResponse("in", new BigDecimal("4.5"), AS_OF.minusDays(364)),
                new CsatResponse("in", new BigDecimal("4.0"), AS_OF),
                new CsatResponse("old", new BigDecimal("1"), AS_OF.minusDays(365)),
                new CsatResponse("future", new BigDecimal("1"), AS_OF.plusDays(1)),
                new CsatResponse("undated", new BigDecimal("1"), null));
        Partner partner = new Partner(facts(null, csat, null), AS_OF);

        assertEquals(2, partner.getCsatResponsesInWindow().value());
        assertEquals(new BigDecimal("4.25"), partner.getCsatAverageInWindow().value());
        assertNull(new Partner(facts(null, null, null), AS_OF).getCsatAverageInWindow().value());
    }

    @Test
    void shouldMatchPeopleToSpecializationsOneToOneAndCountReferencesInCertifiedOnes() {
        Person crmOnly = new Person("a", List.of(), List.of(cert("CRM", null, null, null)));
        Person crmAndErp = new Person("b", List.of(), List.of(cert("CRM", null, null, null), cert("ERP", null, null, null)));
        Person expiredBi = new Person("c", List.of(), List.of(cert("BI", null, null, AS_OF.minusDays(1))));
        List<CustomerReference> references = List.of(
                new CustomerReference("x", "ERP", true, AS_OF),
                new CustomerReference("y", "BI", true, AS_OF),
                new CustomerReference("z", "CRM", false, AS_OF),
                new CustomerReference("w", "CRM", true, AS_OF.plusDays(1)));
        Partner partner = new Partner(facts(List.of(crmOnly, crmAndErp, expiredBi), null, references), AS_OF);

        assertEquals(2, partner.getCertifiedSpecializations().value());
        assertEquals(1, partner.getReferencesInCertifiedSpecializations().value());
        assertEquals(2, partner.getSignedReferences().value());
        assertEquals(1, partner.getCompetencyToolkits().value());
    }
}
