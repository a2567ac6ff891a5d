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
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.partnertiers.evaluation.Evaluator;
import io.partnertiers.facts.PartnerFacts;
import io.quarkus.runtime.StartupEvent;

/**
 * The programs this service answers for: every sub-folder of the rules folder, compiled once at
 * start-up. Any error in any program stops start-up, with every diagnostic listed.
 */
@ApplicationScoped
public class RulesetRegistry {

    private static final Logger LOG = Logger.getLogger(RulesetRegistry.class);

    private final Path rulesDir;
    private volatile Map<String, Ruleset> rulesets = Map.of();
    private volatile boolean loaded;
    private volatile Instant startedAt;

    RulesetRegistry(PartnerTiersConfig config) {
        this.rulesDir = Path.of(config.rules().dir());
    }

    void onStart(@Observes StartupEvent event) {
        long started = System.nanoTime();
        rulesets = loadAll(rulesDir, RulesetRegistry.class.getClassLoader());
        loaded = true;
        startedAt = Instant.now();
        LOG.infof("Loaded %d program(s) from %s in %d ms: %s", rulesets.size(), rulesDir.toAbsolutePath(),
                (System.nanoTime() - started) / 1_000_000, String.join(", ", new TreeSet<>(rulesets.keySet())));
    }

    /**
     * Compiles every program folder under {@code rulesDir}, two at a time (the executable model
     * compiles Java, which is CPU-bound).
     *
     * @throws RulesetCompilationException listing the problems of every failing program
     */
    public static Map<String, Ruleset> loadAll(Path rulesDir, ClassLoader classLoader) {
        if (!Files.isDirectory(rulesDir)) {
            throw new IllegalStateException("Rules folder not found: " + rulesDir.toAbsolutePath()
                    + " (set partner-tiers.rules.dir)");
        }
        List<Path> programDirs = programFolders(rulesDir);
        RulesetCompiler compiler = new RulesetCompiler(classLoader);
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(2, programDirs.size())));
        try {
            List<CompletableFuture<Ruleset>> builds = programDirs.stream()
                    .map(dir -> CompletableFuture.supplyAsync(() -> compiler.compile(dir), pool))
                    .toList();
            Map<String, Ruleset> compiled = new LinkedHashMap<>();
            List<RulesetCompilationException> failures = new ArrayList<>();
            for (CompletableFuture<Ruleset> build : builds) {
                try {
                    Ruleset ruleset = build.join();
                    compiled.put(ruleset.id(), ruleset);
                } catch (CompletionException e) {
                    if (e.getCause() instanceof RulesetCompilationException failure) {
                        failures.add(failure);
                    } else {
                        throw e;
                    }
                }
            }
            failures.addAll(failuresOnAnEmptyProfile(compiled));
            if (!failures.isEmpty()) {
                throw new RulesLoadException(rulesDir, failures);
            }
            return Map.copyOf(compiled);
        } finally {
            pool.shutdown();
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
                evaluator.evaluate(ruleset, PartnerFacts.empty("start-up check"), LocalDate.now(ZoneOffset.UTC), false);
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

    /** Swaps one program's ruleset in, or unloads the program when {@code ruleset} is null. */
    public synchronized void replace(String programId, Ruleset ruleset) {
        Map<String, Ruleset> next = new LinkedHashMap<>(rulesets);
        if (ruleset == null) {
            next.remove(programId);
        } else {
            next.put(programId, ruleset);
        }
        rulesets = Map.copyOf(next);
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

    /** Start-up failure naming every program in error and each of its diagnostics. */
    public static class RulesLoadException extends RuntimeException {

        private final List<RulesetCompilationException> failures;

        RulesLoadException(Path rulesDir, List<RulesetCompilationException> failures) {
            super("Rules in " + rulesDir + " do not compile; the service will not start.\n"
                    + failures.stream().flatMap(f -> f.diagnostics().stream().map(d -> "  " + f.programId() + "/" + d))
                            .collect(Collectors.joining("\n")));
            this.failures = List.copyOf(failures);
        }

        public List<RulesetCompilationException> failures() {
            return failures;
        }
    }
}
