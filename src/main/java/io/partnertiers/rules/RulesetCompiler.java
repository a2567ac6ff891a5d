package io.partnertiers.rules;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.drools.model.codegen.ExecutableModelProject;
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
 * Turns one program folder ({@code program.yaml} and {@code *.drl}) into a {@link Ruleset}: compiles
 * the DRL at runtime with the executable model and checks that the rules and the descriptor agree.
 * Every problem is collected and reported at once, each with file, line and column.
 */
public final class RulesetCompiler {

    public static final String DESCRIPTOR = "program.yaml";

    private static final KieServices KIE = KieServices.Factory.get();
    private static final AtomicLong BUILDS = new AtomicLong();
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private static final Pattern PACKAGE = Pattern.compile("(?m)^\\s*package\\s+([\\w.]+)");

    private final ClassLoader classLoader;

    /**
     * @param classLoader the application's class loader: it must see the fact classes, and a
     *        thread whose context loader is the JDK's would otherwise break the build
     */
    public RulesetCompiler(ClassLoader classLoader) {
        this.classLoader = classLoader;
    }

    public Ruleset compile(Path programDir) {
        String programId = programDir.getFileName().toString();
        List<Diagnostic> problems = new ArrayList<>();
        Map<String, String> sources = readSources(programDir);

        ProgramDescriptor descriptor = parseDescriptor(sources.get(DESCRIPTOR), problems);
        if (sources.keySet().stream().noneMatch(f -> f.endsWith(".drl"))) {
            problems.add(new Diagnostic(new SourcePosition(programId, 0, 0),
                    "no .drl file: a program needs at least one rule", null));
        }
        if (!problems.isEmpty()) {
            throw new RulesetCompilationException(programId, problems);
        }

        // rules run unsandboxed: nothing that fails the lint is ever handed to the compiler
        problems.addAll(new DrlLinter().lint(drlSources(sources)));
        if (!problems.isEmpty()) {
            throw new RulesetCompilationException(programId, problems);
        }

        String version = contentHash(sources);
        KieBase kieBase = build(programId, version, sources, problems);
        if (!problems.isEmpty()) {
            throw new RulesetCompilationException(programId, problems);
        }
        List<Tier> tiers = new LadderAssembler(descriptor, sources).assemble(kieBase, problems);
        if (!problems.isEmpty()) {
            throw new RulesetCompilationException(programId, problems);
        }
        return new Ruleset(programId, descriptor.name() == null ? programId : descriptor.name(), version, tiers, kieBase);
    }

    /** The version a program folder would compile to: the content hash of its rules, without compiling. */
    public static String versionOf(Path programDir) {
        return contentHash(readSources(programDir));
    }

    private static Map<String, String> readSources(Path programDir) {
        try (Stream<Path> files = Files.list(programDir)) {
            Map<String, String> sources = new LinkedHashMap<>();
            for (Path file : files.filter(Files::isRegularFile)
                    .filter(f -> f.getFileName().toString().endsWith(".drl")
                            || f.getFileName().toString().equals(DESCRIPTOR))
                    .sorted(Comparator.comparing(f -> f.getFileName().toString())).toList()) {
                sources.put(file.getFileName().toString(), Files.readString(file, StandardCharsets.UTF_8));
            }
            return sources;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read program folder " + programDir, e);
        }
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
            }
            return descriptor;
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            problems.add(new Diagnostic(new SourcePosition(DESCRIPTOR, at == null ? 0 : at.getLineNr(),
                    at == null ? 0 : at.getColumnNr()), e.getOriginalMessage(), null));
            return null;
        }
    }

    private KieBase build(String programId, String version, Map<String, String> sources, List<Diagnostic> problems) {
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
        problems.addAll(new DroolsMessages(drlSources(sources), fileByPath).translate(errors));
        if (!problems.isEmpty()) {
            KIE.getRepository().removeKieModule(releaseId);
            return null;
        }
        KieContainer container = KIE.newKieContainer(releaseId, classLoader);
        try {
            return container.getKieBase();
        } finally {
            KIE.getRepository().removeKieModule(releaseId);
        }
    }

    private static String packageFolder(String drl) {
        Matcher declared = PACKAGE.matcher(drl);
        return declared.find() ? declared.group(1).replace('.', '/') + "/" : "";
    }

    private static Map<String, String> drlSources(Map<String, String> sources) {
        Map<String, String> drl = new LinkedHashMap<>(sources);
        drl.remove(DESCRIPTOR);
        return drl;
    }

    static String contentHash(Map<String, String> sources) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sources.forEach((name, text) -> {
                sha.update(name.getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
                sha.update(text.getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
            });
            return HexFormat.of().formatHex(sha.digest()).substring(0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always present", e);
        }
    }
}
