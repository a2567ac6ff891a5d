package io.partnertiers.rules;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.partnertiers.evaluation.Evaluator;
import io.partnertiers.facts.PartnerFacts;
import io.partnertiers.metrics.RulesetVersions;
import io.quarkus.runtime.StartupEvent;

/**
 * The programs this service answers for: every sub-folder of the rules folder, compiled once at
 * start-up. A program with any problem is refused and logged with every diagnostic, while the
 * others serve; readiness and {@code GET /admin/rules/status} show the refusal until a corrected
 * version is loaded.
 */
@ApplicationScoped
public class RulesetRegistry {

    private static final Logger LOG = Logger.getLogger(RulesetRegistry.class);

    private final EarlyLoad.Settings settings;
    private final Path rulesDir;
    private final RulesetCompiler compiler;
    private volatile Map<String, Ruleset> rulesets = Map.of();
    private final RulesetVersions versions;
    private final Map<String, Refusal> refusedAtStartup = new ConcurrentHashMap<>();
    private volatile boolean loaded;
    private volatile Instant startedAt;

    /** A program refused at start-up: the version tried and every diagnostic, {@code program/file:line:column: …}. */
    public record Refusal(Instant at, String version, List<String> diagnostics) {
    }

    RulesetRegistry(PartnerTiersConfig config, RulesetVersions versions) {
        this.versions = versions;
        this.settings = EarlyLoad.Settings.of(config);
        this.rulesDir = settings.rulesDir();
        this.compiler = settings.compiler().compiler();
    }

    void onStart(@Observes StartupEvent event) {
        long started = System.nanoTime();
        if (isRulesFolderMissing()) {
            LOG.warnf("Rules folder %s not found: no program is served and readiness is DOWN until it exists and is"
                    + " loaded (set partner-tiers.rules.dir, then POST /admin/rules/reload)", rulesDir.toAbsolutePath());
            startedAt = Instant.now();
            loaded = true;
            return;
        }
        Optional<CompletableFuture<Loaded>> early = EarlyLoad.take(settings);
        Loaded all = early.map(RulesetRegistry::await).orElseGet(() -> loadAll(rulesDir, compiler));
        rulesets = all.programs();
        rulesets.values().forEach(r -> versions.serving(r.id(), r.version()));
        startedAt = Instant.now();
        for (RulesetCompilationException failure : all.failures()) {
            List<String> diagnostics = failure.diagnostics().stream().map(d -> failure.programId() + "/" + d).toList();
            refusedAtStartup.put(failure.programId(), new Refusal(startedAt, versionOf(failure.programId()), diagnostics));
            LOG.errorf("Program %s refused, not served:%n  %s", failure.programId(), String.join("\n  ", diagnostics));
        }
        loaded = true;
        LOG.infof("Loaded %d program(s) from %s in %d ms%s: %s", rulesets.size(), rulesDir.toAbsolutePath(),
                (System.nanoTime() - started) / 1_000_000, early.isPresent() ? " more (begun as the service booted)" : "",
                String.join(", ", new TreeSet<>(rulesets.keySet())));
    }

    private static Loaded await(CompletableFuture<Loaded> loading) {
        try {
            return loading.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw e;
        }
    }

    private String versionOf(String programId) {
        try {
            return RulesetCompiler.versionOf(rulesDir.resolve(programId));
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** What loading a rules folder gave: the programs that may serve and the refusals of the others. */
    public record Loaded(Map<String, Ruleset> programs, List<RulesetCompilationException> failures) {
    }

    /**
     * Compiles every program folder under {@code rulesDir}, two at a time (the executable model
     * compiles Java, which is CPU-bound), then drops every program that fails on an empty profile
     * (and those that ask about it).
     */
    public static Loaded loadAll(Path rulesDir, RulesetCompiler compiler) {
        return loadAll(rulesDir, compiler, Map.of());
    }

    /**
     * As {@link #loadAll(Path, RulesetCompiler)}, taking a program from {@code compiled} instead of
     * compiling it when its folder has the same version (content hash): comparing two rules folders
     * compiles only the programs that differ.
     */
    public static Loaded loadAll(Path rulesDir, RulesetCompiler compiler, Map<String, Ruleset> compiled) {
        if (!Files.isDirectory(rulesDir)) {
            throw new IllegalStateException("Rules folder not found: " + rulesDir.toAbsolutePath()
                    + " (set partner-tiers.rules.dir)");
        }
        List<Path> programDirs = programFolders(rulesDir);
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(2, programDirs.size())));
        try {
            List<CompletableFuture<Ruleset>> builds = programDirs.stream()
                    .map(dir -> sameVersion(compiled.get(dir.getFileName().toString()), dir)
                            .map(CompletableFuture::completedFuture)
                            .orElseGet(() -> CompletableFuture.supplyAsync(() -> compiler.compile(dir), pool)))
                    .toList();
            Map<String, Ruleset> loaded = new LinkedHashMap<>();
            List<RulesetCompilationException> failures = new ArrayList<>();
            for (CompletableFuture<Ruleset> build : builds) {
                try {
                    Ruleset ruleset = build.join();
                    loaded.put(ruleset.id(), ruleset);
                } catch (CompletionException e) {
                    if (e.getCause() instanceof RulesetCompilationException failure) {
                        failures.add(failure);
                    } else {
                        throw e;
                    }
                }
            }
            for (List<RulesetCompilationException> failing = failuresOnAnEmptyProfile(loaded); !failing.isEmpty();
                    failing = failuresOnAnEmptyProfile(loaded)) {
                failing.forEach(failure -> loaded.remove(failure.programId()));
                failures.addAll(failing);
            }
            return new Loaded(Map.copyOf(loaded), List.copyOf(failures));
        } finally {
            pool.shutdown();
        }
    }

