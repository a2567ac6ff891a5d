package io.partnertiers.audit;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.partnertiers.evaluation.Answer;
import io.partnertiers.evaluation.EvaluationResult;
import io.partnertiers.evaluation.PriorStanding;
import io.partnertiers.facts.PartnerFacts;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;

/** The durable record of decisions: store one, read it back, list a partner's, purge old ones. */
@ApplicationScoped
public class DecisionLog {

    private static final Logger LOG = Logger.getLogger(DecisionLog.class);

    private final DecisionWriter writer;
    private final EvaluationIds ids = new EvaluationIds();
    private final ObjectMapper json;
    private final Clock clock;

    DecisionLog(DecisionWriter writer, ObjectMapper json, Clock clock) {
        this.writer = writer;
        this.json = json;
        this.clock = clock;
    }

    /**
     * Stores the decision and returns the answer carrying its id once the decision is committed
     * and on disk (possibly in one transaction with concurrent requests' decisions).
     *
     * @throws DecisionLogUnavailableException when the database cannot take it
     */
    public EvaluationResult record(PartnerFacts facts, EvaluationResult result) {
        return submit(facts, null, result).await().result();
    }

    /**
     * Queues the decision for the next group commit and returns at once: a caller with many
     * decisions (a batch) submits them all, then awaits each in turn, and they share commits.
     *
     * @param submittedJson the JSON {@code facts} were bound from, kept exactly as submitted; null: the
     *        facts written out as JSON
     * @throws DecisionLogUnavailableException at once while the database is out of reach
     */
    public PendingDecision submit(PartnerFacts facts, byte[] submittedJson, EvaluationResult result) {
        EvaluationResult recorded = result.withEvaluationId(ids.next().toString());
        Decision decision = new Decision();
        decision.id = recorded.evaluationId();
        decision.program = recorded.program();
        decision.partnerId = recorded.partnerId();
        decision.asOf = recorded.asOf();
        decision.rulesetVersion = recorded.rulesetVersion();
        decision.segment = recorded.segment();
        decision.atRiskSince = recorded.atRisk() == null ? null : recorded.atRisk().since();
        decision.recordedAt = Instant.now(clock);
        byte[] factsJson = submittedJson != null ? submittedJson : write(facts);
        decision.factsHash = StoredFacts.hashOf(factsJson);
        decision.answer = write(recorded);
        Answer answer = new Answer(recorded, decision.answer);
        DecisionWriter.Queued queued = writer.submit(decision, factsJson);
        return () -> {
            queued.await();
            return answer;
        };
    }

    /** A decision on its way to disk. */
    @FunctionalInterface
    public interface PendingDecision {

        /**
         * The answer carrying the decision's id, and its JSON as stored, once the decision is committed
         * and on disk.
         *
         * @throws DecisionLogUnavailableException if it could not be stored in time
         */
        Answer await();
    }

    public StoredDecision find(String evaluationId) {
        record Found(Decision decision, StoredFacts facts) {
        }
        Found found = readOnly(() -> {
            Decision d = Decision.findById(evaluationId);
            return d == null ? null : new Found(d, StoredFacts.findById(d.factsHash));
        });
        if (found == null) {
            throw new DecisionNotFoundException(evaluationId);
        }
        Decision d = found.decision();
        return new StoredDecision(d.id, d.program, d.partnerId, d.asOf, d.rulesetVersion, d.segment, d.recordedAt,
                read(StoredJson.decode(found.facts().json)), read(StoredJson.decode(d.answer)));
    }

