package io.partnertiers.facts;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.Month;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Stream;

import io.partnertiers.measures.AdoptionStreak;
import io.partnertiers.measures.ExactMean;
import io.partnertiers.measures.FiscalYear;
import io.partnertiers.measures.Measure;
import io.partnertiers.measures.OneToOneMatching;
import io.partnertiers.measures.RollingWindow;
import io.partnertiers.measures.SuccessPlans;

/**
 * The partner as the rules see it on the evaluation date: its facts, with the common rules of
 * evaluation already applied (validity of certifications, the 365-day window, signed
 * references, nothing dated after {@code asOf}). Each public method is a measure a rule binds
 * to {@code $actual}; each returns its value together with what it counted, for explanations.
 */
public final class Partner {

    private final PartnerFacts facts;
    private final LocalDate asOf;
    private final RollingWindow window;
    private final Standings standings;
    private final List<Person> certifiedPeople;
    private final List<CsatResponse> csatInWindow;
    private final List<Implementation> implementationsInWindow;
    private final Measure csatAverageInWindow;
    /** Computed on first use: each tier's rule reads it, and again when its consequence runs. */
    private Measure implementationAreasInWindow;
    private final Set<String> metricsUnmetWhenMissing;

    /**
     * @param metricsUnmetWhenMissing the program's metrics that have no value, rather than 0, when the
     *        caller did not submit them
     */
    public Partner(PartnerFacts facts, LocalDate asOf, Standings standings, Set<String> metricsUnmetWhenMissing) {
        this.facts = facts;
        this.asOf = asOf;
        this.window = new RollingWindow(asOf);
        this.standings = standings;
        this.metricsUnmetWhenMissing = metricsUnmetWhenMissing;
        // loops rather than streams: every evaluation builds a Partner, and these lists are its bulk
        List<Person> certified = new ArrayList<>(facts.people().size());
        for (Person person : facts.people()) {
            if (person.isCertifiedOn(asOf)) {
                certified.add(person);
            }
        }
        this.certifiedPeople = Collections.unmodifiableList(certified);
        List<CsatResponse> csat = new ArrayList<>(facts.csatResponses().size());
        for (CsatResponse response : facts.csatResponses()) {
            if (response.score() != null && window.contains(response.date())) {
                csat.add(response);
            }
        }
        this.csatInWindow = Collections.unmodifiableList(csat);
        List<Implementation> implementations = new ArrayList<>(facts.implementations().size());
        for (Implementation implementation : facts.implementations()) {
            if (window.contains(implementation.completedOn())) {
                implementations.add(implementation);
            }
        }
        this.implementationsInWindow = Collections.unmodifiableList(implementations);
        this.csatAverageInWindow = mean(csatInWindow);
    }

    public Partner(PartnerFacts facts, LocalDate asOf) {
        this(facts, asOf, Standings.NONE, Set.of());
    }

    public LocalDate getAsOf() {
        return asOf;
    }

    // --- agreements and levels ---------------------------------------------------------

    public Measure getAgreementSigned() {
        return Measure.check(Boolean.TRUE.equals(facts.agreementSigned()), "agreementSigned: " + facts.agreementSigned());
    }

    public Measure getRevenueSharePartner() {
        return Measure.check(Boolean.TRUE.equals(facts.revenueSharePartner()), "revenueSharePartner: " + facts.revenueSharePartner());
    }

    /** Whether the vendor partner level is one of {@code levels}. */
    public Measure vendorPartnerLevelIn(String... levels) {
        String level = facts.vendorPartnerLevel();
        return Measure.check(level != null && List.of(levels).contains(level), "vendorPartnerLevel: " + level);
    }

    /** Revenue of the trailing twelve months; absent counts as 0. */
    public Measure getRevenueTrailing12Months() {
        BigDecimal revenue = facts.revenueTrailing12Months();
        return new Measure(revenue == null ? BigDecimal.ZERO : revenue,
                () -> List.of("revenueTrailing12Months: " + (revenue == null ? "absent" : revenue.toPlainString())));
    }

    /** Distinct competency toolkits the partner subscribes to. */
    public Measure getCompetencyToolkits() {
        return Measure.count(facts.toolkits().stream().distinct().toList(), toolkit -> toolkit);
    }

    // --- people ----------------------------------------------------------------------------

    /** People holding at least one valid certification. */
    public Measure getCertifiedStaff() {
        return Measure.count(certifiedPeople, this::describeCertified);
    }

    /** How many of the given roles have at least one certified person holding them. */
    public Measure rolesCoveredByCertifiedPeople(String... roles) {
        List<String> covered = Stream.of(roles).distinct()
                .filter(role -> certifiedPeople.stream().anyMatch(p -> p.hasRole(role)))
                .toList();
        return Measure.count(covered, role -> role + ": " + certifiedPeople.stream()
                .filter(p -> p.hasRole(role)).map(Person::id).toList());
    }