    /** The program, if its folder still has the version it was compiled from. */
    private static Optional<Ruleset> sameVersion(Ruleset ruleset, Path programDir) {
        if (ruleset == null) {
            return Optional.empty();
        }
        try {
            return ruleset.version().equals(RulesetCompiler.versionOf(programDir)) ? Optional.of(ruleset) : Optional.empty();
        } catch (RuntimeException e) {
            return Optional.empty(); // unreadable: compiling it reports why
        }
    }

    /**
     * Evaluates every program once with an empty profile, so that a rule asking about a program
     * or tier that does not exist, or programs asking about each other, stop start-up instead of
     * failing a partner's request.
     */
    public static List<RulesetCompilationException> failuresOnAnEmptyProfile(Map<String, Ruleset> compiled) {
        Evaluator evaluator = new Evaluator(id -> Optional.ofNullable(compiled.get(id)));
        List<RulesetCompilationException> failures = new ArrayList<>();
        for (Ruleset ruleset : compiled.values()) {
            try {
                var answer = evaluator.evaluate(ruleset, PartnerFacts.empty("start-up check"),
                        LocalDate.now(ZoneOffset.UTC), false);
                List<Diagnostic> mismatched = mismatchedKinds(ruleset, answer);
                if (!mismatched.isEmpty()) {
                    failures.add(new RulesetCompilationException(ruleset.id(), mismatched));
                }
            } catch (RuntimeException e) {
                Throwable cause = e;
                while (cause.getCause() != null && cause.getCause() != cause) {
                    cause = cause.getCause();
                }
                failures.add(new RulesetCompilationException(ruleset.id(), List.of(new Diagnostic(
                        new SourcePosition("(evaluation of an empty profile)", 0, 0), cause.getMessage(), null))));
            }
        }
        return failures;
    }

    /**
     * A yes/no threshold on a measure that counts, or a number on one that says yes or no, could
     * never be met (or always would): found on the empty profile, where every measure has its kind.
     */
    private static List<Diagnostic> mismatchedKinds(Ruleset ruleset, io.partnertiers.evaluation.EvaluationResult answer) {
        List<Diagnostic> problems = new ArrayList<>();
        for (int t = 0; t < ruleset.tiers().size(); t++) {
            Tier tier = ruleset.tiers().get(t);
            for (int c = 0; c < tier.criteria().size(); c++) {
                if (!(tier.criteria().get(c) instanceof Criterion.Threshold threshold)) {
                    continue;
                }
                Object actual = answer.tiers().get(t).criteria().get(c).actual();
                boolean yesNo = threshold.requirement() instanceof Requirement.MustHold;
                if (yesNo && actual instanceof java.math.BigDecimal) {
                    problems.add(new Diagnostic(threshold.source(), "@required(true) needs a yes/no measure, and this"
                            + " one counts: write @required(N) with the number required", threshold.ruleName()));
                } else if (!yesNo && actual instanceof Boolean) {
                    problems.add(new Diagnostic(threshold.source(), "a number needs a measure that counts, and this one"
                            + " says yes or no: write @required(true)", threshold.ruleName()));
                }
            }
        }
        return problems;
    }

    public static List<Path> programFolders(Path rulesDir) {
        try (Stream<Path> entries = Files.list(rulesDir)) {
            return entries.filter(Files::isDirectory)
                    .filter(dir -> !dir.getFileName().toString().startsWith("."))
                    .sorted(Comparator.comparing(dir -> dir.getFileName().toString()))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list rules folder " + rulesDir, e);
        }
    }

    public Optional<Ruleset> find(String programId) {
        return Optional.ofNullable(rulesets.get(programId));
    }

    /**
     * The programs as they are now. An evaluation takes one snapshot and uses it throughout, so
     * a reload in the middle never mixes two versions of a program into one answer.
     */
    public Map<String, Ruleset> snapshot() {
        return rulesets;
    }

    public Path rulesDir() {
        return rulesDir;
    }

    /** True while the rules folder does not exist (never created, or removed while running). */
    public boolean isRulesFolderMissing() {
        return !Files.isDirectory(rulesDir);
    }

    /** The compiler every path of this service loads programs with, bounded by the configured budget. */
    public RulesetCompiler compiler() {
        return compiler;
    }

    /** Programs refused at start-up and not loaded since, by id. */
    public Map<String, Refusal> refusedAtStartup() {
        return Map.copyOf(refusedAtStartup);
    }

    /** Swaps one program's ruleset in, or unloads the program when {@code ruleset} is null. */
    public synchronized void replace(String programId, Ruleset ruleset) {
        refusedAtStartup.remove(programId);
        Map<String, Ruleset> next = new LinkedHashMap<>(rulesets);
        if (ruleset == null) {
            next.remove(programId);
        } else {
            next.put(programId, ruleset);
        }
        rulesets = Map.copyOf(next);
        versions.serving(programId, ruleset == null ? null : ruleset.version());
    }

    /** Every loaded program, ordered by id. */
    public List<Ruleset> all() {
        return rulesets.values().stream().sorted(Comparator.comparing(Ruleset::id)).toList();
    }

    /** When the programs loaded at start-up were loaded. */
    public Instant startedAt() {
        return startedAt;
    }

    public boolean isLoaded() {
        return loaded;
    }
}
