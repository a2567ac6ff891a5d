package io.partnertiers.rules;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.drools.compiler.kie.builder.impl.MemoryKieModule;
import org.drools.model.codegen.ExecutableModelProject;
import org.drools.modelcompiler.CanonicalKieModule;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.kie.api.runtime.KieContainer;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * Turns one program folder ({@code program.yaml} and {@code *.drl}) into a {@link Ruleset}: checks
 * every file with the {@link RuleChecker}, compiles the DRL at runtime with the executable model
 * only if nothing was found, and checks that the rules and the descriptor agree. Every problem is
 * collected and reported at once, each with file, line and column. Compiling is bounded in time.
 */
public final class RulesetCompiler {

    public static final String DESCRIPTOR = ProgramSources.DESCRIPTOR;
    /** How long compiling one program may take unless configured otherwise. */
    public static final Duration DEFAULT_COMPILE_TIMEOUT = Duration.ofSeconds(60);

    private static final KieServices KIE = KieServices.Factory.get();
    private static final AtomicLong BUILDS = new AtomicLong();
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private static final Pattern PROGRAM_ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");
    private static final Pattern METRIC_KEY = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    private static final Pattern PACKAGE = Pattern.compile("(?m)^\\s*package\\s+([\\w.]+)");
    /** Compiles run here so that one that overruns its time can be abandoned (daemon threads). */
    private static final ExecutorService COMPILING = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "rules-compiler");
        thread.setDaemon(true);
        return thread;
    });

    private final ClassLoader classLoader;
    private final Duration timeout;
    private final CompiledRulesCache cache;

    /**
     * @param classLoader the application's class loader: it must see the fact classes, and a
     *        thread whose context loader is the JDK's would otherwise break the build
     * @param timeout how long compiling one program may take before it is refused
     */
    public RulesetCompiler(ClassLoader classLoader, Duration timeout) {
        this(classLoader, timeout, null);
    }

    /** @param cache where compiled rules are kept and reused across restarts, or null to compile every time */
    public RulesetCompiler(ClassLoader classLoader, Duration timeout, CompiledRulesCache cache) {
        this.classLoader = classLoader;
        this.timeout = timeout;
        this.cache = cache;
    }

    public RulesetCompiler(ClassLoader classLoader) {
        this(classLoader, DEFAULT_COMPILE_TIMEOUT);
    }

    /**
     * What a compiler is made of, as the service configures it: how long one program may compile,
     * and where compiled programs are kept (null: nowhere).
     */
    record Options(Duration timeout, Path keptIn) {

        static Options of(PartnerTiersConfig config) {
            return new Options(config.rules().compileTimeout(),
                    config.rules().reuseCompiled() ? Path.of(config.dataDir(), "compiled-rules") : null);
        }

        RulesetCompiler compiler() {
            return new RulesetCompiler(RulesetCompiler.class.getClassLoader(), timeout,
                    keptIn == null ? null : CompiledRulesCache.in(keptIn));
        }
    }

    /** A program's id, which is its folder's name: 1 to 64 lower-case letters, digits and '-'. */
    public static boolean isProgramId(String text) {
        return PROGRAM_ID.matcher(text).matches();
    }

    /** @throws RulesetCompilationException listing every problem, or saying the compile overran its time */
    public Ruleset compile(Path programDir) {
        String programId = programDir.getFileName().toString();
        Future<Ruleset> compiling = COMPILING.submit(() -> compileNow(programDir, programId));
        try {
            return compiling.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            compiling.cancel(true);
            throw new RulesetCompilationException(programId, List.of(new Diagnostic(new SourcePosition(programId, 0, 0),
                    "compiling took longer than " + timeout.toMillis() + " ms, the limit set by"
                            + " partner-tiers.rules.compile-timeout", null)));
        } catch (InterruptedException e) {
            compiling.cancel(true);
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while compiling " + programId, e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException("Compiling " + programId + " failed", e.getCause());
        }
    }

    private Ruleset compileNow(Path programDir, String programId) {
        if (!isProgramId(programId)) {
            throw new RulesetCompilationException(programId, List.of(new Diagnostic(new SourcePosition(programId, 1, 1),
                    "a program folder's name is its id: 1 to 64 lower-case letters, digits and '-', starting with a"
                            + " letter or digit", null)));
        }
        if (!javax.lang.model.SourceVersion.isName("rules." + programId.replace('-', '_'))) {
            // the id becomes the DRL package rules.<id>: a Java keyword (class, enum, null…) or a leading digit cannot be one
            throw new RulesetCompilationException(programId, List.of(new Diagnostic(new SourcePosition(programId, 1, 1),
                    "a program folder's name becomes the rules' package 'rules." + programId.replace('-', '_')
                            + "': it must start with a letter and may not be a Java keyword such as class, enum or"
                            + " null; rename the folder", null)));
        }
        ProgramSources read = ProgramSources.read(programDir);
        List<Diagnostic> problems = new ArrayList<>(read.problems());
        Map<String, String> sources = read.texts();

        String descriptorText = sources.get(DESCRIPTOR);
        ProgramDescriptor descriptor = descriptorText == null || SourceCharacters.check(DESCRIPTOR, descriptorText, problems)
                ? parseDescriptor(descriptorText, problems) : null;
        if (read.problems().isEmpty() && sources.keySet().stream().noneMatch(f -> f.endsWith(".drl"))) {
            problems.add(new Diagnostic(new SourcePosition(programId, 0, 0),
                    "no .drl file: a program needs at least one rule", null));
        }
        if (!problems.isEmpty()) {
            throw new RulesetCompilationException(programId, problems);
        }

        String version = read.version();
        Optional<CompiledRulesCache.Compiled> compiledBefore = cache == null ? Optional.empty()
                : cache.load(programId, sources, classLoader);
        KieBase kieBase;
        Map<String, MeasureCall> measuresByRule;
        if (compiledBefore.isPresent()) {
            // the same sources passed the checker and compiled in this very build of the service
            kieBase = compiledBefore.get().kieBase();
            measuresByRule = compiledBefore.get().measuresByRule();
        } else {
            // rules run unsandboxed: nothing the checker has not accepted is ever handed to the compiler
            RuleChecker checker = new RuleChecker(descriptor.metrics().keySet());
            problems.addAll(checker.check(programId, read.drl()));
            if (!problems.isEmpty()) {
                throw new RulesetCompilationException(programId, problems);
            }
            measuresByRule = checker.measuresByRule();
            kieBase = build(programId, version, sources, measuresByRule, problems);
            if (!problems.isEmpty()) {
                throw new RulesetCompilationException(programId, problems);
            }
        }
        List<Tier> tiers = new LadderAssembler(descriptor, sources, measuresByRule).assemble(kieBase, problems);
        if (!problems.isEmpty()) {
            throw new RulesetCompilationException(programId, problems);
        }
        return new Ruleset(programId, descriptor.name() == null ? programId : descriptor.name(), version, tiers,
                descriptor.metrics(), measuresByRule, policyOf(descriptor), kieBase);
    }

    /**
     * The characters of program.yaml are checked before it is parsed, but YAML escapes ("\0", "\x1b",
     * "\L") make characters of their own: every text that reaches an answer is checked once more.
     */
    private static void printableTexts(String text, ProgramDescriptor descriptor, List<Diagnostic> problems) {
        List<Map.Entry<String, String>> texts = new ArrayList<>();
        texts.add(Map.entry("name", String.valueOf(descriptor.name())));
        texts.add(Map.entry("source", String.valueOf(descriptor.source())));
        for (TierDescriptor tier : descriptor.tiers()) {
            texts.add(Map.entry("id", String.valueOf(tier.id())));
            texts.add(Map.entry("name", String.valueOf(tier.name())));
            tier.entitlements().forEach(e -> texts.add(Map.entry("entitlements", String.valueOf(e))));
        }
        descriptor.criteria().forEach((id, description) -> {
            texts.add(Map.entry(id, id));
            texts.add(Map.entry(id, String.valueOf(description)));
        });
        descriptor.metrics().forEach((key, metric) -> {
            texts.add(Map.entry(key, metric == null ? "" : String.valueOf(metric.description())));
            texts.add(Map.entry(key, metric == null ? "" : String.valueOf(metric.unit())));
        });
        for (Map.Entry<String, String> entry : texts) {
            if (entry.getValue().codePoints().anyMatch(c -> !SourceCharacters.isAllowed(c))) {
                problems.add(new Diagnostic(LadderAssembler.lineOf(text, entry.getKey()), "'" + entry.getKey()
                        + "' holds a control or invisible character (written as a YAML escape such as \\0 or \\x1b):"
                        + " texts in program.yaml are plain printable characters", null));
            }
        }
    }

    private static TierPolicy policyOf(ProgramDescriptor descriptor) {
        return descriptor.policies() == null ? TierPolicy.NONE : descriptor.policies().toPolicy();
    }

    /** The version a program folder would compile to: the content hash of its rules, without compiling. */
    public static String versionOf(Path programDir) {
        return ProgramSources.read(programDir).version();
    }

    private static ProgramDescriptor parseDescriptor(String text, List<Diagnostic> problems) {
        if (text == null) {
            problems.add(new Diagnostic(new SourcePosition(DESCRIPTOR, 0, 0),
                    "missing: every program folder needs a program.yaml naming its tiers", null));
            return null;
        }
        try {
            ProgramDescriptor descriptor = YAML.readValue(text, ProgramDescriptor.class);
            if (descriptor == null || descriptor.tiers().isEmpty()) {
                problems.add(new Diagnostic(new SourcePosition(DESCRIPTOR, 1, 1), "no tiers declared", null));
                return descriptor;
            }
            printableTexts(text, descriptor, problems);
            descriptor.metrics().forEach((key, metric) -> {
                String problem = metric == null ? "needs a description" : metric.problem();
                if (!METRIC_KEY.matcher(key).matches()) {
                    problem = "a metric key has 1 to 64 letters, digits, '.', '_' or '-'";
                }
                if (problem != null) {
                    problems.add(new Diagnostic(LadderAssembler.lineOf(text, key), "metric '" + key + "' " + problem,
                            null));
                }
            });
            if (descriptor.policies() != null) {
                try {
                    descriptor.policies().toPolicy();
                } catch (IllegalArgumentException e) {
                    problems.add(new Diagnostic(LadderAssembler.lineOf(text, "policies"), e.getMessage(), null));
                }
            }
            return descriptor;
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            problems.add(new Diagnostic(new SourcePosition(DESCRIPTOR, at == null ? 0 : at.getLineNr(),
                    at == null ? 0 : at.getColumnNr()), e.getOriginalMessage(), null));
            return null;
        }
    }

    private KieBase build(String programId, String version, Map<String, String> sources,
            Map<String, MeasureCall> measuresByRule, List<Diagnostic> problems) {
        ReleaseId releaseId = KIE.newReleaseId("io.partnertiers.rules", programId,
                "1.0.0-" + version + "-" + BUILDS.incrementAndGet());
        KieFileSystem files = KIE.newKieFileSystem();
        files.generateAndWritePomXML(releaseId);
        Map<String, String> fileByPath = new LinkedHashMap<>();
        sources.forEach((name, text) -> {
            if (name.endsWith(".drl")) {
                // a folder that matches the DRL package keeps Drools from warning about every file
                String path = "src/main/resources/" + packageFolder(text) + name;
                fileByPath.put(path, name);
                files.write(path, text);
            }
        });
        KieBuilder builder = KIE.newKieBuilder(files, classLoader);
        builder.buildAll(ExecutableModelProject.class);
        List<Message> errors = builder.getResults().getMessages(Message.Level.ERROR);
        problems.addAll(new DroolsMessages(drl(sources), fileByPath).translate(errors));
        if (!problems.isEmpty()) {
            KIE.getRepository().removeKieModule(releaseId);
            return null;
        }
        KieContainer container = KIE.newKieContainer(releaseId, classLoader);
        try {
            KieBase kieBase = container.getKieBase();
            if (cache != null && builder.getKieModule() instanceof CanonicalKieModule module) {
                cache.store(programId, sources, new CompiledRulesCache.Generated(module.getClassesMap(),
                        modelClasses(module, releaseId), measuresByRule));
            }
            return kieBase;
        } finally {
            KIE.getRepository().removeKieModule(releaseId);
        }
    }

    /** The model classes the executable model listed for this module (its drools-model file, after the version line). */
    private static List<String> modelClasses(CanonicalKieModule module, ReleaseId releaseId) {
        byte[] listed = ((MemoryKieModule) module.getInternalKieModule())
                .getBytes(CanonicalKieModule.getModelFileWithGAV(releaseId));
        if (listed == null) {
            return List.of();
        }
        return new String(listed, StandardCharsets.UTF_8).lines().map(String::strip)
                .filter(line -> !line.isEmpty() && !line.startsWith(CanonicalKieModule.MODEL_VERSION)).toList();
    }

    private static String packageFolder(String drl) {
        Matcher declared = PACKAGE.matcher(drl);
        return declared.find() ? declared.group(1).replace('.', '/') + "/" : "";
    }

    private static Map<String, String> drl(Map<String, String> sources) {
        Map<String, String> drl = new LinkedHashMap<>(sources);
        drl.remove(DESCRIPTOR);
        return drl;
    }
}
