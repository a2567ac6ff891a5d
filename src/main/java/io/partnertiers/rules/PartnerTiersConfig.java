package io.partnertiers.rules;

import java.time.Duration;
import java.util.Optional;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings under the {@code partner-tiers} prefix. */
@ConfigMapping(prefix = "partner-tiers")
public interface PartnerTiersConfig {

    Rules rules();

    /** {@code partner-tiers.data-dir}: where the embedded database keeps its file (absolute, or relative starting with ./). */
    @WithDefault("./data")
    String dataDir();

    Bench bench();

    Security security();

    Decisions decisions();

    Limits limits();

    interface Limits {
        /**
         * {@code partner-tiers.limits.max-body-size}: the largest request body, and the longest line of
         * a batch body (whose whole length is not limited).
         */
        @WithDefault("4M")
        MemorySize maxBodySize();

        /**
         * {@code partner-tiers.limits.max-batch-backlog}: how much of a batch's answer may wait on disk
         * for a client that sends its whole body before it reads; past that the batch waits for it.
         */
        @WithDefault("1G")
        MemorySize maxBatchBacklog();
    }

    interface Rules {
        /** {@code partner-tiers.rules.dir}: the folder holding one sub-folder per program. */
        @WithDefault("rules")
        String dir();

        /** {@code partner-tiers.rules.watch}: pick up edited rules while running. */
        @WithDefault("true")
        boolean watch();

        /** {@code partner-tiers.rules.poll-every}: how often the rules folder is checked for changes. */
        @WithDefault("2s")
        String pollEvery();

        /** {@code partner-tiers.rules.compile-timeout}: how long compiling one program may take before it is refused. */
        @WithDefault("60s")
        Duration compileTimeout();

        /**
         * {@code partner-tiers.rules.reuse-compiled}: keep the classes each program compiles to under
         * {@code <data-dir>/compiled-rules}, so that a restart with unchanged rules skips compiling them.
         */
        @WithDefault("true")
        boolean reuseCompiled();
    }

    interface Decisions {
        /** {@code partner-tiers.decisions.retention}: how long decisions are kept (e.g. {@code P400D}); absent: forever. */
        Optional<Duration> retention();

        /** {@code partner-tiers.decisions.purge-every}: how often decisions past retention are deleted. */
        @WithDefault("1h")
        String purgeEvery();

        /** {@code partner-tiers.decisions.store-timeout}: the longest a recording request waits for its decision to be on disk before a 503. */
        @WithDefault("800ms")
        Duration storeTimeout();

        /** {@code partner-tiers.decisions.retry-every}: while the database is out of reach, how often one recording request tries it. */
        @WithDefault("1s")
        Duration retryEvery();

        /**
         * {@code partner-tiers.decisions.commit-delay}: the longest the writer waits for as many decisions as its
         * last commit held before it commits fewer. Under load, this lets one commit (and one fsync) serve more
         * requests; a lone request never waits. 0: commit whatever is waiting at once.
         */
        @WithDefault("1ms")
        Duration commitDelay();
    }

    interface Security {
        /**
         * {@code partner-tiers.security.allow-anonymous}: listen beyond loopback with no token key, every caller
         * holding every role. Off: the service then refuses to start.
         */
        @WithDefault("false")
        boolean allowAnonymous();
    }

    interface Bench {
        /** {@code partner-tiers.bench.floor-enabled}: serve the bind-and-validate-only endpoint used as the benchmark floor. */
        @WithDefault("false")
        boolean floorEnabled();
    }
}
