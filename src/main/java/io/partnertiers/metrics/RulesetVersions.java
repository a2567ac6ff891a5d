package io.partnertiers.metrics;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * {@code partner_tiers_ruleset_info{program, version} 1} for the version each program serves (an
 * info-style gauge: the value is 1, the version is the tag), so that a dashboard shows which rules
 * every replica serves; a version replaced by a reload drops to 0 and is removed.
 */
@ApplicationScoped
public class RulesetVersions {

    private final MeterRegistry registry;
    private final Map<String, String> serving = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> values = new ConcurrentHashMap<>();

    RulesetVersions(MeterRegistry registry) {
        this.registry = registry;
    }

    /** @param version null when the program is unloaded */
    public synchronized void serving(String program, String version) {
        String before = version == null ? serving.remove(program) : serving.put(program, version);
        if (before != null && !before.equals(version)) {
            AtomicInteger old = values.remove(program + '\0' + before);
            if (old != null) {
                old.set(0);
                registry.find("partner_tiers.ruleset.info").tags("program", program, "version", before).meters()
                        .forEach(registry::remove);
            }
        }
        if (version != null && !version.equals(before)) {
            AtomicInteger one = new AtomicInteger(1);
            values.put(program + '\0' + version, one);
            Gauge.builder("partner_tiers.ruleset.info", one, AtomicInteger::get)
                    .description("The ruleset version a program serves (value 1; the version is the tag)")
                    .tags("program", program, "version", version).register(registry);
        }
    }
}