    /** People holding {@code role} and a valid certification of one of the given kinds. */
    public Measure peopleWithRoleCertifiedAs(String role, String... kinds) {
        Set<String> accepted = Set.of(kinds);
        Predicate<Certification> ofKind = c -> c.kind() != null && accepted.contains(c.kind().name());
        List<Person> counted = facts.people().stream()
                .filter(p -> p.hasRole(role))
                .filter(p -> p.certificationsValidOn(asOf).stream().anyMatch(ofKind))
                .toList();
        return Measure.count(counted, p -> p.id() + ": " + p.certificationsValidOn(asOf).stream().filter(ofKind)
                .map(Partner::describe).toList());
    }

    /** People holding {@code role}, certified or not. */
    public Measure peopleWithRole(String role) {
        return Measure.count(facts.people().stream().filter(p -> p.hasRole(role)).toList(), Person::id);
    }

    /**
     * Specializations covered one-to-one by certified people: each person counts for one
     * specialization at most, each specialization once (a maximum matching, seed 004).
     */
    public Measure getCertifiedSpecializations() {
        List<Person> people = new ArrayList<>();
        List<Set<String>> choices = new ArrayList<>();
        for (Person person : facts.people()) {
            Set<String> specializations = specializationsOf(person.certificationsValidOn(asOf));
            if (!specializations.isEmpty()) {
                people.add(person);
                choices.add(specializations);
            }
        }
        Map<String, Integer> matching = OneToOneMatching.maximum(choices);
        return Measure.count(matching.entrySet(), e -> e.getKey() + ": " + people.get(e.getValue()).id());
    }

    // --- customers -------------------------------------------------------------------------

    /** References the customer has signed, dated on or before the evaluation date. */
    public Measure getSignedReferences() {
        return Measure.count(facts.references().stream().filter(r -> r.isSignedOn(asOf)).toList(), Partner::describe);
    }

    /** Signed references whose competency is a specialization some person holds a valid certification in. */
    public Measure getReferencesInCertifiedSpecializations() {
        Set<String> certified = specializationsOf(facts.people().stream()
                .flatMap(p -> p.certificationsValidOn(asOf).stream()).toList());
        return Measure.count(facts.references().stream()
                .filter(r -> r.isSignedOn(asOf) && certified.contains(r.competency())).toList(), Partner::describe);
    }

    /** CSAT responses dated in the 365-day window. */
    public Measure getCsatResponsesInWindow() {
        return Measure.count(csatInWindow, Partner::describe);
    }

    /** Exact mean score of the CSAT responses in the window; no value when there are none. */
    public Measure getCsatAverageInWindow() {
        return csatAverageInWindow;
    }

    /**
     * Exact mean score of the CSAT responses of the fiscal year that contains the evaluation
     * date, up to that date; the fiscal year starts on the first of {@code firstMonth}.
     */
    public Measure csatAverageInFiscalYear(String firstMonth) {
        FiscalYear year = FiscalYear.containing(asOf, Month.valueOf(firstMonth));
        return mean(facts.csatResponses().stream()
                .filter(r -> r.score() != null && year.contains(r.date()) && !r.date().isAfter(asOf)).toList());
    }

    // --- delivery ----------------------------------------------------------------------------

    /** Implementations completed in the window. */
    public Measure getImplementationsInWindow() {
        return Measure.count(implementationsInWindow, Partner::describe);
    }

    /** Distinct areas with at least one implementation completed in the window. */
    public Measure getImplementationAreasInWindow() {
        if (implementationAreasInWindow == null) {
            Set<String> areas = new TreeSet<>();
            for (Implementation implementation : implementationsInWindow) {
                if (implementation.area() != null && !implementation.area().isBlank()) {
                    areas.add(implementation.area());
                }
            }
            implementationAreasInWindow = Measure.count(List.copyOf(areas), area -> area);
        }
        return implementationAreasInWindow;
    }

    /** Deals closed in the window all have their success plan uploaded within {@code days} of closing. */
    public Measure successPlansOnTime(int days) {
        List<Deal> late = facts.deals().stream()
                .filter(d -> window.contains(d.closedOn()))
                .filter(d -> SuccessPlans.isLate(d.closedOn(), uploadedBy(d, asOf), days, asOf))
                .toList();
        return new Measure(late.isEmpty(), () -> late.isEmpty() ? List.of("no deal closed in the window is late")
                : late.stream().map(d -> "late: " + d.id() + " closed " + d.closedOn() + ", plan "
                        + (uploadedBy(d, asOf) == null ? "missing" : "uploaded " + d.successPlanUploadedOn())).toList());
    }

