package io.partnertiers.impact;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;

import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;

import io.partnertiers.api.EveryPropertyReachable;
import io.partnertiers.api.StrictJsonCustomizer;
import io.partnertiers.evaluation.EvaluationResult;
import io.partnertiers.evaluation.Evaluator;
import io.partnertiers.facts.PartnerFacts;
import io.partnertiers.ndjson.InOrder;
import io.partnertiers.ndjson.NdjsonLines;
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
    /** Lines in flight: enough to keep every core busy while a line is read, few enough to keep memory flat. */
    private static final int WINDOW = 1_024;
    private static final int WINDOW_BYTES = 64 * 1024 * 1024;
    /** The longest line, as the longest request body the service takes. */
    private static final int MAX_LINE_BYTES = 4 * 1024 * 1024;

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
        Map<String, Ruleset> base = load(Path.of(options.get("--base")), Map.of());
        Map<String, Ruleset> rules = base == null ? null : load(Path.of(options.get("--rules")), base);
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

    /** @param compiled programs already compiled: one whose folder is unchanged is taken, not compiled again */
    private Map<String, Ruleset> load(Path dir, Map<String, Ruleset> compiled) {
        if (!Files.isDirectory(dir)) {
            out.println(dir + ": not a folder");
            return null;
        }
        RulesetRegistry.Loaded loaded = RulesetRegistry.loadAll(dir, new RulesetCompiler(classLoader), compiled);
        for (RulesetCompilationException failure : loaded.failures()) {
            failure.diagnostics().forEach(d -> out.println(dir + "/" + failure.programId() + "/" + d));
        }
        return loaded.failures().isEmpty() ? loaded.programs() : null;
    }

    ImpactReport compare(String baseName, Map<String, Ruleset> base, String rulesName, Map<String, Ruleset> rules,
            Path partners) throws IOException {
        Impact impact = new Impact(base, rules);
        LineReader reader = new LineReader();
        int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
        ExecutorService workers = Executors.newFixedThreadPool(threads);
        try (InputStream in = Files.newInputStream(partners)) {
            NdjsonLines lines = new NdjsonLines(in, MAX_LINE_BYTES);
            new InOrder<NdjsonLines.Line, Impact.Outcome>(workers, WINDOW, WINDOW_BYTES,
                    line -> (int) Math.min(line.length(), MAX_LINE_BYTES))
                    .run(lines::next, line -> impact.evaluate(line.number(), reader.read(line)), impact::add);
        } finally {
            workers.shutdownNow();
        }
        return impact.report(baseName, rulesName);
    }

    /** Reads a line as strictly as the API reads a request body, and checks the same constraints. */
    static final class LineReader {

        private static final ObjectReader JSON = StrictJsonCustomizer.strict(new ObjectMapper().findAndRegisterModules())
                .readerFor(Line.class);
        private static final ValidatorFactory VALIDATION = Validation.byDefaultProvider().configure()
                .messageInterpolator(new ParameterMessageInterpolator())
                .traversableResolver(new EveryPropertyReachable()).buildValidatorFactory();

        /** A line as written: the request body of an evaluation, with its program. */
        private record Line(String program, LocalDate asOf, PartnerFacts partner, Boolean record) {
        }

        private final Validator validator = VALIDATION.getValidator();

        /** @return the request, or the reason the line is not one */
        Object read(String line) {
            return read(new NdjsonLines.Line(0, line.getBytes(StandardCharsets.UTF_8), line.length()));
        }

        /** @return the request, or the reason the line is not one */
        Object read(NdjsonLines.Line line) {
            if (line.tooLong()) {
                return "a line of more than " + MAX_LINE_BYTES + " bytes";
            }
            if (line.isBlank()) {
                return "an empty line";
            }
            try {
                Line read = JSON.readValue(line.bytes());
                if (read == null || read.program() == null || read.partner() == null) {
                    return "a line is {\"program\": …, \"asOf\": …, \"partner\": {…}}";
                }
                for (ConstraintViolation<PartnerFacts> violation : validator.validate(read.partner())) {
                    return "partner." + violation.getPropertyPath() + ": " + violation.getMessage();
                }
                return new ImpactRequest(read.program(), read.asOf() == null ? LocalDate.now(ZoneOffset.UTC) : read.asOf(),
                        read.partner());
            } catch (IOException e) {
                return "not a valid request: " + (e instanceof JsonProcessingException json ? json.getOriginalMessage()
                        : e.getMessage());
            }
        }
    }

    /**
     * Evaluates under one ruleset; the comparison itself is in {@link Impact}.
     *
     * @param consulted collects the programs the evaluation asked about, its own included
     */
    static EvaluationResult evaluate(Map<String, Ruleset> world, ImpactRequest request, Set<String> consulted) {
        consulted.add(request.program());
        return new Evaluator(id -> {
            consulted.add(id);
            return Optional.ofNullable(world.get(id));
        }).evaluate(world.get(request.program()), request.partner(), request.asOf(), false);
    }
}
