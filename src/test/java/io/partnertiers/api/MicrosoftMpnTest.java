package io.partnertiers.api;

import static io.partnertiers.PartnerJson.AS_OF;
import static io.partnertiers.PartnerJson.LONG_AGO;
import static io.partnertiers.PartnerJson.RECENT;
import static io.partnertiers.PartnerJson.cert;
import static io.partnertiers.PartnerJson.partner;
import static io.partnertiers.PartnerJson.person;
import static io.partnertiers.api.ServicenowPartnerTest.decimal;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.partnertiers.ApiTest;
import io.partnertiers.PartnerJson;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** microsoft-mpn, checked against PROGRAMS.md §2, including the one-to-one rule of seed 004. */
@QuarkusTest
class MicrosoftMpnTest extends ApiTest {

    private static final String PROGRAM = "microsoft-mpn";
    private static final String[] SPECIALIZATIONS = {"CRM", "ERP", "BI", "UC", "SECURITY"};

    /** Registered and subscribed, with {@code specialists} people each certified in a different specialization. */
    static PartnerJson subscriberWith(int specialists, int references, String csat) {
        PartnerJson partner = partner().agreementSigned(true).toolkits("CRM");
        for (int i = 0; i < specialists; i++) {
            partner.person(person("s" + i, List.of(), cert(SPECIALIZATIONS[i])));
        }
        for (int i = 0; i < references; i++) {
            partner.reference("CRM", true, RECENT);
        }
        if (csat != null) {
            partner.csat(3, csat);
        }
        return partner;
    }

    @Test
    void shouldBeRegisteredWithTheAgreementAlone() {
        JsonPath answer = evaluate(PROGRAM, partner().agreementSigned(true).body());

        assertEquals("REGISTERED", answer.getString("segment"));
        assertEquals("SUBSCRIBER", answer.getString("nextSegment"));
        assertEquals(List.of("competency-toolkits"), gapCriteria(answer));
        assertEquals(1, answer.getInt("gaps[0].shortfall"));
    }

    @Test
    void shouldBeSubscriberWithOneToolkitAndShowEverySilverGap() {
        JsonPath answer = evaluate(PROGRAM, subscriberWith(0, 0, null).body());

        assertEquals("SUBSCRIBER", answer.getString("segment"));
        assertEquals("SILVER", answer.getString("nextSegment"));
        assertEquals(List.of("certified-specializations", "customer-references", "csat-positive"), gapCriteria(answer));
        assertEquals(2, answer.getInt("gaps[0].shortfall"));
        assertEquals(2, answer.getInt("gaps[1].shortfall"));
        assertNull(answer.get("gaps[2].actual"), "no CSAT response: no average");
        assertNull(answer.get("gaps[2].shortfall"));
    }

    @Test
    void shouldBeSilverAtItsThresholdsAndShowTheGoldGaps() {
        JsonPath answer = evaluate(PROGRAM, subscriberWith(2, 2, "4.0").body());

        assertEquals("SILVER", answer.getString("segment"));
        assertEquals("GOLD", answer.getString("nextSegment"));
        assertEquals(List.of("certified-specializations", "customer-references"), gapCriteria(answer));
        assertEquals(2, answer.getInt("gaps[0].shortfall"));
        assertEquals(3, answer.getInt("gaps[1].shortfall"));
    }

    @Test
    void shouldBeGoldWithFourPeopleOnFourSpecializationsFiveReferencesAndPositiveCsat() {
        JsonPath answer = evaluate(PROGRAM, subscriberWith(4, 5, "4.0").body());

        assertEquals("GOLD", answer.getString("segment"));
        assertNull(answer.get("nextSegment"));
        assertEquals(List.of(), answer.getList("gaps"));
    }

    @Test
    void shouldReachGoldWhereAGreedyCountWouldStopAtThree() {
        PartnerJson partner = partner().agreementSigned(true).toolkits("CRM")
                .person(person("a", List.of(), cert("A"), cert("B")))
                .person(person("b", List.of(), cert("A")))
                .person(person("c", List.of(), cert("B"), cert("C")))
                .person(person("d", List.of(), cert("C"), cert("D")))
                .csat(1, "4.5");
        for (int i = 0; i < 5; i++) {
            partner.reference("A", true, RECENT);
        }

        JsonPath answer = evaluate(PROGRAM, partner.body());

        assertEquals("GOLD", answer.getString("segment"));
        assertEquals(4, ((Number) criterion(answer, "GOLD", "certified-specializations").get("actual")).intValue());
    }

