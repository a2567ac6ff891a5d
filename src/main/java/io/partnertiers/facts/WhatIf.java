package io.partnertiers.facts;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Facts to add on top of a partner's submitted ones, to see what they would change (the
 * {@code whatIf} of an evaluation request). The fields are those of {@link PartnerFacts}, read with
 * the same bounds: list items are appended (a person whose id is already submitted gains these roles
 * and certifications), amounts and points are added to the submitted ones, and yes/no answers and
 * the vendor level replace them.
 */
@Schema(description = "Facts added on top of the partner's, evaluated beside them and never recorded: list items are"
        + " appended (a person whose id is already submitted gains these roles and certifications), revenue, metrics and"
        + " readiness scores are added to the submitted values, agreementSigned, revenueSharePartner and"
        + " vendorPartnerLevel replace them. The combined facts keep the bounds of partner (list sizes, 100"
        + " certifications and 50 roles per person, readiness scores up to 100).")
public record WhatIf(
        @Schema(description = "Replaces the submitted value")
        Boolean agreementSigned,
        @Schema(description = "Added to the submitted revenue")
        @DecimalMin("0") @DecimalMax(Limits.MAX_AMOUNT) BigDecimal revenueTrailing12Months,
        @Schema(description = "Replaces the submitted value")
        Boolean revenueSharePartner,
        @Schema(description = "Replaces the submitted value")
        String vendorPartnerLevel,
        @Size(max = Limits.MAX_ITEMS) List<@NotBlank String> toolkits,
        @Size(max = Limits.MAX_ITEMS) List<@NotNull @Valid Person> people,
        @Size(max = Limits.MAX_ITEMS) List<@NotNull @Valid CustomerReference> references,
        @Size(max = Limits.MAX_ITEMS) List<@NotNull @Valid CsatResponse> csatResponses,
        @Size(max = Limits.MAX_ITEMS) List<@NotNull @Valid Implementation> implementations,
        @Size(max = Limits.MAX_ITEMS) List<@NotNull @Valid App> apps,
        @Size(max = Limits.MAX_ITEMS) List<@NotNull @Valid Deal> deals,
        @Size(max = Limits.MAX_ITEMS) List<@NotNull @Valid AdoptionMonth> adoption,
        @Schema(description = "Points added to each section's submitted score; the sum stays at most 100")
        Map<ReadinessSection, @NotNull @Min(0) @Max(100) Integer> readinessScores,
        @Schema(description = "Added to the submitted value of each metric (one not submitted counts from 0)")
        @Size(max = Limits.MAX_ITEMS) Map<@NotBlank String, @NotNull @DecimalMin("0") @DecimalMax(Limits.MAX_AMOUNT) BigDecimal> metrics) {

    /** Where a what-if's fields are in the request, for the problems that name them. */
    private static final String FIELD = "whatIf.";

    public WhatIf {
        toolkits = Lists.orEmpty(toolkits);
        people = Lists.orEmpty(people);
        references = Lists.orEmpty(references);
        csatResponses = Lists.orEmpty(csatResponses);
        implementations = Lists.orEmpty(implementations);
        apps = Lists.orEmpty(apps);
        deals = Lists.orEmpty(deals);
        adoption = Lists.orEmpty(adoption);
        readinessScores = Lists.orEmpty(readinessScores);
        metrics = Lists.inOrderOrEmpty(metrics);
    }

    /**
     * The submitted facts with these added.
     *
     * @throws InvalidWhatIfException naming the field of the what-if that takes the combined facts out of bounds
     */
    public PartnerFacts addTo(PartnerFacts facts) {
        return new PartnerFacts(facts.partnerId(), facts.name(),
                agreementSigned != null ? agreementSigned : facts.agreementSigned(),
                amount("revenueTrailing12Months", facts.revenueTrailing12Months(), revenueTrailing12Months),
                revenueSharePartner != null ? revenueSharePartner : facts.revenueSharePartner(),
                vendorPartnerLevel != null ? vendorPartnerLevel : facts.vendorPartnerLevel(),
                appended("toolkits", facts.toolkits(), toolkits),
                people(facts.people()),
                appended("references", facts.references(), references),
                appended("csatResponses", facts.csatResponses(), csatResponses),
                appended("implementations", facts.implementations(), implementations),
                appended("apps", facts.apps(), apps),
                appended("deals", facts.deals(), deals),
                appended("adoption", facts.adoption(), adoption),
                readiness(facts.readinessScores()),
                metrics(facts.metrics()));
    }

    private static <T> List<T> appended(String field, List<T> submitted, List<T> added) {
        if (submitted.size() + added.size() > Limits.MAX_ITEMS) {
            throw new InvalidWhatIfException(FIELD + field, "the " + submitted.size() + " submitted and these "
                    + added.size() + " make more than " + Limits.MAX_ITEMS + " items");
        }
        List<T> all = new ArrayList<>(submitted);
        all.addAll(added);
        return all;
    }

    /** A person with an id already submitted (or given earlier in the what-if) is that person, with more. */
    private List<Person> people(List<Person> submitted) {
        List<Person> all = new ArrayList<>(submitted);
        List<Person> appended = new ArrayList<>();
        for (int i = 0; i < people.size(); i++) {
            Person added = people.get(i);
            int same = added.id() == null ? -1 : indexOf(all, added.id());
            if (same < 0) {
                all.add(added);
                appended.add(added);
                continue;
            }
            Person known = all.get(same);
            LinkedHashSet<String> roles = new LinkedHashSet<>(known.roles());
            roles.addAll(added.roles());
            List<Certification> certifications = new ArrayList<>(known.certifications());
            certifications.addAll(added.certifications());
            String at = FIELD + "people[" + i + "]";
            if (roles.size() > Limits.MAX_ROLES_PER_PERSON) {
                throw new InvalidWhatIfException(at + ".roles", added.id() + " would hold " + roles.size()
                        + " roles with the submitted ones: at most " + Limits.MAX_ROLES_PER_PERSON);
            }
            if (certifications.size() > Limits.MAX_CERTIFICATIONS_PER_PERSON) {
                throw new InvalidWhatIfException(at + ".certifications", added.id() + " would hold "
                        + certifications.size() + " certifications with the submitted ones: at most "
                        + Limits.MAX_CERTIFICATIONS_PER_PERSON);
            }
            all.set(same, new Person(known.id(), List.copyOf(roles), certifications));
        }
        appended("people", submitted, appended);
        return all;
    }

    private static int indexOf(List<Person> people, String id) {
        for (int i = 0; i < people.size(); i++) {
            if (id.equals(people.get(i).id())) {
                return i;
            }
        }
        return -1;
    }

    private static BigDecimal amount(String field, BigDecimal submitted, BigDecimal added) {
        if (added == null) {
            return submitted;
        }
        BigDecimal sum = submitted == null ? added : submitted.add(added);
        if (sum.compareTo(new BigDecimal(Limits.MAX_AMOUNT)) > 0) {
            throw new InvalidWhatIfException(FIELD + field, "with the submitted " + submitted.toPlainString()
                    + " it would be more than " + Limits.MAX_AMOUNT);
        }
        return sum;
    }

    private Map<ReadinessSection, Integer> readiness(Map<ReadinessSection, Integer> submitted) {
        Map<ReadinessSection, Integer> all = new EnumMap<>(ReadinessSection.class);
        all.putAll(submitted);
        readinessScores.forEach((section, points) -> {
            int sum = all.getOrDefault(section, 0) + points;
            if (sum > 100) {
                throw new InvalidWhatIfException(FIELD + "readinessScores." + section, "with the submitted "
                        + all.getOrDefault(section, 0) + " it would be " + sum + ": a section scores at most 100");
            }
            all.put(section, sum);
        });
        return all;
    }

    private Map<String, BigDecimal> metrics(Map<String, BigDecimal> submitted) {
        Map<String, BigDecimal> all = new LinkedHashMap<>(submitted);
        metrics.forEach((key, value) -> all.put(key, amount("metrics." + key, submitted.get(key), value)));
        if (all.size() > Limits.MAX_ITEMS) {
            throw new InvalidWhatIfException(FIELD + "metrics", "the submitted metrics and these make more than "
                    + Limits.MAX_ITEMS);
        }
        return all;
    }
}
