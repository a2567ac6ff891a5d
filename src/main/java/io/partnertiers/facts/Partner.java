package io.partnertiers.facts;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import io.partnertiers.measures.ExactMean;
import io.partnertiers.measures.OneToOneMatching;
import io.partnertiers.measures.RollingWindow;

/**
 * The partner as the rules see it on the evaluation date: its facts, with the common rules of
 * evaluation already applied (validity of certifications, the rolling window, signed
 * references, nothing dated after {@code asOf}). Every getter is a measure a rule may compare.
 */
public final class Partner {

    private final PartnerFacts facts;
    private final LocalDate asOf;
    private final RollingWindow window;
    private final List<Person> certifiedPeople;
    private final List<CsatResponse> csatInWindow;
    private final List<Implementation> implementationsInWindow;
    private final BigDecimal csatAverageInWindow;

    public Partner(PartnerFacts facts, LocalDate asOf) {
        this.facts = facts;
        this.asOf = asOf;
        this.window = new RollingWindow(asOf);
        this.certifiedPeople = facts.people().stream().filter(p -> p.isCertifiedOn(asOf)).toList();
        this.csatInWindow = facts.csatResponses().stream()
                .filter(r -> r.score() != null && window.contains(r.date())).toList();
        this.implementationsInWindow = facts.implementations().stream()
                .filter(i -> window.contains(i.completedOn())).toList();
        this.csatAverageInWindow = ExactMean.of(csatInWindow.stream().map(CsatResponse::score).toList());
    }

    public PartnerFacts getFacts() {
        return facts;
    }

    public LocalDate getAsOf() {
        return asOf;
    }

    public boolean isAgreementSigned() {
        return Boolean.TRUE.equals(facts.agreementSigned());
    }

    /** People holding at least one valid certification. */
    public int getCertifiedStaff() {
        return certifiedPeople.size();
    }

    /** How many of the given roles have at least one certified person holding them. */
    public int rolesCoveredByCertifiedPeople(String... roles) {
        return (int) Stream.of(roles).distinct()
                .filter(role -> certifiedPeople.stream().anyMatch(p -> p.hasRole(role)))
                .count();
    }

    /** People holding {@code role} and a valid certification of one of the given kinds. */
    public int peopleWithRoleCertifiedAs(String role, String... kinds) {
        Set<String> accepted = Set.of(kinds);
        return (int) facts.people().stream()
                .filter(p -> p.hasRole(role))
                .filter(p -> p.certificationsValidOn(asOf).stream()
                        .anyMatch(c -> c.kind() != null && accepted.contains(c.kind().name())))
                .count();
    }

    /** People holding {@code role}, certified or not. */
    public int peopleWithRole(String role) {
        return (int) facts.people().stream().filter(p -> p.hasRole(role)).count();
    }

    /** CSAT responses dated in the 365-day window. */
    public int getCsatResponsesInWindow() {
        return csatInWindow.size();
    }

    /** Exact mean score of the CSAT responses in the window; {@code null} when there are none. */
    public BigDecimal getCsatAverageInWindow() {
        return csatAverageInWindow;
    }

    /** Implementations completed in the window. */
    public int getImplementationsInWindow() {
        return implementationsInWindow.size();
    }

    /** Distinct areas with at least one implementation completed in the window. */
    public int getImplementationAreasInWindow() {
        return (int) implementationsInWindow.stream().map(Implementation::area)
                .filter(a -> a != null && !a.isBlank()).distinct().count();
    }

    /** Apps certified on the store on or before the evaluation date. */
    public int getStoreCertifiedApps() {
        return (int) facts.apps().stream().filter(a -> a.isStoreCertifiedOn(asOf)).count();
    }

    /** Distinct competency toolkits the partner subscribes to. */
    public int getCompetencyToolkits() {
        return (int) facts.toolkits().stream().distinct().count();
    }

    /**
     * Specializations covered one-to-one by certified people: each person counts for one
     * specialization at most, each specialization once (a maximum matching, seed 004).
     */
    public int getCertifiedSpecializations() {
        List<Set<String>> choices = facts.people().stream()
                .map(p -> specializationsOf(p.certificationsValidOn(asOf)))
                .filter(s -> !s.isEmpty())
                .toList();
        return OneToOneMatching.maximumSize(choices);
    }

    /** Signed references whose competency is a specialization some person holds a valid certification in. */
    public int getReferencesInCertifiedSpecializations() {
        Set<String> certified = specializationsOf(facts.people().stream()
                .flatMap(p -> p.certificationsValidOn(asOf).stream()).toList());
        return (int) facts.references().stream()
                .filter(r -> r.isSignedOn(asOf) && certified.contains(r.competency()))
                .count();
    }

    /** References the customer has signed, dated on or before the evaluation date. */
    public int getSignedReferences() {
        return (int) facts.references().stream().filter(r -> r.isSignedOn(asOf)).count();
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
