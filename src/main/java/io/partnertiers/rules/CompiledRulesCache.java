package io.partnertiers.rules;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.CodeSource;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.drools.model.Model;
import org.drools.modelcompiler.CanonicalKieModule;
import org.drools.modelcompiler.KieBaseBuilder;
import org.jboss.logging.Logger;
import org.kie.api.KieBase;
import org.kie.api.KieServices;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The classes the executable model generated for a program, kept on disk so that a restart with
 * unchanged rules builds its rule base from them instead of generating and compiling Java again
 * (which is most of a program's start-up cost). An entry is keyed by the program's content hash
 * and by a fingerprint of this build of the service: rules compiled against other fact classes,
 * or by another Drools, are never reused.
 *
 * <p>Only what this service compiled, after its checker accepted the rules, is ever written here.
 * The folder sits in the data folder, next to the embedded database: whoever may write there can
 * already change what the service runs, so it is the service's own state, not an input. Entries
 * are still read defensively: regular files of bounded size, and any that cannot be read are
 * compiled again and replaced.
 */
public final class CompiledRulesCache {

    private static final Logger LOG = Logger.getLogger(CompiledRulesCache.class);
    private static final String MANIFEST_ENTRY = "manifest.json";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CLASS_SUFFIX = ".class";
    /** The shipped programs compile to a few hundred KB; an entry far larger, packed or unpacked, is not ours. */
    private static final long MAX_ENTRY_BYTES = 64L * 1024 * 1024;

    /** Where the build keeps the shipped programs' classes inside the application (see {@link PrecompileRules}). */
    static final String BUNDLED = "precompiled-rules/";

    private final Path folder;
    private final String buildFingerprint;
    private final ClassLoader bundle;

    private CompiledRulesCache(Path folder, String buildFingerprint, ClassLoader bundle) {
        this.folder = folder;
        this.buildFingerprint = buildFingerprint;
        this.bundle = bundle;
    }

    /** A rule base built from classes kept earlier, with what the checker found out about its rules then. */
    record Compiled(KieBase kieBase, Map<String, MeasureCall> measuresByRule) {
    }

    /** What compiling a program generated: class files by path, the model classes to start from, and the checker's measures. */
    record Generated(Map<String, byte[]> classes, List<String> modelClasses, Map<String, MeasureCall> measuresByRule) {
    }

    /** The manifest of an entry: what {@link Generated} holds besides the class files. */
    private record Manifest(List<String> modelClasses, Map<String, MeasureCall> measuresByRule) {
    }

    /**
     * A cache under {@code folder} for the classes this running build of the service generates,
     * which first looks among those the build compiled for the shipped programs.
     */
    public static CompiledRulesCache in(Path folder) {
        return new CompiledRulesCache(folder, buildFingerprint(), CompiledRulesCache.class.getClassLoader());
    }

    /** As {@link #in(Path)}, with the build's entries looked up through {@code bundle}. */
    static CompiledRulesCache in(Path folder, ClassLoader bundle) {
        return new CompiledRulesCache(folder, buildFingerprint(), bundle);
    }

    /** Where the build writes the entries it ships: named by content alone, being part of the same build. */
    static CompiledRulesCache bundleWrittenTo(Path folder) {
        return new CompiledRulesCache(folder, null, null);
    }

    /** The rule base compiled earlier from exactly these sources, if the build shipped it or this build kept it. */
    Optional<Compiled> load(String programId, Map<String, String> sources, ClassLoader parent) {
        String name = entryName(programId, sources);
        if (bundle != null) {
            try (InputStream shipped = bundle.getResourceAsStream(BUNDLED + name + ".zip")) {
                if (shipped != null) {
                    return read(shipped, programId, BUNDLED + name, parent);
                }
            } catch (IOException unreadable) {
                LOG.warnf("The shipped compiled rules of %s could not be read (%s)", programId, unreadable);
            }
        }
        Path entry = folder.resolve(fileName(name));
        try {
            BasicFileAttributes attributes = Files.readAttributes(entry, BasicFileAttributes.class,
                    LinkOption.NOFOLLOW_LINKS);
            if (!attributes.isRegularFile() || attributes.size() > MAX_ENTRY_BYTES) {
                return Optional.empty();
            }
            try (InputStream kept = Files.newInputStream(entry)) {
                return read(kept, programId, entry.toString(), parent);
            }
        } catch (IOException absentOrUnreadable) {
            return Optional.empty();
        }
    }

    private static Optional<Compiled> read(InputStream entry, String programId, String from, ClassLoader parent) {
        try {
            Map<String, byte[]> classes = new HashMap<>();
            Manifest manifest = null;
            try (ZipInputStream zip = new ZipInputStream(entry)) {
                long unpacked = 0;
                for (ZipEntry file = zip.getNextEntry(); file != null; file = zip.getNextEntry()) {
                    byte[] bytes = zip.readNBytes((int) (MAX_ENTRY_BYTES - unpacked));
                    unpacked += bytes.length;
                    if (unpacked >= MAX_ENTRY_BYTES) {
                        return Optional.empty();
                    }
                    String name = file.getName();
                    if (name.equals(MANIFEST_ENTRY)) {
                        manifest = JSON.readValue(bytes, Manifest.class);
                    } else if (name.endsWith(CLASS_SUFFIX)) {
                        classes.put(name.substring(0, name.length() - CLASS_SUFFIX.length()).replace('/', '.'), bytes);
                    }
                }
            }
            if (manifest == null || manifest.modelClasses() == null || manifest.modelClasses().isEmpty()
                    || manifest.measuresByRule() == null) {
                return Optional.empty();
            }
            GeneratedClassLoader loader = new GeneratedClassLoader(classes, parent);
            List<Model> models = new ArrayList<>();
            for (String modelClass : manifest.modelClasses()) {
                models.add((Model) loader.loadClass(modelClass).getDeclaredConstructor().newInstance());
            }
            KieBase kieBase = KieBaseBuilder.createKieBaseFromModel(models,
                    KieServices.Factory.get().newKieBaseConfiguration(null, loader));
            return Optional.of(new Compiled(kieBase, Map.copyOf(manifest.measuresByRule())));
        } catch (IOException | ReflectiveOperationException | LinkageError | RuntimeException unreadable) {
            LOG.warnf("Compiled rules of %s in %s could not be reused (%s): compiling them again", programId, from,
                    unreadable);
            return Optional.empty();
        }
    }

    /** Keeps what compiling these sources generated, replacing the program's older entries. */
    void store(String programId, Map<String, String> sources, Generated generated) {
        try {
            Files.createDirectories(folder);
            Path entry = folder.resolve(fileName(entryName(programId, sources)));
            Path partial = Files.createTempFile(folder, programId + "-", ".partial");
            try (OutputStream out = Files.newOutputStream(partial); ZipOutputStream zip = new ZipOutputStream(out)) {
                zip.putNextEntry(new ZipEntry(MANIFEST_ENTRY));
                zip.write(JSON.writeValueAsBytes(new Manifest(generated.modelClasses(), generated.measuresByRule())));
                for (Map.Entry<String, byte[]> classFile : generated.classes().entrySet()) {
                    String name = classFile.getKey().endsWith(CLASS_SUFFIX) ? classFile.getKey()
                            : classFile.getKey() + CLASS_SUFFIX;
                    zip.putNextEntry(new ZipEntry(name));
                    zip.write(classFile.getValue());
                }
            }
            try {
                Files.move(partial, entry, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(partial, entry, StandardCopyOption.REPLACE_EXISTING);
            }
            removeOtherEntries(programId, entry);
        } catch (IOException | RuntimeException e) {
            LOG.warnf("Could not keep the compiled rules of %s in %s (%s): the next start compiles them again",
                    programId, folder, e);
        }
    }

    private void removeOtherEntries(String programId, Path kept) throws IOException {
        try (Stream<Path> entries = Files.list(folder)) {
            for (Path other : entries.filter(p -> p.getFileName().toString().startsWith(programId + "@")).toList()) {
                if (!other.equals(kept)) {
                    Files.deleteIfExists(other);
                }
            }
        }
    }

    private String fileName(String entryName) {
        return buildFingerprint == null ? entryName + ".zip" : entryName + "-" + buildFingerprint + ".zip";
    }

    private static String entryName(String programId, Map<String, String> sources) {
        MessageDigest digest = sha256();
        new TreeMap<>(sources).forEach((name, text) -> {
            digest.update(name.getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            digest.update(text.getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
        });
        // '@' cannot occur in a program id, so one program's entries never match another's prefix
        return programId + "@" + HexFormat.of().formatHex(digest.digest());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }

    /**
     * The generated classes call into the fact and measure classes and into Drools: a hash of the
     * service's own code (its jar, or its classes folder) and the Drools model version.
     */
    static String buildFingerprint() {
        try {
            MessageDigest digest = sha256();
            String droolsVersion = CanonicalKieModule.class.getPackage().getImplementationVersion();
            digest.update(String.valueOf(droolsVersion).getBytes(StandardCharsets.UTF_8));
            CodeSource code = CompiledRulesCache.class.getProtectionDomain().getCodeSource();
            Path location = Path.of(code.getLocation().toURI());
            if (Files.isDirectory(location)) {
                try (Stream<Path> files = Files.walk(location)) {
                    for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                        digest.update(location.relativize(file).toString().getBytes(StandardCharsets.UTF_8));
                        digest.update(Files.readAllBytes(file));
                    }
                }
            } else {
                try (InputStream in = Files.newInputStream(location)) {
                    in.transferTo(new DigestingStream(digest));
                }
            }
            return HexFormat.of().formatHex(digest.digest(), 0, 8);
        } catch (IOException | URISyntaxException | RuntimeException e) {
            // no fingerprint, no reuse: a random one matches no entry on disk
            return "unknown-" + System.nanoTime();
        }
    }

    private static final class DigestingStream extends OutputStream {
        private final MessageDigest digest;

        DigestingStream(MessageDigest digest) {
            this.digest = digest;
        }

        @Override
        public void write(int b) {
            digest.update((byte) b);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) {
            digest.update(bytes, offset, length);
        }
    }

    /** Defines the generated classes of one program, the application's classes being its parent. */
    private static final class GeneratedClassLoader extends ClassLoader {
        private final Map<String, byte[]> classes;

        GeneratedClassLoader(Map<String, byte[]> classes, ClassLoader parent) {
            super(parent);
            this.classes = classes;
        }

        @Override
        protected Class<?> findClass(String name) throws ClassNotFoundException {
            byte[] bytes = classes.get(name);
            if (bytes == null) {
                throw new ClassNotFoundException(name);
            }
            return defineClass(name, bytes, 0, bytes.length);
        }
    }
}
