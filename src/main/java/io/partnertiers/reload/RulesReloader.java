package io.partnertiers.reload;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.partnertiers.evaluation.ProgramNotFoundException;
import io.partnertiers.rules.Diagnostic;
import io.partnertiers.rules.PartnerTiersConfig;
import io.partnertiers.rules.Ruleset;
import io.partnertiers.rules.RulesetCompilationException;
import io.partnertiers.rules.RulesetCompiler;
import io.partnertiers.rules.RulesetRegistry;
import io.partnertiers.validate.Scenario;
import io.partnertiers.validate.ScenarioFiles;
import io.partnertiers.validate.ScenarioResult;
import io.partnertiers.validate.ScenarioRunner;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;

/**
 * Picks up edited rules while the service runs. A program whose folder changed is compiled,
 * and every scenario of every program is run against the new set; only if both pass is the
 * program swapped in, atomically (evaluations already running finish on the version they
 * started with). Otherwise the last good version keeps serving and the failure is kept for
 * {@code GET /admin/rules/status}. A folder that disappears is never unloaded by itself: a
 * half-copied or moved folder must not take a program away. Unloading is asked for explicitly.
 */
@ApplicationScoped
public class RulesReloader {

    private static final Logger LOG = Logger.getLogger(RulesReloader.class);

    private final RulesetRegistry registry;
    private final boolean watch;
    private final Clock clock;
    private final Map<String, Instant> loadedAt = new ConcurrentHashMap<>();
    private final Map<String, ProgramStatus.FailedAttempt> failures = new ConcurrentHashMap<>();
    private final AtomicLong succeeded = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    /** Folder versions seen by the previous poll: a change is loaded once it has stopped changing. */
    private Map<String, String> lastSeen = Map.of();
    /** A missing rules folder is said once, not at every poll. */
    private boolean rulesFolderMissingWarned;

    private final Counter loadedCount;
    private final Counter refusedCount;

    RulesReloader(RulesetRegistry registry, PartnerTiersConfig config, Clock clock, MeterRegistry metrics) {
        this.registry = registry;
        this.watch = config.rules().watch();
        this.clock = clock;
        this.loadedCount = Counter.builder("partner_tiers.rules.reloads").tag("outcome", "loaded")
                .description("Program versions swapped in while running").register(metrics);
        this.refusedCount = Counter.builder("partner_tiers.rules.reloads").tag("outcome", "refused")
                .description("Changed programs refused: they did not compile or failed a scenario").register(metrics);
    }

    /** Polls the rules folder; a folder is reloaded when it changed and then held still for one interval. */
    @Scheduled(every = "${partner-tiers.rules.poll-every}", delayed = "${partner-tiers.rules.poll-every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void pollOnSchedule() {
        if (watch && registry.isLoaded()) {
            poll();
        }
    }

    synchronized void poll() {
        if (registry.isRulesFolderMissing()) {
            if (!rulesFolderMissingWarned) {
                rulesFolderMissingWarned = true;
                LOG.warnf("Rules folder %s is missing: every program keeps serving its last version",
                        registry.rulesDir().toAbsolutePath());
            }
            return;
        }
        if (rulesFolderMissingWarned) {
            rulesFolderMissingWarned = false;
            LOG.infof("Rules folder %s is back", registry.rulesDir().toAbsolutePath());
        }
        Map<String, String> seen = folderVersions();
        Map<String, Ruleset> active = registry.snapshot();
        boolean settledChange = seen.entrySet().stream().anyMatch(e -> e.getValue().equals(lastSeen.get(e.getKey()))
                && (!active.containsKey(e.getKey()) || !active.get(e.getKey()).version().equals(e.getValue()))
                && !e.getValue().equals(failedVersion(e.getKey())));
        lastSeen = seen;
        if (settledChange) {
            reload(null);
        }
    }

    /**
     * Loads every changed program folder now.
     *
     * @param unload a program to unload, whose folder must already be gone; null for none
     * @throws IllegalArgumentException when {@code unload} cannot be unloaded (its folder exists, others ask about it)
     * @throws ProgramNotFoundException when {@code unload} is no program this service knows
     * @throws RulesFolderMissingException when there is no rules folder to load from
     */
    public synchronized ReloadReport reload(String unload) {
        List<String> loaded = new ArrayList<>();
        List<String> unloaded = new ArrayList<>();
        List<String> refused = new ArrayList<>();
        if (unload != null) {
            if (!RulesetCompiler.isProgramId(unload)) {
                throw new IllegalArgumentException("not a program id: 1 to 64 lower-case letters, digits and '-'");
            }
            boolean known = registry.find(unload).isPresent() || failures.containsKey(unload)
                    || registry.refusedAtStartup().containsKey(unload);
            if (!known) {
                throw new ProgramNotFoundException(unload);
            }
            if (Files.isDirectory(registry.rulesDir().resolve(unload))) {
                throw new IllegalArgumentException("The folder of '" + unload + "' still exists: remove it first");
            }
            if (registry.find(unload).isEmpty()) {
                registry.replace(unload, null); // forgets a refusal: there is nothing left to serve
                failures.remove(unload);
                unloaded.add(unload);
            } else {
                Map<String, Ruleset> without = new LinkedHashMap<>(registry.snapshot());
                without.remove(unload);
                if (!RulesetRegistry.failuresOnAnEmptyProfile(without).isEmpty()) {
                    throw new IllegalArgumentException("Other programs still ask about '" + unload + "'");
                }
                registry.replace(unload, null);
                loadedAt.remove(unload);
                failures.remove(unload);
                unloaded.add(unload);
                LOG.infof("Unloaded program %s", unload);
            }
        }
        if (registry.isRulesFolderMissing()) {
            throw new RulesFolderMissingException(registry.rulesDir());
        }
        Map<String, Ruleset> active = registry.snapshot();
        for (Path folder : RulesetRegistry.programFolders(registry.rulesDir())) {
            String id = folder.getFileName().toString();
            String version = versionOf(folder);
            Ruleset current = active.get(id);
            if (version == null || current != null && current.version().equals(version)) {
                continue;
            }
            Optional<Ruleset> candidate = tryLoad(id, folder, version);
            if (candidate.isPresent()) {
                registry.replace(id, candidate.get());
                loadedAt.put(id, Instant.now(clock));
                failures.remove(id);
                succeeded.incrementAndGet();
                loadedCount.increment();
                loaded.add(id);
                LOG.infof("Reloaded program %s: version %s replaces %s", id, version,
                        current == null ? "nothing" : current.version());
            } else {
                failed.incrementAndGet();
                refusedCount.increment();
                refused.add(id);
            }
        }
        return new ReloadReport(loaded, unloaded, refused, succeeded.get(), failed.get(), status());
    }

