package io.partnertiers.facts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Method;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.partnertiers.GeneratedPartners;
import io.partnertiers.measures.Measure;
import io.partnertiers.measures.RollingWindow;

class FactCalendarTest {

    private static final LocalDate AS_OF = LocalDate.of(2026, 11, 24);
    private static final LocalDate UNTIL = AS_OF.plusDays(400);

    /** Arguments to call each measure that takes some with, as a rule would write them. */
    private static final Map<String, List<String>> ARGUMENTS = Map.of(
            "vendorPartnerLevelIn", List.of("GOLD", "PLATINUM"),
            "rolesCoveredByCertifiedPeople", List.of("SALES", "PRESALES", "CONSULTING", "DELIVERY"),
            "peopleWithRoleCertifiedAs", List.of("CSM", "PROCTORED_EXAM"),
            "peopleWithRole", List.of("CSM"),
            "csatAverageInFiscalYear", List.of("FEBRUARY"),
            "successPlansOnTime", List.of("90"),
            "longestAdoptionStreak", List.of("0.60"),
            "storeCertifiedAppsOfType", List.of("COMPLEX", "NATIVE"),
            "metric", List.of("enterpriseNetCustomerAdds"));

    @Test
    void shouldListEveryDayOnWhichAnyMeasureOfGeneratedPartnersChanges() throws ReflectiveOperationException {
        GeneratedPartners generated = new GeneratedPartners(15, AS_OF, 450);
        int changes = 0;
        for (int p = 0; p < 25; p++) {
            PartnerFacts facts = generated.next("g-" + p);
            FactCalendar calendar = new FactCalendar(facts, AS_OF, UNTIL);
            for (Method method : Partner.class.getMethods()) {
                if (!Measure.class.equals(method.getReturnType()) || method.getName().equals(FactCalendar.OTHER_PROGRAM_MEASURE)) {
                    continue; // another program's standing moves with that program's measures
                }
                String measure = writtenName(method);
                List<String> arguments = method.getParameterCount() == 0 ? List.of() : ARGUMENTS.get(measure);
                assertNotNull(arguments, "give the arguments to try " + measure + " with");
                NavigableMap<LocalDate, List<FactEvent>> events = calendar.eventsOf(measure, arguments);
                Object before = value(method, arguments, facts, AS_OF);
                for (LocalDate day = AS_OF.plusDays(1); !day.isAfter(UNTIL); day = day.plusDays(1)) {
                    Object after = value(method, arguments, facts, day);
                    if (!Objects.equals(before, after)) {
                        changes++;
                        assertTrue(events.containsKey(day), measure + " of " + facts.partnerId() + " moves from " + before
                                + " to " + after + " on " + day + ", a day the calendar does not list: " + events.keySet());
                    }
                    before = after;
                }
            }
        }
        assertTrue(changes > 500, "the generated partners move their measures often enough to test: " + changes);
    }

    @Test
    void shouldListTheDayAfterACertificationExpiresNamingThePersonAndTheCertification() {
        Certification csa = new Certification("CSA", "ITSM", CertificationKind.PROCTORED_EXAM, AS_OF.minusYears(1),
                AS_OF.plusDays(20));
        PartnerFacts facts = profile().people(List.of(new Person("p-7", List.of(), List.of(csa)))).build();

        NavigableMap<LocalDate, List<FactEvent>> events = new FactCalendar(facts, AS_OF, UNTIL)
                .eventsOf("certifiedStaff", List.of());

        assertEquals(Set.of(AS_OF.plusDays(21)), events.keySet(), "valid through its expiry day");
        FactEvent expiry = events.get(AS_OF.plusDays(21)).get(0);
        assertEquals(FactEvent.CERTIFICATION_EXPIRES, expiry.kind());
        assertEquals(AS_OF.plusDays(20), expiry.date());
        assertEquals("p-7", expiry.person());
        assertEquals("CSA", expiry.certification());
        assertEquals("p-7's CSA (ITSM) expires on 2026-12-14", expiry.summary());
    }

    @Test
    void shouldListTheDayACsatAnswerLeavesTheWindowAndTheDayAFutureOneCounts() {
        LocalDate answered = AS_OF.minusDays(100);
        LocalDate later = AS_OF.plusDays(10);
        PartnerFacts facts = profile().csat(List.of(new CsatResponse("P-1", new BigDecimal("4.5"), answered),
                new CsatResponse("P-2", new BigDecimal("3.0"), later))).build();

        NavigableMap<LocalDate, List<FactEvent>> events = new FactCalendar(facts, AS_OF, UNTIL)
                .eventsOf("csatAverageInWindow", List.of());

        LocalDate leaves = answered.plusDays(RollingWindow.DAYS);
        assertTrue(new RollingWindow(leaves.minusDays(1)).contains(answered), "still in the window the day before");
        assertFalse(new RollingWindow(leaves).contains(answered));
        assertEquals(List.of(later, leaves, later.plusDays(RollingWindow.DAYS)), List.copyOf(events.keySet()));
        assertEquals(FactEvent.CSAT_ANSWER_COUNTS, events.get(later).get(0).kind());
        assertEquals(FactEvent.CSAT_ANSWER_LEAVES_WINDOW, events.get(leaves).get(0).kind());
        assertEquals("P-1", events.get(leaves).get(0).project());
    }

