package io.partnertiers.facts;

import java.time.LocalDate;
import java.time.Month;
import java.util.ArrayList;
import java.util.List;
import java.util.NavigableMap;
import java.util.TreeMap;

import io.partnertiers.measures.RollingWindow;

/**
 * The days on which a measure of {@link Partner} may take another value although no fact is added:
 * a certification is earned or expires, an answer or an implementation enters or leaves the 365-day
 * window, a future-dated fact starts counting, a fiscal year starts. Between two such days every
 * measure keeps its value, so a forecast evaluates on these days only. A day may be listed on which
 * the value does not move after all (a person with a second certification stays certified), never
 * the other way round. Each rule mirrors the filter {@code Partner} applies for that measure.
 */
public final class FactCalendar {

    /** The measure that asks about another program: its days are those of that program's measures. */
    public static final String OTHER_PROGRAM_MEASURE = "reaches";

    private final PartnerFacts facts;
    private final LocalDate after;
    private final LocalDate until;

    /** Events on the days after {@code after}, up to and including {@code until}. */
    public FactCalendar(PartnerFacts facts, LocalDate after, LocalDate until) {
        this.facts = facts;
        this.after = after;
        this.until = until;
    }

    /**
     * @param measure a measure as a rule writes it ({@code certifiedStaff}, {@code successPlansOnTime})
     * @param arguments its literal arguments, as written
     * @return the events that may move it, by the first day they take effect
     */
    public NavigableMap<LocalDate, List<FactEvent>> eventsOf(String measure, List<String> arguments) {
        Events events = new Events();
        switch (measure) {
            case "certifiedStaff", "rolesCoveredByCertifiedPeople", "peopleWithRoleCertifiedAs",
                    "certifiedSpecializations" -> certifications(events);
            case "referencesInCertifiedSpecializations" -> {
                certifications(events);
                references(events);
            }
            case "signedReferences" -> references(events);
            case "csatResponsesInWindow", "csatAverageInWindow" -> csatInWindow(events);
            case "csatAverageInFiscalYear" -> csatInFiscalYear(events, Month.valueOf(arguments.get(0)));
            case "implementationsInWindow", "implementationAreasInWindow" -> implementations(events);
            case "successPlansOnTime" -> deals(events, Integer.parseInt(arguments.get(0)));
            case "longestAdoptionStreak" -> adoption(events);
            case "storeCertifiedApps", "storeCertifiedAppsOfType", "storeCertifiedAppRevenue" -> apps(events);
            case "agreementSigned", "revenueSharePartner", "vendorPartnerLevelIn", "revenueTrailing12Months",
                    "competencyToolkits", "peopleWithRole", "metric", "score", "readinessPoints",
                    OTHER_PROGRAM_MEASURE -> {
                // undated: these keep their value whatever the day
            }
            default -> {
                // a measure this calendar does not know yet: any dated fact read without arguments may move it
                certifications(events);
                references(events);
                csatInWindow(events);
                implementations(events);
                adoption(events);
                apps(events);
            }
        }
        return events.byDay;
    }

    /** Valid from {@code earnedOn} through {@code expiresOn}: it counts on the first day and stops the day after the last. */
    private void certifications(Events events) {
        for (Person person : facts.people()) {
            String who = person.id() == null ? "a person" : person.id();
            for (Certification c : person.certifications()) {
                String what = describe(c);
                if (c.earnedOn() != null) {
                    events.add(c.earnedOn(), certification(FactEvent.CERTIFICATION_EARNED, c.earnedOn(), person, c,
                            who + " earns " + what + " on " + c.earnedOn()));
                }
                if (c.expiresOn() != null) {
                    events.add(c.expiresOn().plusDays(1), certification(FactEvent.CERTIFICATION_EXPIRES, c.expiresOn(),
                            person, c, who + "'s " + what + " expires on " + c.expiresOn()));
                }
            }
        }
    }

    /** A signed reference counts from its date on, for good. */
    private void references(Events events) {
        for (CustomerReference r : facts.references()) {
            if (Boolean.TRUE.equals(r.signedByCustomer()) && r.date() != null) {
                events.add(r.date(), new FactEvent(FactEvent.REFERENCE_COUNTS, r.date(), null, null, r.customer(), null,
                        null, null, "the signed reference of " + r.customer() + " (" + r.competency() + ") dated "
                                + r.date() + " counts"));
            }
        }
    }

    private void csatInWindow(Events events) {
        for (CsatResponse r : facts.csatResponses()) {
            if (r.score() != null && r.date() != null) {
                events.add(r.date(), csat(FactEvent.CSAT_ANSWER_COUNTS, r, "counts"));
                events.add(r.date().plusDays(RollingWindow.DAYS), csat(FactEvent.CSAT_ANSWER_LEAVES_WINDOW, r,
                        "leaves the " + RollingWindow.DAYS + "-day window"));
            }
        }
    }

