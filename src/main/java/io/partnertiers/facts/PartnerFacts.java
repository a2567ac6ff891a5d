package io.partnertiers.facts;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * What a caller tells us about a partner: the {@code partner} object of the evaluation request.
 * Validation cascades ({@code @Valid}) only into the kinds of items that carry constraints of their
 * own: walking thousands of unconstrained items cost a third of reading a large profile
 * ({@code PartnerFactsTest} fails when an item gains a constraint without its {@code @Valid}).
 */
public record PartnerFacts(
        @NotNull @Pattern(regexp = Values.ID_PATTERN, message = "must be 1 to 200 letters, digits, spaces and"
                + " . _ : @ # / + -, starting with a letter or digit") String partnerId,
        String name,
        Boolean agreementSigned,
        @DecimalMin("0") @DecimalMax(Limits.MAX_AMOUNT) BigDecimal revenueTrailing12Months,
        Boolean revenueSharePartner,
        String vendorPartnerLevel,
        @Size(max = Limits.MAX_ITEMS) List<@NotBlank String> toolkits,
        @Size(max = Limits.MAX_ITEMS) List<@NotNull @Valid Person> people,
        @Size(max = Limits.MAX_ITEMS) List<@NotNull CustomerReference> references,
        @Size(max = Limits.MAX_ITEMS) List<@NotNull @Valid CsatResponse> csatResponses,
        @Size(max = Limits.MAX_ITEMS) List<@NotNull Implementation> implementations,
        @Size(max = Limits.MAX_ITEMS) List<@NotNull @Valid App> apps,
        @Size(max = Limits.MAX_ITEMS) List<@NotNull Deal> deals,
        @Size(max = Limits.MAX_ITEMS) List<@NotNull @Valid AdoptionMonth> adoption,
        Map<ReadinessSection, @NotNull @Min(0) @Max(100) Integer> readinessScores,
        @Size(max = Limits.MAX_ITEMS) Map<@NotBlank String, @NotNull @DecimalMin("0") @DecimalMax(Limits.MAX_AMOUNT) BigDecimal> metrics) {

    public PartnerFacts {
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

    /** A partner known by its id alone: the empty profile. */
    public static PartnerFacts empty(String partnerId) {
        return new PartnerFacts(partnerId, null, null, null, null, null,
                null, null, null, null, null, null, null, null, null, null);
    }
}
