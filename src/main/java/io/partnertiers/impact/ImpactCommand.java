package io.partnertiers.impact;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;

import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.partnertiers.api.StrictJsonCustomizer;
import io.partnertiers.evaluation.EvaluationResult;
import io.partnertiers.evaluation.Evaluator;
import io.partnertiers.facts.PartnerFacts;
import io.partnertiers.rules.Ruleset;
import io.partnertiers.rules.RulesetCompilationException;
import io.partnertiers.rules.RulesetCompiler;
import io.partnertiers.rules.RulesetRegistry;

/**
 * {@code impact --base <rules> --rules <rules> --partners <file.ndjson> [--format pretty|json|junit]
 * [--fail-on demotion|change]}: evaluates every partner of the file under both rulesets and reports
 * who moves. Exit codes: 0 done; 1 the {@code --fail-on} condition happened; 2 the arguments are
 * wrong, a ruleset does not load or the partners file cannot be read.
 */
public final class ImpactCommand {

    public static final int OK = 0;
    public static final int FAILED_ON = 1;
    public static final int CANNOT_RUN = 2;
    static final String USAGE = "usage: impact --base <rules-dir> --rules <rules-dir> --partners <file.ndjson>"
            + " [--format pretty|json|junit] [--fail-on demotion|change]";
    /** Lines evaluated together: large enough to keep both cores busy, small enough to keep memory flat. */
    private static final int CHUNK = 2_000;
    private static final int MAX_LINE_CHARS = 4 * 1024 * 1024;

    private final PrintStream out;
    private final ClassLoader classLoader;

    public ImpactCommand(PrintStream out, ClassLoader classLoader) {
        this.out = out;
        this.classLoader = classLoader;
    }

