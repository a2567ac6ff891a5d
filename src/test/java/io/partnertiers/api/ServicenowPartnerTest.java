package io.partnertiers.api;

import static io.partnertiers.PartnerJson.AS_OF;
import static io.partnertiers.PartnerJson.RECENT;
import static io.partnertiers.PartnerJson.cert;
import static io.partnertiers.PartnerJson.partner;
import static io.partnertiers.PartnerJson.person;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import io.partnertiers.ApiTest;
import io.partnertiers.PartnerJson;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** servicenow-partner, checked against the table of PROGRAMS.md §1. */
@QuarkusTest
class ServicenowPartnerTest extends ApiTest {

    private static final String PROGRAM = "servicenow-partner";
    private static final String[] SALES_ROLES = {"SALES", "PRESALES", "CONSULTING", "DELIVERY"};
    private static final String[] AREAS = {"ITSM", "ITOM", "ITBM", "SECURITY", "GRC", "HRSD", "CSM", "APP_ENGINE"};

    /** The shipped thresholds, one row per segment above REGISTERED. */
    enum Segment {
        SPECIALIST(5, 2, 3, "4.0", 2, 1, 0),
        PREMIER(15, 4, 10, "4.2", 10, 2, 0),
        ELITE(40, 4, 25, "4.4", 30, 4, 1),
        GLOBAL_ELITE(100, 4, 50, "4.5", 75, 6, 3);

        final Map<String, BigDecimal> required = new LinkedHashMap<>();

        Segment(int staff, int roles, int responses, String average, int implementations, int areas, int apps) {
            required.put("certified-staff", BigDecimal.valueOf(staff));
            required.put("certified-roles", BigDecimal.valueOf(roles));
            required.put("csat-responses", BigDecimal.valueOf(responses));
            required.put("csat-average", new BigDecimal(average));
            required.put("implementations", BigDecimal.valueOf(implementations));
            required.put("implementation-areas", BigDecimal.valueOf(areas));
            if (apps > 0) {
                required.put("store-certified-apps", BigDecimal.valueOf(apps));
            }
        }

        int count(String criterion) {
            return required.getOrDefault(criterion, BigDecimal.ZERO).intValue();
        }

        Segment next() {
            return ordinal() + 1 < values().length ? values()[ordinal() + 1] : null;
        }

        String below() {
            return ordinal() == 0 ? "REGISTERED" : values()[ordinal() - 1].name();
        }
    }

    /** A partner meeting a segment's thresholds exactly, with {@code lowered} one step short. */
    static PartnerJson meeting(Segment segment, String lowered) {
        Map<String, BigDecimal> values = new LinkedHashMap<>(segment.required);
        values.putIfAbsent("store-certified-apps", BigDecimal.ZERO);
        if (lowered != null) {
            BigDecimal step = lowered.equals("csat-average") ? new BigDecimal("0.1") : BigDecimal.ONE;
            values.put(lowered, values.get(lowered).subtract(step));
        }
        PartnerJson partner = partner().agreementSigned(true);
        int roles = values.get("certified-roles").intValue();
        for (int i = 0; i < values.get("certified-staff").intValue(); i++) {
            List<String> role = roles == 0 ? List.of() : List.of(SALES_ROLES[i % roles]);
            partner.person(person("p" + i, role, cert("ITSM")));
        }
        partner.csat(values.get("csat-responses").intValue(), values.get("csat-average").toPlainString());
        int areas = values.get("implementation-areas").intValue();
        for (int i = 0; i < values.get("implementations").intValue(); i++) {
            partner.implementation(areas == 0 ? null : AREAS[i % areas], RECENT);
        }
        for (int i = 0; i < values.get("store-certified-apps").intValue(); i++) {
            partner.app("NATIVE", true, RECENT, 0);
        }
        return partner;
    }

    @ParameterizedTest
    @EnumSource(Segment.class)
    void shouldReachEachSegmentWhenItsThresholdsAreMetExactly(Segment segment) {
        JsonPath answer = evaluate(PROGRAM, meeting(segment, null).body());

        assertEquals(segment.name(), answer.getString("segment"));
        Segment next = segment.next();
        assertEquals(next == null ? null : next.name(), answer.getString("nextSegment"));
        List<String> expectedGaps = new ArrayList<>();
        if (next != null) {
            for (var required : next.required.entrySet()) {
                BigDecimal actual = segment.required.getOrDefault(required.getKey(), BigDecimal.ZERO);
                if (actual.compareTo(required.getValue()) < 0) {
                    expectedGaps.add(required.getKey());
                    Map<String, Object> gap = gap(answer, required.getKey());
                    assertEquals(next.name(), gap.get("tier"));
                    assertEquals(0, required.getValue().subtract(actual).compareTo((BigDecimal) decimal(gap.get("shortfall"))),
                            required.getKey() + " shortfall");
                }
            }
        }
        assertEquals(expectedGaps, gapCriteria(answer));
    }