    private Optional<Ruleset> tryLoad(String id, Path folder, String version) {
        List<String> diagnostics = new ArrayList<>();
        try {
            Ruleset candidate = registry.compiler().compile(folder);
            Map<String, Ruleset> next = new LinkedHashMap<>(registry.snapshot());
            next.put(id, candidate);
            for (RulesetCompilationException failure : RulesetRegistry.failuresOnAnEmptyProfile(next)) {
                failure.diagnostics().forEach(d -> diagnostics.add(failure.programId() + "/" + d));
            }
            if (diagnostics.isEmpty()) {
                diagnostics.addAll(failedScenarios(next));
            }
            if (diagnostics.isEmpty()) {
                return Optional.of(candidate);
            }
        } catch (RulesetCompilationException e) {
            e.diagnostics().forEach(d -> diagnostics.add(id + "/" + d));
        } catch (RuntimeException e) {
            diagnostics.add(id + ": " + e.getMessage());
        }
        failures.put(id, new ProgramStatus.FailedAttempt(Instant.now(clock), version, List.copyOf(diagnostics)));
        LOG.warnf("Refused to reload program %s (still serving %s): %s", id,
                registry.find(id).map(Ruleset::version).orElse("nothing"), String.join("; ", diagnostics));
        return Optional.empty();
    }

    /** Every scenario of every program, against the set that would serve after the swap. */
    private List<String> failedScenarios(Map<String, Ruleset> next) {
        List<Diagnostic> unreadable = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        try {
            List<Scenario> scenarios = ScenarioFiles.read(registry.rulesDir(), unreadable);
            unreadable.forEach(d -> problems.add(d.toString()));
            ScenarioRunner runner = new ScenarioRunner(next);
            for (Scenario scenario : scenarios) {
                ScenarioResult result = runner.run(scenario);
                if (!result.passed()) {
                    problems.add(result.file() + ":" + result.line() + ": scenario \"" + result.name() + "\" fails: "
                            + String.join("; ", result.failures()));
                }
            }
        } catch (IOException e) {
            problems.add("scenario files cannot be read: " + e.getMessage());
        }
        return problems;
    }

    public List<ProgramStatus> status() {
        Map<String, Ruleset> active = registry.snapshot();
        Map<String, ProgramStatus> byProgram = new TreeMap<>();
        active.values().forEach(r -> byProgram.put(r.id(), new ProgramStatus(r.id(), r.version(),
                loadedAt.getOrDefault(r.id(), registry.startedAt()), failures.get(r.id()),
                registry.isRulesFolderMissing() ? "the rules folder is missing: still serving this version"
                        : Files.isDirectory(registry.rulesDir().resolve(r.id())) ? null
                        : "folder missing: still serving; POST /admin/rules/reload?unload=" + r.id() + " to unload")));
        failures.forEach((id, failure) -> byProgram.putIfAbsent(id, new ProgramStatus(id, null, null, failure,
                "never loaded")));
        registry.refusedAtStartup().forEach((id, refusal) -> byProgram.putIfAbsent(id, new ProgramStatus(id, null, null,
                new ProgramStatus.FailedAttempt(refusal.at(), refusal.version(), refusal.diagnostics()),
                "refused at start-up: not served until a corrected version loads")));
        return List.copyOf(byProgram.values());
    }

    private Map<String, String> folderVersions() {
        Map<String, String> versions = new HashMap<>();
        for (Path folder : RulesetRegistry.programFolders(registry.rulesDir())) {
            String version = versionOf(folder);
            if (version != null) {
                versions.put(folder.getFileName().toString(), version);
            }
        }
        return versions;
    }

    private String failedVersion(String program) {
        ProgramStatus.FailedAttempt failure = failures.get(program);
        if (failure != null) {
            return failure.version();
        }
        RulesetRegistry.Refusal refusal = registry.refusedAtStartup().get(program);
        return refusal == null ? null : refusal.version();
    }

    private static String versionOf(Path folder) {
        try {
            return RulesetCompiler.versionOf(folder);
        } catch (RuntimeException e) {
            return null; // vanished or unreadable mid-copy: look again next time
        }
    }
}
