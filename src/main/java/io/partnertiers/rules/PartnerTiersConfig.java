package io.partnertiers.rules;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings under the {@code partner-tiers} prefix. */
@ConfigMapping(prefix = "partner-tiers")
public interface PartnerTiersConfig {

    Rules rules();

    Bench bench();

    interface Rules {
        /** {@code partner-tiers.rules.dir}: the folder holding one sub-folder per program. */
        @WithDefault("rules")
        String dir();
    }

    interface Bench {
        /** {@code partner-tiers.bench.floor-enabled}: serve the bind-and-validate-only endpoint used as the benchmark floor. */
        @WithDefault("false")
        boolean floorEnabled();
    }
}
