package io.partnertiers.evaluation;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.Period;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.partnertiers.api.StrictJsonCustomizer;
import io.partnertiers.facts.PartnerFacts;
import io.partnertiers.rules.Ruleset;
import io.partnertiers.rules.RulesetCompiler;
import io.partnertiers.rules.RulesetRegistry;

/**
 * What a forecast costs in-process, without HTTP: one evaluation of a profile against the time of its
 * forecast over P180D and P5Y, and the evaluations each takes. Run by {@code bench/forecast}; figures go
 * to docs/performance.md. Arguments: the request body, the program, how many runs to warm up and time.
 */
public final class ForecastBench {

    private static int runs = 2_000;

    public static void main(String... args) throws Exception {
        Path profile = Path.of(args.length > 0 ? args[0] : "bench/servicenow-profile.json");
        String program = args.length > 1 ? args[1] : "servicenow-partner";
        runs = args.length > 2 ? Integer.parseInt(args[2]) : runs;
        Map<String, Ruleset> programs = RulesetRegistry.loadAll(Path.of("rules"),
                new RulesetCompiler(ForecastBench.class.getClassLoader())).programs();
        ObjectMapper json = StrictJsonCustomizer.strict(new ObjectMapper().findAndRegisterModules());
        JsonNode body = json.readTree(Files.readString(profile));
        PartnerFacts facts = json.treeToValue(body.get("partner"), PartnerFacts.class);
        LocalDate asOf = LocalDate.parse(body.get("asOf").asText());
        Ruleset ruleset = programs.get(program);
        Evaluator evaluator = new Evaluator(id -> Optional.ofNullable(programs.get(id)));
        Forecaster forecaster = new Forecaster(id -> Optional.ofNullable(programs.get(id)));
        EvaluationResult today = evaluator.evaluate(ruleset, facts, asOf, false);

        System.out.printf("%-12s %12s %8s %10s %10s%n", "forecast", "evaluations", "changes", "p50", "p99");
        measure("none", () -> evaluator.evaluate(ruleset, facts, asOf, false), 0, 0);
        for (String horizon : new String[] {"P180D", "P5Y"}) {
            Forecast forecast = forecaster.forecast(ruleset, facts, asOf, Period.parse(horizon), today);
            measure(horizon, () -> forecaster.forecast(ruleset, facts, asOf, Period.parse(horizon), today),
                    forecast.evaluations(), forecast.changes().size());
        }
    }

    private static void measure(String name, Runnable call, int evaluations, int changes) {
        for (int i = 0; i < runs; i++) {
            call.run();
        }
        long[] times = new long[runs];
        for (int i = 0; i < runs; i++) {
            long started = System.nanoTime();
            call.run();
            times[i] = System.nanoTime() - started;
        }
        Arrays.sort(times);
        System.out.printf("%-12s %12d %8d %7.3f ms %7.3f ms%n", name, evaluations, changes, times[runs / 2] / 1e6,
                times[runs * 99 / 100] / 1e6);
    }
}
