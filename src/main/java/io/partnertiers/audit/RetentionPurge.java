package io.partnertiers.audit;

import java.time.Clock;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.partnertiers.rules.PartnerTiersConfig;
import io.quarkus.scheduler.Scheduled;

/**
 * Deletes decisions older than {@code partner-tiers.decisions.retention}, every
 * {@code partner-tiers.decisions.purge-every}. Without a retention period nothing is deleted.
 */
@ApplicationScoped
public class RetentionPurge {

    private static final Logger LOG = Logger.getLogger(RetentionPurge.class);

    private final DecisionLog log;
    private final PartnerTiersConfig config;
    private final Clock clock;

    RetentionPurge(DecisionLog log, PartnerTiersConfig config, Clock clock) {
        this.log = log;
        this.config = config;
        this.clock = clock;
    }

    @Scheduled(every = "${partner-tiers.decisions.purge-every}", delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void purgeOnSchedule() {
        purge();
    }

    /** @return the number of decisions deleted */
    public long purge() {
        return config.decisions().retention().map(retention -> {
            long deleted = log.purgeRecordedBefore(Instant.now(clock).minus(retention));
            if (deleted > 0) {
                LOG.infof("Retention %s: deleted %d decision(s)", retention, deleted);
            }
            return deleted;
        }).orElse(0L);
    }
}
