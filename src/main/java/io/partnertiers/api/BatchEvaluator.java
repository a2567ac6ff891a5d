package io.partnertiers.api;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.partnertiers.audit.DecisionLogUnavailableException;
import io.partnertiers.evaluation.Answer;
import io.partnertiers.evaluation.EvaluationService;
import io.partnertiers.evaluation.PendingAnswer;
import io.partnertiers.evaluation.ProgramNotFoundException;
import io.partnertiers.metrics.EvaluationMetrics;
import io.partnertiers.ndjson.InOrder;
import io.partnertiers.ndjson.NdjsonLines;
import io.partnertiers.rules.PartnerTiersConfig;
import io.partnertiers.rules.RulesetRegistry;

/**
 * Answers a batch body: one evaluation request per NDJSON line, read as it arrives, each line
 * answered in its order with exactly what the single call answers for that body (the decision, or
 * the problem, which then carries the line's number). Lines are evaluated on every core; the
 * decisions of recorded lines share group commits, and each answer line still waits for its own
 * decision to be on disk. At most {@link #WINDOW} lines (and {@link #WINDOW_BYTES} of them) are in
 * flight, no line is held beyond the body limit, and answers the client does not read yet wait in
 * a bounded buffer, then on disk ({@link ClientPacedOutput}), so memory stays flat however long the batch is.
 */
@ApplicationScoped
class BatchEvaluator {

    /** Lines in flight: enough to keep every core busy and fill group commits, few enough to stay small. */
    private static final int WINDOW = 512;
    private static final int WINDOW_BYTES = 64 * 1024 * 1024;
    private static final int OUTPUT_BUFFER = 64 * 1024;

    private final EvaluationService evaluations;
    private final RulesetRegistry registry;
    private final EvaluationMetrics metrics;
    private final EvaluationRequests requests;
    private final ObjectMapper json;
    private final int maxLineBytes;
    private final long maxBacklog;
    private final ExecutorService workers;
    private final InOrder<NdjsonLines.Line, LineAnswer> inOrder;

    BatchEvaluator(EvaluationService evaluations, RulesetRegistry registry, EvaluationMetrics metrics,
            EvaluationRequests requests, ObjectMapper json, PartnerTiersConfig config) {
        this.evaluations = evaluations;
        this.registry = registry;
        this.metrics = metrics;
        this.requests = requests;
        this.json = json;
        this.maxLineBytes = (int) Math.min(Integer.MAX_VALUE - 16, config.limits().maxBodySize().asLongValue());
        this.maxBacklog = config.limits().maxBatchBacklog().asLongValue();
        int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
        AtomicInteger count = new AtomicInteger();
        this.workers = Executors.newFixedThreadPool(threads, task -> {
            Thread thread = new Thread(task, "batch-evaluation-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        this.inOrder = new InOrder<>(workers, WINDOW, WINDOW_BYTES, line -> (int) Math.min(line.length(), maxLineBytes));
    }

    @PreDestroy
    void stop() {
        workers.shutdownNow();
    }

    /**
     * A batch for one program, checked before anything is read or answered.
     *
     * @param instance the requested path, named by each problem
     * @throws ProgramNotFoundException when no such program is loaded
     */
    Batch open(String programId, boolean explain, String instance) {
        registry.find(programId).orElseThrow(() -> new ProgramNotFoundException(programId));
        return new Batch(programId, explain, instance);
    }

    /** One line's answer: its bytes, or the decision it waits for. */
    private record LineAnswer(byte[] written, PendingAnswer recorded, int line, String segment, int status) {
    }

    final class Batch {

        private final String programId;
        private final boolean explain;
        private final String instance;
        /** Lines whose decision could not be stored: the first is logged, the others answered only. */
        private final AtomicInteger unrecorded = new AtomicInteger();

        private Batch(String programId, boolean explain, String instance) {
            this.programId = programId;
            this.explain = explain;
            this.instance = instance;
        }

        /** Reads the body to its end and writes one answer line per line, flushing whenever answers wait. */
        void answer(InputStream body, OutputStream out) throws IOException {
            NdjsonLines lines = new NdjsonLines(body, maxLineBytes);
            try (ClientPacedOutput paced = ClientPacedOutput.to(out, maxBacklog)) {
                answer(lines, paced);
            }
        }

        private void answer(NdjsonLines lines, ClientPacedOutput paced) throws IOException {
            OutputStream buffered = new BufferedOutputStream(paced, OUTPUT_BUFFER);
            inOrder.run(lines::next, this::evaluate, new InOrder.Sink<>() {
                @Override
                public void accept(LineAnswer answer) throws IOException {
                    LineAnswer written = answer.recorded() == null ? answer : written(answer.line(), answer.recorded());
                    buffered.write(written.written());
                    buffered.write('\n');
                    metrics.evaluatedInBatch(programId, written.segment(), EvaluationMetrics.Outcome.ofStatus(written.status()));
                }

                @Override
                public void idle() throws IOException {
                    buffered.flush();
                }
            });
            buffered.flush();
            paced.finish();
        }

        /** On a worker: reads, checks and evaluates one line; a recorded decision is awaited by the writer. */
        private LineAnswer evaluate(NdjsonLines.Line line) {
            if (line.tooLong()) {
                return problem(line.number(), new Problem("about:blank", "Content Too Large", 413, "The line has "
                        + line.length() + " bytes; at most " + maxLineBytes + " are accepted per line", instance, null,
                        List.of()));
            }
            if (line.isBlank()) {
                return problem(line.number(), Problem.of(Response.Status.BAD_REQUEST, "The line is empty; each line is one"
                        + " evaluation request", instance, List.of(new Problem.FieldError("body", "must not be empty"))));
            }
            try {
                EvaluationRequests.Read read = requests.read(line.bytes());
                EvaluationRequest request = read.request();
                PendingAnswer answer = evaluations.submit(programId, request.partner(), read.recordedPartnerJson(),
                        request.asOf(), read.record(), explain);
                return read.record() ? new LineAnswer(null, answer, line.number(), null, 0) : written(line.number(), answer);
            } catch (IOException | RuntimeException e) {
                return problem(line.number(), ProblemMappers.problemOf(e, instance));
            }
        }

        private LineAnswer written(int line, PendingAnswer pending) {
            try {
                Answer answer = pending.await();
                byte[] written = answer.json() != null ? answer.json() : json.writeValueAsBytes(answer.result());
                return new LineAnswer(written, null, line, answer.result().segment(), 200);
            } catch (DecisionLogUnavailableException e) {
                if (unrecorded.getAndIncrement() == 0) {
                    ProblemMappers.logUnavailable(e, instance + " (line " + line + "; later lines not logged)");
                }
                return problem(line, ProblemMappers.problemOf(e, instance));
            } catch (JsonProcessingException | RuntimeException e) {
                return problem(line, ProblemMappers.problemOf(e, instance));
            }
        }

        private LineAnswer problem(int line, Problem problem) {
            try {
                return new LineAnswer(json.writeValueAsBytes(problem.atLine(line)), null, line, null, problem.status());
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("Cannot write a problem as JSON", e);
            }
        }
    }
}
