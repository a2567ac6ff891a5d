package io.partnertiers;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds evaluation request bodies, the way a calling system would send them. */
public final class PartnerJson {

    /** The day every test evaluates on unless it says otherwise. */
    public static final LocalDate AS_OF = LocalDate.of(2026, 11, 24);
    /** A day comfortably inside the 365-day window that ends on {@link #AS_OF}. */
    public static final LocalDate RECENT = AS_OF.minusDays(30);
    public static final LocalDate LONG_AGO = AS_OF.minusYears(3);

    private final Map<String, Object> partner = new LinkedHashMap<>();

    private PartnerJson(String partnerId) {
        partner.put("partnerId", partnerId);
    }

    public static PartnerJson partner() {
        return new PartnerJson("acme");
    }

    public PartnerJson with(String field, Object value) {
        partner.put(field, value);
        return this;
    }

    public PartnerJson agreementSigned(boolean signed) {
        return with("agreementSigned", signed);
    }

    public PartnerJson person(Map<String, Object> person) {
        return add("people", person);
    }

    public PartnerJson people(int count, Map<String, Object>... certifications) {
        for (int i = 0; i < count; i++) {
            person(person("p" + list("people").size(), List.of(), certifications));
        }
        return this;
    }

    public PartnerJson csat(String score, LocalDate date) {
        return add("csatResponses", map("project", "P-" + list("csatResponses").size(), "score", new BigDecimal(score),
                "date", date.toString()));
    }

    public PartnerJson csat(int count, String score) {
        for (int i = 0; i < count; i++) {
            csat(score, RECENT);
        }
        return this;
    }

    public PartnerJson implementation(String area, LocalDate completedOn) {
        return add("implementations", map("customer", "C-" + list("implementations").size(), "area", area,
                "completedOn", completedOn.toString()));
    }

    public PartnerJson app(String type, boolean storeCertified, LocalDate certifiedOn, long annualRevenue) {
        return add("apps", map("name", "App-" + list("apps").size(), "type", type, "storeCertified", storeCertified,
                "certifiedOn", certifiedOn.toString(), "annualRevenue", annualRevenue));
    }

    public PartnerJson reference(String competency, boolean signed, LocalDate date) {
        return add("references", map("customer", "R-" + list("references").size(), "competency", competency,
                "signedByCustomer", signed, "date", date.toString()));
    }

    public PartnerJson deal(String id, LocalDate closedOn, LocalDate successPlanUploadedOn) {
        Map<String, Object> deal = map("id", id, "closedOn", closedOn.toString());
        if (successPlanUploadedOn != null) {
            deal.put("successPlanUploadedOn", successPlanUploadedOn.toString());
        }
        return add("deals", deal);
    }

    public PartnerJson adoption(YearMonth month, String activeUsageRate) {
        return add("adoption", map("month", month.toString(), "activeUsageRate", new BigDecimal(activeUsageRate)));
    }

    public PartnerJson toolkits(String... toolkits) {
        return with("toolkits", List.of(toolkits));
    }

    /** The people added so far, to reuse in another profile. */
    public List<Object> people() {
        return list("people");
    }

    public Map<String, Object> asOf(LocalDate asOf) {
        return map("asOf", asOf.toString(), "partner", partner);
    }

    public Map<String, Object> body() {
        return asOf(AS_OF);
    }

    @SafeVarargs
    public static Map<String, Object> person(String id, List<String> roles, Map<String, Object>... certifications) {
        return map("id", id, "roles", roles, "certifications", Arrays.asList(certifications));
    }

    public static Map<String, Object> cert(String specialization, String kind, LocalDate earnedOn, LocalDate expiresOn) {
        Map<String, Object> cert = map("name", specialization + " certificate", "specialization", specialization,
                "kind", kind, "earnedOn", earnedOn.toString());
        if (expiresOn != null) {
            cert.put("expiresOn", expiresOn.toString());
        }
        return cert;
    }

    /** A certification earned long ago that never expires. */
    public static Map<String, Object> cert(String specialization) {
        return cert(specialization, "PROCTORED_EXAM", LONG_AGO, null);
    }

    public static Map<String, Object> map(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    private PartnerJson add(String list, Map<String, Object> item) {
        list(list).add(item);
        return this;
    }

    @SuppressWarnings("unchecked")
    private List<Object> list(String name) {
        return (List<Object>) partner.computeIfAbsent(name, k -> new ArrayList<>());
    }
}