    @Test
    void shouldTurnADealLateTheDayAfterItsDeadlineUnlessItsPlanCameInTime() {
        LocalDate closed = AS_OF.minusDays(30);
        PartnerFacts facts = profile().deals(List.of(new Deal("D-late", closed, null),
                new Deal("D-on-time", closed, closed.plusDays(90)), new Deal("D-too-late", closed, closed.plusDays(91))))
                .build();

        NavigableMap<LocalDate, List<FactEvent>> events = new FactCalendar(facts, AS_OF, UNTIL)
                .eventsOf("successPlansOnTime", List.of("90"));

        List<String> overdue = events.get(closed.plusDays(91)).stream().map(FactEvent::deal).toList();
        assertEquals(List.of("D-late", "D-too-late"), overdue);
        assertEquals(3, events.get(closed.plusDays(RollingWindow.DAYS)).size(), "all three leave the window");
    }

    @Test
    void shouldStartEachFiscalYearOnTheFirstOfItsMonthWhenThereAreAnswersToDrop() {
        PartnerFacts answered = profile().csat(List.of(new CsatResponse("P-1", new BigDecimal("4.5"), AS_OF.minusDays(5))))
                .build();

        NavigableMap<LocalDate, List<FactEvent>> events = new FactCalendar(answered, AS_OF, AS_OF.plusYears(2))
                .eventsOf("csatAverageInFiscalYear", List.of("FEBRUARY"));

        assertEquals(List.of(LocalDate.of(2027, 2, 1), LocalDate.of(2028, 2, 1)), List.copyOf(events.keySet()));
        assertEquals(FactEvent.FISCAL_YEAR_STARTS, events.firstEntry().getValue().get(0).kind());
        assertTrue(new FactCalendar(profile().build(), AS_OF, AS_OF.plusYears(2))
                .eventsOf("csatAverageInFiscalYear", List.of("FEBRUARY")).isEmpty(), "no answers, nothing to drop");
    }

    @Test
    void shouldCountAnAdoptionMonthFromItsFirstDay() {
        PartnerFacts facts = profile().adoption(List.of(new AdoptionMonth(YearMonth.of(2026, 11), new BigDecimal("0.7")),
                new AdoptionMonth(YearMonth.of(2026, 12), new BigDecimal("0.7")))).build();

        assertEquals(Set.of(LocalDate.of(2026, 12, 1)), new FactCalendar(facts, AS_OF, UNTIL)
                .eventsOf("longestAdoptionStreak", List.of("0.60")).keySet(), "November already counts on " + AS_OF);
    }

    @Test
    void shouldKeepOnlyTheDaysAfterTheStartUpToTheEnd() {
        Certification ending = new Certification("A", "ITSM", null, null, AS_OF.minusDays(1));
        Certification endingToday = new Certification("B", "ITSM", null, null, AS_OF);
        Certification endingLater = new Certification("C", "ITSM", null, AS_OF.plusDays(1), UNTIL);
        PartnerFacts facts = profile().people(List.of(new Person("p", List.of(), List.of(ending, endingToday, endingLater))))
                .build();

        assertEquals(List.of(AS_OF.plusDays(1)), List.copyOf(new FactCalendar(facts, AS_OF, UNTIL)
                .eventsOf("certifiedStaff", List.of()).keySet()), "B stops on the first day after; C's expiry is past the end");
    }

    @Test
    void shouldListNothingForMeasuresThatDoNotDependOnTheDay() {
        PartnerFacts facts = new GeneratedPartners(1, AS_OF, 300).next("g");
        FactCalendar calendar = new FactCalendar(facts, AS_OF, UNTIL);
        for (String measure : List.of("agreementSigned", "revenueTrailing12Months", "competencyToolkits", "readinessPoints")) {
            assertTrue(calendar.eventsOf(measure, List.of()).isEmpty(), measure);
        }
    }

    private static Object value(Method method, List<String> arguments, PartnerFacts facts, LocalDate day)
            throws ReflectiveOperationException {
        Partner partner = new Partner(facts, day, Standings.NONE, Set.of());
        Object[] call;
        if (method.getParameterCount() == 0) {
            call = new Object[0];
        } else if (method.isVarArgs()) {
            int fixed = method.getParameterCount() - 1;
            call = new Object[method.getParameterCount()];
            for (int i = 0; i < fixed; i++) {
                call[i] = arguments.get(i);
            }
            call[fixed] = arguments.subList(fixed, arguments.size()).toArray(String[]::new);
        } else {
            call = new Object[arguments.size()];
            for (int i = 0; i < call.length; i++) {
                call[i] = method.getParameterTypes()[i] == int.class ? Integer.parseInt(arguments.get(i)) : arguments.get(i);
            }
        }
        return ((Measure) method.invoke(partner, call)).value();
    }

    private static String writtenName(Method method) {
        String name = method.getName();
        return method.getParameterCount() == 0 && name.startsWith("get")
                ? Character.toLowerCase(name.charAt(3)) + name.substring(4) : name;
    }

    private static Profile profile() {
        return new Profile();
    }

    /** A partner with only the facts a test names. */
    private static final class Profile {
        private List<Person> people = List.of();
        private List<CsatResponse> csat = List.of();
        private List<Deal> deals = List.of();
        private List<AdoptionMonth> adoption = List.of();

        Profile people(List<Person> people) {
            this.people = new ArrayList<>(people);
            return this;
        }

        Profile csat(List<CsatResponse> csat) {
            this.csat = csat;
            return this;
        }

        Profile deals(List<Deal> deals) {
            this.deals = deals;
            return this;
        }

        Profile adoption(List<AdoptionMonth> adoption) {
            this.adoption = adoption;
            return this;
        }

        PartnerFacts build() {
            return new PartnerFacts("acme", null, true, null, null, null, null, people, null, csat, null, null, deals,
                    adoption, null, null);
        }
    }
}
