package io.partnertiers.api;

import static io.partnertiers.PartnerJson.cert;
import static io.partnertiers.PartnerJson.partner;
import static io.partnertiers.PartnerJson.RECENT;
import static io.partnertiers.api.ServicenowPartnerTest.decimal;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.partnertiers.ApiTest;
import io.partnertiers.PartnerJson;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** partner-portal, checked against PROGRAMS.md §7, entitlements included. */
@QuarkusTest
class PartnerPortalTest extends ApiTest {

    private static final String PROGRAM = "partner-portal";
    private static final List<String> BRONZE = List.of("standard-catalog", "list-pricing", "email-support");
    private static final List<String> SILVER = List.of("standard-catalog", "list-pricing", "email-support", "deal-registration");
    private static final List<String> GOLD = List.of("extended-catalog", "volume-discounts", "priority-support", "mdf-access");
    private static final List<String> PLATINUM = List.of("full-catalog", "custom-pricing", "dedicated-csm", "co-marketing");

    static PartnerJson reseller(long revenue, int certified, String csat, int references) {
        PartnerJson partner = partner().agreementSigned(true).with("revenueTrailing12Months", revenue)
                .people(certified, cert("SALES"));
        if (csat != null) {
            partner.csat(2, csat);
        }
        for (int i = 0; i < references; i++) {
            partner.reference("ANY", true, RECENT);
        }
        return partner;
    }

    @Test
    void shouldGrantNothingWithoutASignedAgreement() {
        JsonPath answer = evaluate(PROGRAM, reseller(3_000_000, 10, "4.5", 3).agreementSigned(false).body());

        assertNull(answer.get("segment"));
        assertEquals("BRONZE", answer.getString("nextSegment"));
        assertEquals(List.of("agreement-signed"), gapCriteria(answer));
        assertEquals(List.of(), answer.getList("entitlements"));
    }

    @Test
    void shouldBeBronzeWithTheAgreementAndShowTheSilverGaps() {
        JsonPath answer = evaluate(PROGRAM, partner().agreementSigned(true).body());

        assertEquals("BRONZE", answer.getString("segment"));
        assertEquals(BRONZE, answer.getList("entitlements"));
        assertEquals(List.of("revenue-12m", "certified-staff"), gapCriteria(answer));
        assertEquals(250000, answer.getInt("gaps[0].shortfall"));
        assertEquals(0, answer.getInt("gaps[0].actual"), "absent revenue counts as 0");
        assertEquals(2, answer.getInt("gaps[1].shortfall"));
    }

    @Test
    void shouldBeSilverAtItsThresholds() {
        JsonPath answer = evaluate(PROGRAM, reseller(250_000, 2, null, 0).body());

        assertEquals("SILVER", answer.getString("segment"));
        assertEquals(SILVER, answer.getList("entitlements"));
        assertEquals(List.of("revenue-12m", "certified-staff", "csat-average"), gapCriteria(answer));
        assertEquals(750000, answer.getInt("gaps[0].shortfall"));
        assertEquals(3, answer.getInt("gaps[1].shortfall"));
        assertNull(answer.get("gaps[2].actual"), "no CSAT response: no average");
    }

    @Test
    void shouldBeGoldAtItsThresholds() {
        JsonPath answer = evaluate(PROGRAM, reseller(1_000_000, 5, "4.0", 0).body());

        assertEquals("GOLD", answer.getString("segment"));
        assertEquals(GOLD, answer.getList("entitlements"));
        assertEquals(List.of("revenue-12m", "certified-staff", "csat-average", "customer-references"), gapCriteria(answer));
        assertEquals(1500000, answer.getInt("gaps[0].shortfall"));
        assertEquals(0, new BigDecimal("0.3").compareTo(decimal(answer.get("gaps[2].shortfall"))));
    }

    @Test
    void shouldBePlatinumAtItsThresholds() {
        JsonPath answer = evaluate(PROGRAM, reseller(2_500_000, 10, "4.3", 3).body());

        assertEquals("PLATINUM", answer.getString("segment"));
        assertNull(answer.get("nextSegment"));
        assertEquals(PLATINUM, answer.getList("entitlements"));
    }

    @Test
    void shouldStaySilverWhenGoldRevenueIsOneShort() {
        JsonPath answer = evaluate(PROGRAM, reseller(999_999, 5, "4.0", 0).body());

        assertEquals("SILVER", answer.getString("segment"));
        assertEquals(List.of("revenue-12m"), gapCriteria(answer));
        assertEquals(1, answer.getInt("gaps[0].shortfall"));
    }

    @Test
    void shouldStayGoldWhenPlatinumMissesOneCriterion() {
        assertEquals(List.of("certified-staff"), gapCriteria(evaluate(PROGRAM, reseller(2_500_000, 9, "4.3", 3).body())));
        assertEquals(List.of("csat-average"), gapCriteria(evaluate(PROGRAM, reseller(2_500_000, 10, "4.2", 3).body())));
        assertEquals(List.of("customer-references"), gapCriteria(evaluate(PROGRAM, reseller(2_500_000, 10, "4.3", 2).body())));
    }

    @Test
    void shouldNotReachGoldOnAverageAloneWithoutAResponse() {
        JsonPath answer = evaluate(PROGRAM, reseller(3_000_000, 12, null, 5).body());

        assertEquals("SILVER", answer.getString("segment"));
        assertEquals(List.of("csat-average"), gapCriteria(answer));
    }
}