    public int run(String... args) {
        Map<String, String> options = new java.util.HashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!List.of("--base", "--rules", "--partners", "--format", "--fail-on").contains(args[i])
                    || i + 1 >= args.length || options.put(args[i], args[i + 1]) != null) {
                return usage();
            }
            i++;
        }
        String format = options.getOrDefault("--format", "pretty");
        String failOn = options.get("--fail-on");
        if (!options.keySet().containsAll(List.of("--base", "--rules", "--partners"))
                || !List.of("pretty", "json", "junit").contains(format)
                || failOn != null && !List.of("demotion", "change").contains(failOn)) {
            return usage();
        }
        Map<String, Ruleset> base = load(Path.of(options.get("--base")));
        Map<String, Ruleset> rules = load(Path.of(options.get("--rules")));
        if (base == null || rules == null) {
            return CANNOT_RUN;
        }
        ImpactReport report;
        try {
            report = compare(options.get("--base"), base, options.get("--rules"), rules,
                    Path.of(options.get("--partners")));
        } catch (IOException e) {
            out.println("cannot read " + options.get("--partners") + ": " + e.getMessage());
            return CANNOT_RUN;
        }
        out.print(switch (format) {
            case "json" -> ImpactFormats.json(report);
            case "junit" -> ImpactFormats.junit(report, failOn);
            default -> ImpactFormats.pretty(report);
        });
        boolean failed = "demotion".equals(failOn) ? report.demoted() > 0 : "change".equals(failOn) && report.changed() > 0;
        return failed ? FAILED_ON : OK;
    }

    private int usage() {
        out.println(USAGE);
        return CANNOT_RUN;
    }

    private Map<String, Ruleset> load(Path dir) {
        if (!Files.isDirectory(dir)) {
            out.println(dir + ": not a folder");
            return null;
        }
        RulesetRegistry.Loaded loaded = RulesetRegistry.loadAll(dir, new RulesetCompiler(classLoader));
        for (RulesetCompilationException failure : loaded.failures()) {
            failure.diagnostics().forEach(d -> out.println(dir + "/" + failure.programId() + "/" + d));
        }
        return loaded.failures().isEmpty() ? loaded.programs() : null;
    }

    ImpactReport compare(String baseName, Map<String, Ruleset> base, String rulesName, Map<String, Ruleset> rules,
            Path partners) throws IOException {
        Impact impact = new Impact(base, rules);
        LineReader reader = new LineReader();
        ExecutorService workers = Executors.newFixedThreadPool(Math.max(1, Runtime.getRuntime().availableProcessors()));
        try (BufferedReader lines = Files.newBufferedReader(partners, StandardCharsets.UTF_8)) {
            List<String> chunk = new ArrayList<>(CHUNK);
            int first = 1;
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                chunk.add(line);
                if (chunk.size() == CHUNK) {
                    evaluate(chunk, first, reader, impact, workers);
                    first += chunk.size();
                    chunk = new ArrayList<>(CHUNK);
                }
            }
            evaluate(chunk, first, reader, impact, workers);
        } finally {
            workers.shutdownNow();
        }
        return impact.report(baseName, rulesName);
    }

    /** Evaluates one chunk of lines on every core, then adds their outcomes in line order. */
    private static void evaluate(List<String> chunk, int firstLine, LineReader reader, Impact impact,
            ExecutorService workers) {
        int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
        int slice = (chunk.size() + threads - 1) / threads;
        List<Future<List<Impact.Outcome>>> parts = new ArrayList<>();
        for (int from = 0; from < chunk.size(); from += slice) {
            int start = from;
            int end = Math.min(chunk.size(), from + slice);
            parts.add(workers.submit(() -> {
                List<Impact.Outcome> outcomes = new ArrayList<>(end - start);
                for (int i = start; i < end; i++) {
                    outcomes.add(impact.evaluate(firstLine + i, reader.read(chunk.get(i))));
                }
                return outcomes;
            }));
        }
        for (Future<List<Impact.Outcome>> part : parts) {
            try {
                part.get().forEach(impact::add);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while comparing", e);
            } catch (ExecutionException e) {
                throw new IllegalStateException("Comparing failed", e.getCause());
            }
        }
    }

    /** Reads a line as strictly as the API reads a request body, and checks the same constraints. */
    static final class LineReader {

        private static final ObjectMapper JSON = StrictJsonCustomizer.strict(new ObjectMapper().findAndRegisterModules());
        private static final ValidatorFactory VALIDATION = Validation.byDefaultProvider().configure()
                .messageInterpolator(new ParameterMessageInterpolator()).buildValidatorFactory();

        /** A line as written: the request body of an evaluation, with its program. */
        private record Line(String program, LocalDate asOf, PartnerFacts partner, Boolean record) {
        }

        private final Validator validator = VALIDATION.getValidator();

        /** @return the request, or the reason the line is not one */
        Object read(String line) {
            if (line.isBlank()) {
                return "an empty line";
            }
            if (line.length() > MAX_LINE_CHARS) {
                return "a line of more than " + MAX_LINE_CHARS + " characters";
            }
            try {
                Line read = JSON.readValue(line, Line.class);
                if (read == null || read.program() == null || read.partner() == null) {
                    return "a line is {\"program\": …, \"asOf\": …, \"partner\": {…}}";
                }
                for (ConstraintViolation<PartnerFacts> violation : validator.validate(read.partner())) {
                    return "partner." + violation.getPropertyPath() + ": " + violation.getMessage();
                }
                return new ImpactRequest(read.program(), read.asOf() == null ? LocalDate.now(ZoneOffset.UTC) : read.asOf(),
                        read.partner());
            } catch (JsonProcessingException e) {
                return "not a valid request: " + e.getOriginalMessage();
            }
        }
    }

    /** Evaluates under both rulesets; the comparison itself is in {@link Impact}. */
    static EvaluationResult evaluate(Map<String, Ruleset> world, ImpactRequest request) {
        return new Evaluator(id -> Optional.ofNullable(world.get(id)))
                .evaluate(world.get(request.program()), request.partner(), request.asOf(), false);
    }
}
