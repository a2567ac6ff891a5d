package io.partnertiers.rules;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;

/**
 * Run by the build (exec-maven-plugin, {@code prepare-package}): compiles the shipped programs and
 * puts their classes into the application under {@value CompiledRulesCache#BUNDLED}, so that the
 * service starts without compiling them, on its very first start too. A program that does not
 * compile is left out (the service then compiles it, and refuses it, at start-up as always):
 * judging rules is {@code validate}'s job, not the build's.
 *
 * <p>Usage: {@code PrecompileRules <rules-dir> <classes-dir>}
 */
public final class PrecompileRules {

    private PrecompileRules() {
    }

    public static void main(String[] args) {
        if (args.length != 2) {
            System.err.println("usage: PrecompileRules <rules-dir> <classes-dir>");
            System.exit(2);
        }
        precompile(Path.of(args[0]), Path.of(args[1]));
        System.exit(0);
    }

    /** @return how many programs were compiled into {@code classesDir} */
    static int precompile(Path rulesDir, Path classesDir) {
        Path bundled = classesDir.resolve(CompiledRulesCache.BUNDLED);
        deleteEarlierBuilds(bundled);
        RulesetCompiler compiler = new RulesetCompiler(PrecompileRules.class.getClassLoader(), Duration.ofMinutes(5),
                CompiledRulesCache.bundleWrittenTo(bundled));
        int compiled = 0;
        for (Path program : RulesetRegistry.programFolders(rulesDir)) {
            try {
                compiler.compile(program);
                compiled++;
            } catch (RulesetCompilationException refused) {
                System.err.println("not precompiled: " + refused.getMessage());
            }
        }
        System.out.printf("Precompiled %d program(s) from %s into %s%n", compiled, rulesDir, bundled);
        return compiled;
    }

    /** Entries of an earlier build were compiled against that build's classes: never ship them. */
    private static void deleteEarlierBuilds(Path bundled) {
        try (Stream<Path> entries = Files.exists(bundled) ? Files.list(bundled) : Stream.empty()) {
            for (Path entry : entries.toList()) {
                Files.delete(entry);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot empty " + bundled, e);
        }
    }
}