    /** The submitted facts of a recorded decision, as they were bound when it was made. */
    public PartnerFacts factsOf(StoredDecision decision) {
        try {
            return json.treeToValue(decision.partner(), PartnerFacts.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored facts of " + decision.evaluationId() + " cannot be read", e);
        }
    }

    /** A partner's decisions, newest {@code asOf} first; {@code program}, {@code from}, {@code to} are optional. */
    public DecisionPage list(String partnerId, String program, LocalDate from, LocalDate to, int page, int size) {
        StringBuilder query = new StringBuilder("partnerId = :partner");
        Parameters parameters = Parameters.with("partner", partnerId);
        programAndPeriod(query, parameters, program, from, to);
        return readOnly(() -> {
            var found = Decision.find(query.toString(), Sort.descending("asOf", "recordedAt"), parameters)
                    .page(Page.of(page, size));
            List<DecisionSummary> items = found.<Decision>list().stream().map(DecisionSummary::of).toList();
            return new DecisionPage(items, page, size, found.count());
        });
    }

    /** Every decision of a partner in one program, oldest {@code asOf} first. */
    public List<DecisionSummary> history(String partnerId, String program) {
        return readOnly(() -> Decision.<Decision>find("partnerId = ?1 and program = ?2",
                Sort.ascending("asOf", "recordedAt"), partnerId, program).stream().map(DecisionSummary::of).toList());
    }

    /**
     * Where a partner stood in a program at its latest decision dated before {@code asOf}: what a
     * tier policy holds a demotion against. Empty when it has none.
     */
    public Optional<PriorStanding> standingBefore(String partnerId, String program, LocalDate asOf) {
        return readOnly(() -> Decision.<Decision>find("partnerId = ?1 and program = ?2 and asOf < ?3",
                Sort.descending("asOf", "recordedAt"), partnerId, program, asOf).firstResultOptional()
                .map(d -> new PriorStanding(d.asOf, d.segment, d.atRiskSince)));
    }

    /** One recorded request as the decision export writes it: its program, day and the submitted facts as JSON. */
    public record ExportLine(String evaluationId, String program, LocalDate asOf, String partnerJson) {
    }

    /**
     * Recorded requests, oldest {@code asOf} first, a page at a time so that memory stays flat
     * however many there are; {@code program}, {@code from} and {@code to} are optional.
     *
     * @param after the last line of the previous page, or null for the first page
     */
    public List<ExportLine> exportPage(String program, LocalDate from, LocalDate to, ExportLine after, int size) {
        StringBuilder query = new StringBuilder("1 = 1");
        Parameters parameters = new Parameters();
        programAndPeriod(query, parameters, program, from, to);
        if (after != null) {
            query.append(" and (asOf > :afterDay or (asOf = :afterDay and id > :afterId))");
            parameters.and("afterDay", after.asOf()).and("afterId", after.evaluationId());
        }
        return readOnly(() -> {
            List<Decision> page = Decision.<Decision>find(query.toString(), Sort.ascending("asOf", "id"), parameters)
                    .page(Page.ofSize(size)).list();
            Map<String, String> factsByHash = new HashMap<>();
            if (!page.isEmpty()) {
                StoredFacts.<StoredFacts>list("hash in ?1", page.stream().map(d -> d.factsHash).distinct().toList())
                        .forEach(f -> factsByHash.put(f.hash, StoredJson.decode(f.json)));
            }
            return page.stream().map(d -> new ExportLine(d.id, d.program, d.asOf, factsByHash.get(d.factsHash))).toList();
        });
    }

    /** Narrows a query to one program and a period of {@code asOf}, each when given. */
    private static void programAndPeriod(StringBuilder query, Parameters parameters, String program, LocalDate from,
            LocalDate to) {
        if (program != null) {
            query.append(" and program = :program");
            parameters.and("program", program);
        }
        if (from != null) {
            query.append(" and asOf >= :from");
            parameters.and("from", from);
        }
        if (to != null) {
            query.append(" and asOf <= :to");
            parameters.and("to", to);
        }
    }

    /**
     * Deletes decisions recorded before {@code cutoff}, then the facts no decision refers to any more;
     * returns how many decisions. Facts that a decision being recorded meanwhile refers to stay (the
     * foreign key refuses their deletion, and the next purge tries again).
     */
    public long purgeRecordedBefore(Instant cutoff) {
        long deleted = QuarkusTransaction.requiringNew().call(() -> Decision.delete("recordedAt < ?1", cutoff));
        try {
            QuarkusTransaction.requiringNew().run(
                    () -> StoredFacts.delete("not exists (select 1 from Decision d where d.factsHash = hash)"));
        } catch (RuntimeException e) {
            LOG.infof("Facts no decision refers to are kept until the next purge: %s", e.getMessage());
        } finally {
            writer.forgetStoredFacts();
        }
        return deleted;
    }

    private <T> T readOnly(Callable<T> query) {
        try {
            return QuarkusTransaction.requiringNew().call(query);
        } catch (RuntimeException e) {
            if (isStorageFailure(e)) {
                throw new DecisionLogUnavailableException(e);
            }
            throw e;
        }
    }

    private static boolean isStorageFailure(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof PersistenceException || cause instanceof SQLException) {
                return true;
            }
        }
        return false;
    }

    private byte[] write(Object value) {
        try {
            return json.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }

    private JsonNode read(String text) {
        try {
            return json.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A stored decision is not valid JSON", e);
        }
    }
}