    @Test
    void shouldCountFourPeopleCertifiedOnlyInCrmAsOneSpecialization() {
        PartnerJson partner = subscriberWith(0, 2, "4.5").people(4, cert("CRM"));

        JsonPath answer = evaluate(PROGRAM, partner.body());

        assertEquals("SUBSCRIBER", answer.getString("segment"));
        assertEquals(List.of("certified-specializations"), gapCriteria(answer));
        assertEquals(1, answer.getInt("gaps[0].actual"));
        assertEquals(1, answer.getInt("gaps[0].shortfall"));
    }

    @Test
    void shouldCountOnePersonWithFourSpecializationsOnce() {
        PartnerJson partner = subscriberWith(0, 2, "4.5")
                .person(person("polymath", List.of(), cert("CRM"), cert("ERP"), cert("BI"), cert("UC")));

        assertEquals(1, evaluate(PROGRAM, partner.body()).getInt("gaps[0].actual"));
    }

    @Test
    void shouldCountOnlySignedReferencesInASpecializationSomeoneIsValidlyCertifiedIn() {
        PartnerJson partner = subscriberWith(2, 0, "4.5")
                .reference("CRM", true, RECENT)
                .reference("CRM", false, RECENT)
                .reference("CRM", true, AS_OF.plusDays(1))
                .reference("HR", true, RECENT)
                .person(person("lapsed", List.of(), cert("UC", "PROCTORED_EXAM", LONG_AGO, AS_OF.minusDays(1))))
                .reference("UC", true, RECENT);

        JsonPath answer = evaluate(PROGRAM, partner.body());

        assertEquals(List.of("customer-references"), gapCriteria(answer));
        assertEquals(1, answer.getInt("gaps[0].actual"));
    }

    @Test
    void shouldMeetPositiveCsatAtExactly4Point0AndMissItBelow() {
        assertEquals("SILVER", evaluate(PROGRAM, subscriberWith(2, 2, "4.0").body()).getString("segment"));

        JsonPath answer = evaluate(PROGRAM, subscriberWith(2, 2, "3.9").body());
        assertEquals("SUBSCRIBER", answer.getString("segment"));
        assertEquals(List.of("csat-positive"), gapCriteria(answer));
        assertEquals(0, new BigDecimal("0.1").compareTo(decimal(answer.get("gaps[0].shortfall"))));
    }

    @Test
    void shouldNeedAtLeastOneCsatResponseInTheWindow() {
        PartnerJson partner = subscriberWith(2, 2, null).csat("5", AS_OF.minusDays(365));

        JsonPath answer = evaluate(PROGRAM, partner.body());

        assertEquals(List.of("csat-positive"), gapCriteria(answer));
        assertNull(answer.get("gaps[0].actual"));
    }

    @Test
    void shouldCountDistinctToolkits() {
        Map<String, Object> criterion = criterion(
                evaluate(PROGRAM, partner().agreementSigned(true).toolkits("CRM", "CRM", "ERP").body()),
                "SUBSCRIBER", "competency-toolkits");

        assertEquals(2, ((Number) criterion.get("actual")).intValue());
    }

    @Test
    void shouldNotBeGoldWithGoldNumbersButNoToolkit() {
        JsonPath answer = evaluate(PROGRAM, subscriberWith(4, 5, "4.8").with("toolkits", List.of()).body());

        assertEquals("REGISTERED", answer.getString("segment"));
        assertEquals(List.of("competency-toolkits"), gapCriteria(answer));
        assertEquals(List.of(true, false, true, true), answer.getList("tiers.criteriaMet"));
    }

    @Test
    void shouldAnswerAnEmptyProfileWithNoLevel() {
        JsonPath answer = evaluate(PROGRAM, partner().body());

        assertNull(answer.get("segment"));
        assertEquals("REGISTERED", answer.getString("nextSegment"));
        assertEquals(List.of("REGISTERED", "SUBSCRIBER", "SILVER", "GOLD"), answer.getList("tiers.tier"));
    }
}
