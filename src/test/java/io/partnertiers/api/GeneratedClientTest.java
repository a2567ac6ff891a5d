package io.partnertiers.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.partnertiers.client.ApiClient;
import io.partnertiers.client.ApiException;
import io.partnertiers.client.api.DecisionLogApi;
import io.partnertiers.client.api.EvaluationsApi;
import io.partnertiers.client.api.ProgramsApi;
import io.partnertiers.client.model.Certification;
import io.partnertiers.client.model.CriterionResult;
import io.partnertiers.client.model.CsatResponse;
import io.partnertiers.client.model.CustomerReference;
import io.partnertiers.client.model.EvaluationRequest;
import io.partnertiers.client.model.EvaluationResult;
import io.partnertiers.client.model.Gap;
import io.partnertiers.client.model.PartnerFacts;
import io.partnertiers.client.model.Person;
import io.partnertiers.client.model.ProgramSummary;
import io.partnertiers.client.model.StoredDecision;
import io.partnertiers.client.model.TierResult;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The Java client openapi-generator makes from {@code openapi/openapi.yaml} (in the test build, see
 * the pom) works against the service: the README's example partner, evaluated and read back, with
 * every value typed. The methods are named by the operationIds.
 */
@QuarkusTest
class GeneratedClientTest {

    private static final LocalDate AS_OF = LocalDate.of(2026, 11, 24);

    @TestHTTPResource("/")
    URI root;

    private ProgramsApi programs;
    private EvaluationsApi evaluations;
    private DecisionLogApi decisions;

    @BeforeEach
    void client() {
        // the tests run without a token key: every caller has every role, no Authorization header needed
        ApiClient client = new ApiClient().setScheme(root.getScheme()).setHost(root.getHost()).setPort(root.getPort())
                .setBasePath("");
        programs = new ProgramsApi(client);
        evaluations = new EvaluationsApi(client);
        decisions = new DecisionLogApi(client);
    }

    /** The README's "Evaluate a partner" example, built with the generated models. */
    private static PartnerFacts readmePartner() {
        return new PartnerFacts().partnerId("acme").agreementSigned(true).toolkits(List.of("CRM"))
                .addPeopleItem(new Person().id("p1")
                        .addCertificationsItem(new Certification().specialization("CRM").earnedOn(LocalDate.of(2026, 1, 10))))
                .addPeopleItem(new Person().id("p2")
                        .addCertificationsItem(new Certification().specialization("ERP").earnedOn(LocalDate.of(2025, 6, 1))
                                .expiresOn(LocalDate.of(2027, 6, 1))))
                .addReferencesItem(new CustomerReference().customer("Globex").competency("CRM").signedByCustomer(true)
                        .date(LocalDate.of(2026, 5, 1)))
                .addCsatResponsesItem(new CsatResponse().project("P-17").score(new BigDecimal("4.6")).date(LocalDate.of(2026, 4, 1)));
    }

    /** A number as written, whatever its scale: the service may send {@code 4} as {@code 4.0}. */
    private static String number(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }

    @Test
    void shouldListTheProgramsWithTheirTiers() throws ApiException {
        List<ProgramSummary> loaded = programs.listPrograms();

        assertEquals(List.of("cisco-adopt-incentive", "cisco-cx", "iped-cs-readiness", "microsoft-mpn",
                "microsoft-solutions-partner", "partner-portal", "salesforce-csat-points", "servicenow-partner",
                "servicenow-tpp"), loaded.stream().map(ProgramSummary::getId).toList());
        ProgramSummary mpn = loaded.stream().filter(p -> p.getId().equals("microsoft-mpn")).findFirst().orElseThrow();
        assertEquals(List.of("REGISTERED", "SUBSCRIBER", "SILVER", "GOLD"), mpn.getTiers());
        assertEquals(12, mpn.getRulesetVersion().length());
    }