    /** Longest run of consecutive months, up to the evaluation month, with usage at or above {@code floor}. */
    public Measure longestAdoptionStreak(String floor) {
        Map<YearMonth, BigDecimal> rates = new TreeMap<>();
        for (AdoptionMonth month : facts.adoption()) {
            if (month.month() != null && month.activeUsageRate() != null) {
                rates.merge(month.month(), month.activeUsageRate(), BigDecimal::min);
            }
        }
        int longest = AdoptionStreak.longest(rates, new BigDecimal(floor), YearMonth.from(asOf));
        return new Measure(longest, () -> rates.entrySet().stream()
                .map(e -> e.getKey() + ": " + e.getValue().toPlainString()).toList());
    }

    // --- apps --------------------------------------------------------------------------------

    /** Apps certified on the store on or before the evaluation date. */
    public Measure getStoreCertifiedApps() {
        return Measure.count(storeCertifiedApps().toList(), Partner::describe);
    }

    /** Store-certified apps of the given types. */
    public Measure storeCertifiedAppsOfType(String... types) {
        Set<String> accepted = Set.of(types);
        return Measure.count(storeCertifiedApps().filter(a -> a.type() != null && accepted.contains(a.type().name()))
                .toList(), Partner::describe);
    }

    /** Sum of the annual revenue of store-certified apps; an absent revenue counts as 0. */
    public Measure getStoreCertifiedAppRevenue() {
        List<App> apps = storeCertifiedApps().toList();
        BigDecimal sum = apps.stream().map(App::annualRevenue).filter(r -> r != null)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        return new Measure(sum, () -> apps.stream().map(Partner::describe).toList());
    }

    // --- caller metrics and scores --------------------------------------------------------

    /**
     * A number the caller computed and submitted under {@code metrics}; one it did not submit counts
     * 0, or has no value when the program declares it {@code whenMissing: unmet}.
     */
    public Measure metric(String key) {
        BigDecimal submitted = facts.metrics().get(key);
        if (submitted != null) {
            return new Measure(submitted, () -> List.of(key + ": " + submitted.toPlainString()));
        }
        BigDecimal missing = metricsUnmetWhenMissing.contains(key) ? null : BigDecimal.ZERO;
        return new Measure(missing, () -> List.of(key + ": not submitted" + (missing == null ? "" : ", counts 0")));
    }

    /**
     * The bar of a score: its value is the points of the criterion's components, which the ladder
     * adds up from their own rules; the rule that states the bar only names the criterion.
     */
    public Measure getScore() {
        return SCORE;
    }

    private static final Measure SCORE = new Measure(null, () -> List.of("the sum of the components' points"));

    // --- readiness and other programs ---------------------------------------------------

    /** Sum of the readiness section scores; a missing section counts 0. */
    public Measure getReadinessPoints() {
        int points = facts.readinessScores().values().stream().mapToInt(Integer::intValue).sum();
        return new Measure(points, () -> facts.readinessScores().entrySet().stream()
                .map(e -> e.getKey() + ": " + e.getValue()).toList());
    }

    /** Whether the partner reaches {@code tier} of another program with the same facts. */
    public Measure reaches(String program, String tier) {
        boolean reached = standings.reaches(program, tier);
        return Measure.check(reached, program + " " + tier + (reached ? " reached" : " not reached"));
    }

    // --- descriptions used by explanations ---------------------------------------------

    private Measure mean(List<CsatResponse> responses) {
        return new Measure(ExactMean.of(responses.stream().map(CsatResponse::score).toList()),
                () -> responses.stream().map(Partner::describe).toList());
    }

    private Stream<App> storeCertifiedApps() {
        return facts.apps().stream().filter(a -> a.isStoreCertifiedOn(asOf));
    }

    private static LocalDate uploadedBy(Deal deal, LocalDate asOf) {
        LocalDate uploaded = deal.successPlanUploadedOn();
        return uploaded == null || uploaded.isAfter(asOf) ? null : uploaded;
    }

    private String describeCertified(Person person) {
        return person.id() + ": " + person.certificationsValidOn(asOf).stream().map(Partner::describe).toList();
    }

    private static String describe(Certification c) {
        return (c.name() == null ? "certification" : c.name())
                + (c.specialization() == null ? "" : " (" + c.specialization() + ")")
                + (c.expiresOn() == null ? "" : " until " + c.expiresOn());
    }

    private static String describe(CustomerReference r) {
        return r.customer() + " (" + r.competency() + ", " + r.date() + ")";
    }

    private static String describe(CsatResponse r) {
        return (r.project() == null ? "response" : r.project()) + ": " + r.score().toPlainString() + " on " + r.date();
    }

    private static String describe(Implementation i) {
        return i.customer() + " (" + i.area() + ", " + i.completedOn() + ")";
    }

    private static String describe(App a) {
        return a.name() + " (" + a.type() + ", certified " + a.certifiedOn() + ")";
    }

    private static Set<String> specializationsOf(List<Certification> certifications) {
        Set<String> specializations = new HashSet<>();
        for (Certification c : certifications) {
            if (c.specialization() != null && !c.specialization().isBlank()) {
                specializations.add(c.specialization());
            }
        }
        return specializations;
    }
}
