package io.partnertiers;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import io.partnertiers.facts.AdoptionMonth;
import io.partnertiers.facts.App;
import io.partnertiers.facts.AppType;
import io.partnertiers.facts.Certification;
import io.partnertiers.facts.CertificationKind;
import io.partnertiers.facts.CsatResponse;
import io.partnertiers.facts.CustomerReference;
import io.partnertiers.facts.Deal;
import io.partnertiers.facts.Implementation;
import io.partnertiers.facts.PartnerFacts;
import io.partnertiers.facts.Person;
import io.partnertiers.facts.ReadinessSection;

/**
 * Random partners from a seed, dated around a day: facts that have ended, facts still counting and
 * facts dated later, with the roles, kinds, areas and levels the shipped programs read, in numbers
 * that put them near the programs' thresholds. The same seed gives the same partners.
 */
public final class GeneratedPartners {

    private static final List<String> ROLES = List.of("SALES", "PRESALES", "CONSULTING", "DELIVERY", "CSM",
            "RENEWALS_MANAGER", "EXECUTIVE_SPONSOR", "PRACTICE_LEAD");
    private static final List<String> SPECIALIZATIONS = List.of("ITSM", "HRSD", "CSM", "CRM", "ERP");
    private static final List<String> LEVELS = List.of("SILVER", "GOLD", "PLATINUM");

    private final Random random;
    private final LocalDate around;
    /** How many days before and after {@code around} facts are dated. */
    private final int spread;

    public GeneratedPartners(long seed, LocalDate around, int spread) {
        this.random = new Random(seed);
        this.around = around;
        this.spread = spread;
    }

    public PartnerFacts next(String partnerId) {
        List<Person> people = new ArrayList<>();
        for (int i = 0, n = random.nextInt(26); i < n; i++) {
            List<Certification> certifications = new ArrayList<>();
            for (int c = 0, m = random.nextInt(4); c < m; c++) {
                LocalDate earned = random.nextInt(8) == 0 ? null : day();
                LocalDate expires = random.nextInt(4) == 0 ? null
                        : (earned == null ? day() : earned.plusDays(random.nextInt(2 * spread)));
                certifications.add(new Certification("cert-" + c, pick(SPECIALIZATIONS),
                        CertificationKind.values()[random.nextInt(CertificationKind.values().length)], earned, expires));
            }
            List<String> roles = new ArrayList<>();
            ROLES.forEach(role -> {
                if (random.nextInt(4) == 0) {
                    roles.add(role);
                }
            });
            people.add(new Person("p-" + i, roles, certifications));
        }
        List<CustomerReference> references = new ArrayList<>();
        for (int i = 0, n = random.nextInt(7); i < n; i++) {
            references.add(new CustomerReference("R-" + i, pick(SPECIALIZATIONS), random.nextInt(5) > 0,
                    random.nextInt(10) == 0 ? null : day()));
        }
        List<CsatResponse> answers = new ArrayList<>();
        for (int i = 0, n = random.nextInt(25); i < n; i++) {
            answers.add(new CsatResponse("P-" + i, BigDecimal.valueOf(35 + random.nextInt(16), 1),
                    random.nextInt(15) == 0 ? null : day()));
        }
        List<Implementation> implementations = new ArrayList<>();
        for (int i = 0, n = random.nextInt(16); i < n; i++) {
            implementations.add(new Implementation("C-" + i, pick(SPECIALIZATIONS), random.nextInt(15) == 0 ? null : day()));
        }
        List<App> apps = new ArrayList<>();
        for (int i = 0, n = random.nextInt(5); i < n; i++) {
            apps.add(new App("App-" + i, AppType.values()[random.nextInt(AppType.values().length)], random.nextInt(4) > 0,
                    random.nextInt(10) == 0 ? null : day(), BigDecimal.valueOf(random.nextInt(800_000))));
        }
        List<Deal> deals = new ArrayList<>();
        for (int i = 0, n = random.nextInt(5); i < n; i++) {
            LocalDate closed = random.nextInt(10) == 0 ? null : day();
            LocalDate uploaded = closed == null || random.nextInt(3) == 0 ? null : closed.plusDays(random.nextInt(150));
            deals.add(new Deal("D-" + i, closed, uploaded));
        }
        List<AdoptionMonth> adoption = new ArrayList<>();
        YearMonth month = YearMonth.from(day());
        for (int i = 0, n = random.nextInt(14); i < n; i++, month = month.plusMonths(1)) {
            adoption.add(new AdoptionMonth(month, BigDecimal.valueOf(40 + random.nextInt(50), 2)));
        }
        Map<ReadinessSection, Integer> readiness = new EnumMap<>(ReadinessSection.class);
        for (ReadinessSection section : ReadinessSection.values()) {
            readiness.put(section, random.nextInt(101));
        }
        Map<String, BigDecimal> metrics = new LinkedHashMap<>();
        metrics.put("enterpriseNetCustomerAdds", BigDecimal.valueOf(random.nextInt(12)));
        metrics.put("intermediateCertifiedPeople", BigDecimal.valueOf(random.nextInt(12)));
        return new PartnerFacts(partnerId, partnerId, random.nextInt(6) > 0,
                BigDecimal.valueOf(random.nextInt(3_000_000)), random.nextBoolean(), pick(LEVELS),
                List.of(pick(SPECIALIZATIONS)), people, references, answers, implementations, apps, deals, adoption,
                readiness, metrics);
    }

    private LocalDate day() {
        return around.plusDays(random.nextInt(2 * spread + 1) - spread);
    }

    private <T> T pick(List<T> items) {
        return items.get(random.nextInt(items.size()));
    }
}