    @Test
    void shouldEvaluateTheReadmePartnerAndReadTheStoredDecisionBack() throws ApiException {
        EvaluationResult answer = evaluations.evaluatePartner("microsoft-mpn",
                new EvaluationRequest().asOf(AS_OF).record(true).partner(readmePartner()), false, null);

        assertEquals("microsoft-mpn", answer.getProgram());
        assertEquals("acme", answer.getPartnerId());
        assertEquals(AS_OF, answer.getAsOf());
        assertEquals("SUBSCRIBER", answer.getSegment());
        assertEquals("SILVER", answer.getNextSegment());
        assertEquals(List.of(), answer.getEntitlements());
        assertNull(answer.getExplanation());
        assertNull(answer.getAtRisk());

        assertEquals(1, answer.getGaps().size());
        Gap gap = answer.getGaps().get(0);
        assertEquals("SILVER", gap.getTier());
        assertEquals("customer-references", gap.getCriterion());
        assertEquals(Gap.ComparisonEnum.AT_LEAST, gap.getComparison());
        assertEquals("2", number(gap.getRequired().getBigDecimal()));
        assertEquals("1", number(gap.getActual().getBigDecimal()));
        assertEquals("1", number(gap.getShortfall()));
        assertEquals("1 missing", gap.getSummary());

        assertEquals(List.of("REGISTERED", "SUBSCRIBER", "SILVER", "GOLD"),
                answer.getTiers().stream().map(TierResult::getTier).toList());
        assertEquals(List.of(true, true, false, false), answer.getTiers().stream().map(TierResult::getReached).toList());
        CriterionResult agreement = answer.getTiers().get(0).getCriteria().get(0);
        assertEquals("agreement-signed", agreement.getCriterion());
        assertEquals(Boolean.TRUE, agreement.getRequired().getBoolean());
        assertEquals(Boolean.TRUE, agreement.getActual().getBoolean());
        assertEquals(CriterionResult.ComparisonEnum.MUST_HOLD, agreement.getComparison());
        List<CriterionResult> silver = answer.getTiers().get(2).getCriteria();
        assertEquals(List.of("certified-specializations", "customer-references", "csat-positive"),
                silver.stream().map(CriterionResult::getCriterion).toList());
        assertEquals(List.of(true, false, true), silver.stream().map(CriterionResult::getMet).toList());
        assertEquals("4.6", number(silver.get(2).getActual().getBigDecimal()));
        assertEquals("4", number(silver.get(2).getRequired().getBigDecimal()));

        String evaluationId = answer.getEvaluationId();
        assertTrue(evaluationId.matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"), evaluationId);

        StoredDecision stored = decisions.getDecision(evaluationId);

        assertEquals(evaluationId, stored.getEvaluationId());
        assertEquals("microsoft-mpn", stored.getProgram());
        assertEquals("acme", stored.getPartnerId());
        assertEquals(AS_OF, stored.getAsOf());
        assertEquals(answer.getRulesetVersion(), stored.getRulesetVersion());
        assertEquals("SUBSCRIBER", stored.getSegment());
        assertNotNull(stored.getRecordedAt());

        PartnerFacts facts = stored.getPartner();
        assertEquals("acme", facts.getPartnerId());
        assertEquals(Boolean.TRUE, facts.getAgreementSigned());
        assertNull(facts.getName(), "a field not sent comes back as null");
        assertEquals(List.of("CRM"), facts.getToolkits());
        assertEquals(List.of("p1", "p2"), facts.getPeople().stream().map(Person::getId).toList());
        Certification erp = facts.getPeople().get(1).getCertifications().get(0);
        assertEquals("ERP", erp.getSpecialization());
        assertEquals(LocalDate.of(2025, 6, 1), erp.getEarnedOn());
        assertEquals(LocalDate.of(2027, 6, 1), erp.getExpiresOn());
        assertNull(erp.getKind());
        assertNull(facts.getPeople().get(0).getCertifications().get(0).getExpiresOn());
        assertEquals("Globex", facts.getReferences().get(0).getCustomer());
        assertEquals(Boolean.TRUE, facts.getReferences().get(0).getSignedByCustomer());
        assertEquals("4.6", number(facts.getCsatResponses().get(0).getScore()));
        assertEquals(LocalDate.of(2026, 4, 1), facts.getCsatResponses().get(0).getDate());

        EvaluationResult given = stored.getAnswer();
        assertEquals("SUBSCRIBER", given.getSegment());
        assertEquals("SILVER", given.getNextSegment());
        assertEquals(evaluationId, given.getEvaluationId());
        assertEquals(List.of("customer-references"), given.getGaps().stream().map(Gap::getCriterion).toList());
        assertEquals("1", number(given.getGaps().get(0).getShortfall()));
    }

    @Test
    void shouldReadAMeasureThatCouldNotBeTakenAsNull() throws ApiException {
        PartnerFacts noCsat = readmePartner().csatResponses(List.of());

        EvaluationResult answer = evaluations.evaluatePartner("microsoft-mpn",
                new EvaluationRequest().asOf(AS_OF).record(false).partner(noCsat), null, null);

        Gap csat = answer.getGaps().stream().filter(g -> g.getCriterion().equals("csat-positive")).findFirst().orElseThrow();
        assertNull(csat.getActual(), "no CSAT response: no average");
        assertNull(csat.getShortfall());
        assertEquals("4", number(csat.getRequired().getBigDecimal()));
        assertNull(answer.getEvaluationId(), "record: false stores nothing");
    }
}
