package io.partnertiers.rules;

import java.nio.file.Path;
import java.util.Arrays;

/**
 * What the rule checker adds to loading a program: for each shipped program, the time to check
 * its files against the time to compile it whole (which includes the check). Run by
 * {@code bench/rule-checker}; figures go to docs/performance.md.
 */
public final class RuleCheckerBench {

    private static final int WARM_UP = 300;
    private static final int CHECKS = 1_000;
    private static final int COMPILES = 5;

    public static void main(String... args) {
        Path rules = Path.of(args.length > 0 ? args[0] : "rules");
        RulesetCompiler compiler = new RulesetCompiler(RuleCheckerBench.class.getClassLoader());
        System.out.printf("%-24s %6s %12s %12s %14s%n", "program", "rules", "check p50", "check p99", "compile p50");
        for (Path program : RulesetRegistry.programFolders(rules)) {
            String id = program.getFileName().toString();
            ProgramSources sources = ProgramSources.read(program);
            for (int i = 0; i < WARM_UP; i++) {
                new RuleChecker().check(id, sources.drl());
            }
            long[] checks = new long[CHECKS];
            for (int i = 0; i < CHECKS; i++) {
                long started = System.nanoTime();
                new RuleChecker().check(id, sources.drl());
                checks[i] = System.nanoTime() - started;
            }
            long[] compiles = new long[COMPILES];
            int rulesCount = 0;
            for (int i = 0; i < COMPILES; i++) {
                long started = System.nanoTime();
                rulesCount = compiler.compile(program).ruleCount();
                compiles[i] = System.nanoTime() - started;
            }
            System.out.printf("%-24s %6d %9.2f ms %9.2f ms %11.0f ms%n", id, rulesCount, percentile(checks, 50) / 1e6,
                    percentile(checks, 99) / 1e6, percentile(compiles, 50) / 1e6);
        }
    }

    private static long percentile(long[] samples, int percent) {
        long[] sorted = samples.clone();
        Arrays.sort(sorted);
        return sorted[Math.min(sorted.length - 1, sorted.length * percent / 100)];
    }
}