    static Stream<Arguments> everyCriterionOfEverySegment() {
        return Stream.of(Segment.values())
                .flatMap(s -> s.required.keySet().stream().map(criterion -> Arguments.of(s, criterion)));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("everyCriterionOfEverySegment")
    void shouldStopBelowTheFirstSegmentWhoseBarACriterionOneStepShortMisses(Segment segment, String criterion) {
        BigDecimal step = criterion.equals("csat-average") ? new BigDecimal("0.1") : BigDecimal.ONE;
        BigDecimal lowered = segment.required.get(criterion).subtract(step);
        // certified-roles is 4 from PREMIER up, so one role short of ELITE is one role short of PREMIER too
        Segment firstMissed = Stream.of(Segment.values())
                .filter(s -> s.required.getOrDefault(criterion, BigDecimal.ZERO).compareTo(lowered) > 0)
                .findFirst().orElseThrow();

        JsonPath answer = evaluate(PROGRAM, meeting(segment, criterion).body());

        assertEquals(firstMissed.below(), answer.getString("segment"));
        assertEquals(firstMissed.name(), answer.getString("nextSegment"));
        assertEquals(List.of(criterion), gapCriteria(answer));
        Map<String, Object> gap = gap(answer, criterion);
        BigDecimal required = firstMissed.required.get(criterion);
        assertEquals(0, required.compareTo(decimal(gap.get("required"))), "required");
        assertEquals(0, lowered.compareTo(decimal(gap.get("actual"))), "actual");
        assertEquals(0, required.subtract(lowered).compareTo(decimal(gap.get("shortfall"))), "shortfall");
        assertEquals(Boolean.FALSE, criterion(answer, segment.name(), criterion).get("met"));
    }

    @Test
    void shouldBeRegisteredWithASignedAgreementAloneAndShowEverySpecialistGap() {
        JsonPath answer = evaluate(PROGRAM, partner().agreementSigned(true).body());

        assertEquals("REGISTERED", answer.getString("segment"));
        assertEquals("SPECIALIST", answer.getString("nextSegment"));
        assertEquals(List.copyOf(Segment.SPECIALIST.required.keySet()), gapCriteria(answer));
        assertEquals(5, answer.getInt("gaps.find { it.criterion == 'certified-staff' }.shortfall"));
        Map<String, Object> average = gap(answer, "csat-average");
        assertNull(average.get("actual"), "an average over no responses has no value");
        assertNull(average.get("shortfall"));
        assertEquals(0, new BigDecimal("4.0").compareTo(decimal(average.get("required"))));
    }

    @Test
    void shouldAnswerAnEmptyProfileWithNoSegmentAndTheAgreementAsTheOnlyGap() {
        JsonPath answer = evaluate(PROGRAM, partner().body());

        assertNull(answer.get("segment"));
        assertEquals("REGISTERED", answer.getString("nextSegment"));
        assertEquals(List.of("agreement-signed"), gapCriteria(answer));
        assertEquals(true, answer.get("gaps[0].required"));
        assertEquals(false, answer.get("gaps[0].actual"));
        assertEquals(List.of(), answer.getList("entitlements"));
    }

    @Test
    void shouldListEveryTierLowestFirstWithAllItsCriteria() {
        JsonPath answer = evaluate(PROGRAM, partner().body());

        assertEquals(List.of("REGISTERED", "SPECIALIST", "PREMIER", "ELITE", "GLOBAL_ELITE"), answer.getList("tiers.tier"));
        assertEquals(List.of(1, 6, 6, 7, 7), answer.getList("tiers.collect { it.criteria.size() }"));
        assertEquals(PROGRAM, answer.getString("program"));
        assertEquals("acme", answer.getString("partnerId"));
        assertEquals(AS_OF.toString(), answer.getString("asOf"));
        assertTrue(answer.getString("rulesetVersion").matches("[0-9a-f]{12}"));
    }

    @Test
    void shouldNotPromoteAPartnerMeetingGlobalEliteNumbersWithoutASignedAgreement() {
        JsonPath answer = evaluate(PROGRAM, meeting(Segment.GLOBAL_ELITE, null).agreementSigned(false).body());

        assertNull(answer.get("segment"));
        assertEquals("REGISTERED", answer.getString("nextSegment"));
        assertEquals(List.of("agreement-signed"), gapCriteria(answer));
        assertEquals(List.of(false, false, false, false, false), answer.getList("tiers.reached"));
        assertEquals(List.of(false, true, true, true, true), answer.getList("tiers.criteriaMet"));
    }

    @Test
    void shouldStopAtSpecialistWhenTheAverageMissesOnlyPremiersBar() {
        PartnerJson partner = meeting(Segment.GLOBAL_ELITE, null).with("csatResponses", null).csat(50, "4.1");

        JsonPath answer = evaluate(PROGRAM, partner.body());

        assertEquals("SPECIALIST", answer.getString("segment"));
        assertEquals(List.of("csat-average"), gapCriteria(answer));
        assertEquals(0, new BigDecimal("0.1").compareTo(decimal(gap(answer, "csat-average").get("shortfall"))));
        assertEquals(false, criterion(answer, "ELITE", "csat-average").get("met"));
    }

    @Test
    void shouldComputeTheAverageShortfallExactly() {
        PartnerJson partner = meeting(Segment.PREMIER, null).with("csatResponses", null)
                .csat(5, "4.2").csat(5, "4.3");

        JsonPath answer = evaluate(PROGRAM, partner.body());

        assertEquals("PREMIER", answer.getString("segment"));
        assertEquals(0, new BigDecimal("4.25").compareTo(decimal(gap(answer, "csat-average").get("actual"))));
        assertEquals(0, new BigDecimal("0.15").compareTo(decimal(gap(answer, "csat-average").get("shortfall"))));
    }

    @Test
    void shouldCountAnItem364DaysOldButNotOne365DaysOld() {
        PartnerJson inWindow = meeting(Segment.SPECIALIST, null).with("implementations", null)
                .implementation("ITSM", RECENT).implementation("ITSM", AS_OF.minusDays(364));
        PartnerJson outOfWindow = meeting(Segment.SPECIALIST, null).with("implementations", null)
                .implementation("ITSM", RECENT).implementation("ITSM", AS_OF.minusDays(365));

        assertEquals("SPECIALIST", evaluate(PROGRAM, inWindow.body()).getString("segment"));
        JsonPath answer = evaluate(PROGRAM, outOfWindow.body());
        assertEquals("REGISTERED", answer.getString("segment"));
        assertEquals(1, answer.getInt("gaps.find { it.criterion == 'implementations' }.actual"));
    }

    @Test
    void shouldLeaveCsatResponsesOutsideTheWindowOutOfCountAndAverage() {
        PartnerJson partner = meeting(Segment.SPECIALIST, null).csat("1", AS_OF.minusDays(365));

        JsonPath answer = evaluate(PROGRAM, partner.body());

        assertEquals("SPECIALIST", answer.getString("segment"));
        assertEquals(3, answer.getInt("tiers[1].criteria.find { it.criterion == 'csat-responses' }.actual"));
    }

    @Test
    void shouldCountACertificationExpiringOnTheEvaluationDayButNotTheDayBefore() {
        PartnerJson expiresToday = meeting(Segment.SPECIALIST, "certified-staff")
                .person(person("last", List.of(), cert("ITSM", "COURSE", PartnerJson.LONG_AGO, AS_OF)));
        PartnerJson expiredYesterday = meeting(Segment.SPECIALIST, "certified-staff")
                .person(person("last", List.of(), cert("ITSM", "COURSE", PartnerJson.LONG_AGO, AS_OF.minusDays(1))));

        assertEquals("SPECIALIST", evaluate(PROGRAM, expiresToday.body()).getString("segment"));
        JsonPath answer = evaluate(PROGRAM, expiredYesterday.body());
        assertEquals("REGISTERED", answer.getString("segment"));
        assertEquals(4, answer.getInt("gaps.find { it.criterion == 'certified-staff' }.actual"));
    }

    @Test
    void shouldIgnoreEverythingDatedAfterTheEvaluationDay() {
        LocalDate tomorrow = AS_OF.plusDays(1);
        PartnerJson partner = meeting(Segment.ELITE, null)
                .people(60, cert("ITSM", "PROCTORED_EXAM", tomorrow, null))
                .csat("5", tomorrow)
                .implementation("HRSD", tomorrow)
                .app("NATIVE", true, tomorrow, 0).app("NATIVE", true, tomorrow, 0);

        JsonPath answer = evaluate(PROGRAM, partner.body());

        assertEquals("ELITE", answer.getString("segment"));
        Map<String, Object> staff = criterion(answer, "GLOBAL_ELITE", "certified-staff");
        assertEquals(40, ((Number) staff.get("actual")).intValue());
        assertEquals(1, ((Number) criterion(answer, "GLOBAL_ELITE", "store-certified-apps").get("actual")).intValue());
        assertEquals(4, ((Number) criterion(answer, "GLOBAL_ELITE", "implementation-areas").get("actual")).intValue());
    }

    @Test
    void shouldNotCountAppsThatAreNotStoreCertified() {
        PartnerJson partner = meeting(Segment.ELITE, "store-certified-apps").app("NATIVE", false, RECENT, 0);

        assertEquals("PREMIER", evaluate(PROGRAM, partner.body()).getString("segment"));
    }

    @Test
    void shouldCountARoleOnlyWhenACertifiedPersonHoldsIt() {
        PartnerJson partner = meeting(Segment.SPECIALIST, "certified-roles")
                .person(person("uncertified", List.of("PRESALES")));

        JsonPath answer = evaluate(PROGRAM, partner.body());

        assertEquals("REGISTERED", answer.getString("segment"));
        assertEquals(1, answer.getInt("gaps.find { it.criterion == 'certified-roles' }.actual"));
    }

    @Test
    void shouldEvaluateAsOfTodayInUtcWhenNoDayIsGiven() {
        JsonPath answer = evaluate(PROGRAM, Map.of("partner", Map.of("partnerId", "acme")));

        assertEquals(LocalDate.now(ZoneOffset.UTC).toString(), answer.getString("asOf"));
    }

    static BigDecimal decimal(Object value) {
        return value instanceof BigDecimal d ? d : new BigDecimal(value.toString());
    }
}
