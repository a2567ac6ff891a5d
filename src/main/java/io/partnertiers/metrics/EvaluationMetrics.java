package io.partnertiers.metrics;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * What operators alert on, on /q/metrics: evaluations by program, segment reached and outcome,
 * their latency (the rules alone, and the whole request), and the decision log's writes. Meters are
 * created once per tag combination and kept, so recording costs a map lookup and an increment.
 * Tags only ever hold loaded program ids and their tier ids: an id a caller made up is "unknown".
 */
@ApplicationScoped
public class EvaluationMetrics {

    /** How an evaluation request ended. */
    public enum Outcome {
        OK("ok"), BAD_INPUT("bad-input"), ERROR("error");

        final String tag;

        Outcome(String tag) {
            this.tag = tag;
        }

        /** The outcome an HTTP status stands for: ok below 400, bad input below 500, error from 500. */
        public static Outcome ofStatus(int status) {
            return status < 400 ? OK : status < 500 ? BAD_INPUT : ERROR;
        }
    }

    public static final String UNKNOWN = "unknown";
    static final String NONE = "none";

    private final MeterRegistry registry;
    private final Map<String, Counter> evaluations = new ConcurrentHashMap<>();
    private final Map<String, Timer> requests = new ConcurrentHashMap<>();
    private final Map<String, Timer> engine = new ConcurrentHashMap<>();
    private final Map<String, Counter> writes = new ConcurrentHashMap<>();
    private final Timer writeLatency;
    private final DistributionSummary batchSize;

    EvaluationMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.writeLatency = Timer.builder("partner_tiers.decision_log.write")
                .description("Time to commit one batch of decisions and make it durable").publishPercentileHistogram()
                .register(registry);
        this.batchSize = DistributionSummary.builder("partner_tiers.decision_log.batch_size")
                .description("Decisions committed together in one transaction").publishPercentileHistogram()
                .register(registry);
    }

    /** @param segment null when no tier was reached or the request failed */
    public void evaluated(String program, String segment, Outcome outcome, Duration took) {
        counted(program, segment, outcome);
        requests.computeIfAbsent(program, p -> Timer.builder("partner_tiers.evaluation.request")
                .description("Whole evaluation requests, from the first byte read to the answer written")
                .tag("program", p).publishPercentileHistogram().register(registry)).record(took);
    }

    /**
     * One line of a batch: counted with the evaluation requests, by its own outcome; not timed as a
     * request (the batch is one request, and the rules' time is in the engine timer).
     *
     * @param segment null when no tier was reached or the line failed
     */
    public void evaluatedInBatch(String program, String segment, Outcome outcome) {
        counted(program, segment, outcome);
    }

    private void counted(String program, String segment, Outcome outcome) {
        String segmentTag = segment == null ? NONE : segment;
        evaluations.computeIfAbsent(program + '\0' + segmentTag + '\0' + outcome.tag, k -> Counter
                .builder("partner_tiers.evaluations").description("Evaluations by program, segment and outcome: each"
                        + " request, and each line of a batch")
                .tags("program", program, "segment", segmentTag, "outcome", outcome.tag).register(registry))
                .increment();
    }

    /** The rules alone: firing, climbing the ladder, no JSON and no decision log. */
    public void engine(String program, Duration took) {
        engine.computeIfAbsent(program, p -> Timer.builder("partner_tiers.evaluation.engine")
                .description("Time the rules take to evaluate one partner").tag("program", p)
                .publishPercentileHistogram().register(registry)).record(took);
    }

    /** One batch of decisions the decision log wrote: how many are durably stored, how many failed. */
    public void decisionsWritten(int stored, int failed, Duration took) {
        write("stored").increment(stored);
        write("failed").increment(failed);
        batchSize.record(stored + failed);
        writeLatency.record(took);
    }

    private Counter write(String outcome) {
        return writes.computeIfAbsent(outcome, o -> Counter.builder("partner_tiers.decision_log.writes")
                .description("Decisions the decision log stored durably, or failed to").tag("outcome", o)
                .register(registry));
    }
}