    /** An answer counts from its date to the end of its fiscal year: the next year's start drops them all. */
    private void csatInFiscalYear(Events events, Month firstMonth) {
        boolean anyAnswer = false;
        for (CsatResponse r : facts.csatResponses()) {
            if (r.score() != null && r.date() != null) {
                anyAnswer = true;
                events.add(r.date(), csat(FactEvent.CSAT_ANSWER_COUNTS, r, "counts"));
            }
        }
        if (!anyAnswer) {
            return;
        }
        LocalDate start = LocalDate.of(after.getYear(), firstMonth, 1);
        for (; !start.isAfter(until); start = start.plusYears(1)) {
            events.add(start, FactEvent.of(FactEvent.FISCAL_YEAR_STARTS, start, "the fiscal year starting " + start
                    + " begins: the previous year's CSAT answers stop counting"));
        }
    }

    private void implementations(Events events) {
        for (Implementation i : facts.implementations()) {
            if (i.completedOn() != null) {
                String what = "the implementation for " + i.customer() + " (" + i.area() + ") completed on "
                        + i.completedOn();
                events.add(i.completedOn(), implementation(FactEvent.IMPLEMENTATION_COUNTS, i, what + " counts"));
                events.add(i.completedOn().plusDays(RollingWindow.DAYS), implementation(
                        FactEvent.IMPLEMENTATION_LEAVES_WINDOW, i, what + " leaves the " + RollingWindow.DAYS
                                + "-day window"));
            }
        }
    }

    /**
     * A deal counts while it closed in the window; it turns late the day after its deadline unless
     * its plan was uploaded by then (an upload never turns a deal late or on time by itself).
     */
    private void deals(Events events, int days) {
        for (Deal d : facts.deals()) {
            if (d.closedOn() == null) {
                continue;
            }
            events.add(d.closedOn(), deal(FactEvent.DEAL_ENTERS_WINDOW, d.closedOn(), d, "deal " + d.id() + " closed on "
                    + d.closedOn() + " counts"));
            events.add(d.closedOn().plusDays(RollingWindow.DAYS), deal(FactEvent.DEAL_LEAVES_WINDOW, d.closedOn(), d,
                    "deal " + d.id() + " closed on " + d.closedOn() + " leaves the " + RollingWindow.DAYS + "-day window"));
            LocalDate deadline = d.closedOn().plusDays(days);
            if (d.successPlanUploadedOn() == null || d.successPlanUploadedOn().isAfter(deadline)) {
                events.add(deadline.plusDays(1), deal(FactEvent.SUCCESS_PLAN_OVERDUE, deadline, d, "deal " + d.id()
                        + "'s success plan is late: not uploaded by " + deadline));
            }
        }
    }

    /** A month's usage counts from its first day: the streak runs up to the evaluation month. */
    private void adoption(Events events) {
        for (AdoptionMonth m : facts.adoption()) {
            if (m.month() != null && m.activeUsageRate() != null) {
                LocalDate first = m.month().atDay(1);
                events.add(first, FactEvent.of(FactEvent.ADOPTION_MONTH_COUNTS, first, "the usage of " + m.month()
                        + " (" + m.activeUsageRate().toPlainString() + ") counts"));
            }
        }
    }

    private void apps(Events events) {
        for (App a : facts.apps()) {
            if (Boolean.TRUE.equals(a.storeCertified()) && a.certifiedOn() != null) {
                events.add(a.certifiedOn(), new FactEvent(FactEvent.APP_CERTIFIED, a.certifiedOn(), null, null, null,
                        null, a.name(), null, "the app " + a.name() + " is store-certified on " + a.certifiedOn()));
            }
        }
    }

    private static FactEvent certification(String kind, LocalDate date, Person person, Certification c, String summary) {
        return new FactEvent(kind, date, person.id(), c.name(), null, null, null, null, summary);
    }

    private static FactEvent csat(String kind, CsatResponse r, String what) {
        return new FactEvent(kind, r.date(), null, null, null, r.project(), null, null, "the CSAT answer "
                + (r.project() == null ? "" : r.project() + " ") + "(" + r.score().toPlainString() + ") of " + r.date()
                + " " + what);
    }

    private static FactEvent implementation(String kind, Implementation i, String summary) {
        return new FactEvent(kind, i.completedOn(), null, null, i.customer(), null, null, null, summary);
    }

    private static FactEvent deal(String kind, LocalDate date, Deal d, String summary) {
        return new FactEvent(kind, date, null, null, null, null, null, d.id(), summary);
    }

    private static String describe(Certification c) {
        return (c.name() == null ? "certification" : c.name())
                + (c.specialization() == null ? "" : " (" + c.specialization() + ")");
    }

    /** Events by the day they take effect, keeping only the days of the forecast. */
    private final class Events {

        private final NavigableMap<LocalDate, List<FactEvent>> byDay = new TreeMap<>();

        void add(LocalDate effective, FactEvent event) {
            if (effective.isAfter(after) && !effective.isAfter(until)) {
                byDay.computeIfAbsent(effective, day -> new ArrayList<>()).add(event);
            }
        }
    }
}
