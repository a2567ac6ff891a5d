package io.partnertiers.evaluation;

import java.time.LocalDate;
import java.time.Period;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

import io.partnertiers.facts.FactCalendar;
import io.partnertiers.facts.FactEvent;
import io.partnertiers.facts.PartnerFacts;
import io.partnertiers.rules.Criterion;
import io.partnertiers.rules.MeasureCall;
import io.partnertiers.rules.Ruleset;
import io.partnertiers.rules.Tier;

/**
 * Forecasts a partner's segment over a horizon without evaluating every day: every measure keeps its
 * value between the days on which a fact it reads enters or leaves it ({@link FactCalendar}), so the
 * partner is evaluated on those days only, each exactly as an evaluation with that {@code asOf} would
 * (without a prior standing: the rules' segment). A day whose segment differs from the one before is
 * a change.
 */
final class Forecaster {

    /**
     * What one forecast may cost: the days it evaluates times the items each evaluation reads (at
     * least {@link #MIN_ITEMS_PER_DAY}, the engine's own share). An evaluation costs a few microseconds
     * per item, so this keeps a forecast to seconds even for the largest profile a body can carry.
     */
    static final long MAX_ITEM_EVALUATIONS = 1_000_000;
    static final int MIN_ITEMS_PER_DAY = 100;

    /** Stands for a rule whose measure is not known: every dated fact may move it. */
    private static final MeasureCall UNKNOWN = new MeasureCall("", List.of());

    private final Evaluator evaluator;
    private final Function<String, Optional<Ruleset>> programs;

    Forecaster(Function<String, Optional<Ruleset>> programs) {
        this.evaluator = new Evaluator(programs);
        this.programs = programs;
    }

    /**
     * @param today the rules' answer on {@code asOf}, without a prior standing: where the forecast starts
     * @throws ForecastHorizonException when the horizon is not a positive period of at most {@link Forecast#MAX_HORIZON},
     *         or when forecasting it would cost more than {@link #MAX_ITEM_EVALUATIONS}
     */
    Forecast forecast(Ruleset ruleset, PartnerFacts facts, LocalDate asOf, Period horizon, EvaluationResult today) {
        LocalDate until = until(asOf, horizon);
        FactCalendar calendar = new FactCalendar(facts, asOf, until);
        Map<String, NavigableMap<LocalDate, List<FactEvent>>> eventsByRule = eventsByRule(ruleset, calendar);
        TreeSet<LocalDate> days = new TreeSet<>();
        eventsByRule.values().forEach(events -> days.addAll(events.keySet()));
        withinBudget(facts, asOf, horizon, days);

        List<SegmentChange> changes = new ArrayList<>();
        EvaluationResult before = today;
        for (LocalDate day : days) {
            EvaluationResult after = evaluator.evaluate(ruleset, facts, day, false, null);
            if (!Objects.equals(before.segment(), after.segment())) {
                changes.add(change(ruleset, day, before, after, eventsByRule));
            }
            before = after;
        }
        return new Forecast(horizon.toString(), until, days.size(), changes);
    }

    /** The last day of the horizon. */
    private static LocalDate until(LocalDate asOf, Period horizon) {
        if (horizon.isNegative() || horizon.isZero()) {
            throw new ForecastHorizonException("must be a positive period, such as P180D (got " + horizon + ")");
        }
        LocalDate until = asOf.plus(horizon);
        if (!until.isAfter(asOf) || until.isAfter(asOf.plus(Forecast.MAX_HORIZON))) {
            throw new ForecastHorizonException("must end at most " + Forecast.MAX_HORIZON + " after asOf (got "
                    + horizon + ", which ends on " + until + ")");
        }
        return until;
    }

    /** @throws ForecastHorizonException naming the longest horizon that fits, when these days cost too much */
    private static void withinBudget(PartnerFacts facts, LocalDate asOf, Period horizon, TreeSet<LocalDate> days) {
        long items = items(facts);
        long affordable = MAX_ITEM_EVALUATIONS / Math.max(items, MIN_ITEMS_PER_DAY);
        if (days.size() <= affordable) {
            return;
        }
        String instead = "no forecast fits";
        if (affordable > 0) {
            LocalDate firstTooMany = days.stream().skip(affordable).findFirst().orElseThrow();
            long longest = ChronoUnit.DAYS.between(asOf, firstTooMany) - 1;
            instead = longest < 1 ? instead : "ask for at most P" + longest + "D";
        }
        throw new ForecastHorizonException("these facts move a measure on " + days.size() + " days within " + horizon
                + "; with their " + items + " items a forecast evaluates at most " + affordable + " days: " + instead);
    }

    /** The items an evaluation reads: what its cost grows with. */
    private static long items(PartnerFacts facts) {
        return facts.people().size() + facts.people().stream().mapToLong(p -> p.certifications().size()).sum()
                + facts.references().size() + facts.csatResponses().size() + facts.implementations().size()
                + facts.apps().size() + facts.deals().size() + facts.adoption().size() + facts.toolkits().size();
    }

    /** Each rule's events: those of its measure, or of every measure of the program it asks about. */
    private Map<String, NavigableMap<LocalDate, List<FactEvent>>> eventsByRule(Ruleset ruleset, FactCalendar calendar) {
        Map<MeasureCall, NavigableMap<LocalDate, List<FactEvent>>> byMeasure = new HashMap<>();
        Map<String, NavigableMap<LocalDate, List<FactEvent>>> byRule = new HashMap<>();
        for (Tier tier : ruleset.tiers()) {
            for (Criterion criterion : tier.criteria()) {
                for (String rule : criterion.ruleNames()) {
                    NavigableMap<LocalDate, List<FactEvent>> events = new TreeMap<>();
                    for (MeasureCall call : measuresBehind(ruleset.measuresByRule().getOrDefault(rule, UNKNOWN),
                            new HashSet<>(Set.of(ruleset.id())))) {
                        byMeasure.computeIfAbsent(call, c -> calendar.eventsOf(c.measure(), c.arguments()))
                                .forEach((day, found) -> events.computeIfAbsent(day, d -> new ArrayList<>()).addAll(found));
                    }
                    byRule.put(rule, events);
                }
            }
        }
        return byRule;
    }

    /** A measure itself, or, for one that asks whether another program's tier is reached, every measure of that program. */
    private List<MeasureCall> measuresBehind(MeasureCall call, Set<String> visiting) {
        if (!FactCalendar.OTHER_PROGRAM_MEASURE.equals(call.measure()) || call.arguments().isEmpty()) {
            return List.of(call);
        }
        String program = call.arguments().get(0);
        Optional<Ruleset> other = programs.apply(program);
        if (other.isEmpty() || !visiting.add(program)) {
            return List.of(); // evaluating would fail the same way, on the first day
        }
        List<MeasureCall> behind = new ArrayList<>();
        for (MeasureCall inner : other.get().measuresByRule().values()) {
            behind.addAll(measuresBehind(inner, visiting));
        }
        visiting.remove(program);
        return behind;
    }

    /** The criteria that turn between the two segments, in the tiers the segment moves across. */
    private static SegmentChange change(Ruleset ruleset, LocalDate day, EvaluationResult before, EvaluationResult after,
            Map<String, NavigableMap<LocalDate, List<FactEvent>>> eventsByRule) {
        List<Tier> tiers = ruleset.tiers();
        int from = Ladder.rank(tiers, before.segment());
        int to = Ladder.rank(tiers, after.segment());
        List<MovingCriterion> criteria = new ArrayList<>();
        for (int t = Math.min(from, to) + 1; t <= Math.max(from, to); t++) {
            Tier tier = tiers.get(t);
            List<CriterionResult> was = before.tiers().get(t).criteria();
            List<CriterionResult> is = after.tiers().get(t).criteria();
            for (int c = 0; c < tier.criteria().size(); c++) {
                if (was.get(c).met() != is.get(c).met()) {
                    criteria.add(new MovingCriterion(tier.id(), is.get(c).criterion(), is.get(c).description(),
                            is.get(c).comparison(), is.get(c).required(), was.get(c).actual(), is.get(c).actual(),
                            is.get(c).met(), causes(tier.criteria().get(c), day, eventsByRule)));
                }
            }
        }
        return new SegmentChange(day, before.segment(), after.segment(), to > from ? "PROMOTION" : "DEMOTION", criteria);
    }

    private static List<FactEvent> causes(Criterion criterion, LocalDate day,
            Map<String, NavigableMap<LocalDate, List<FactEvent>>> eventsByRule) {
        Set<FactEvent> causes = new LinkedHashSet<>();
        for (String rule : criterion.ruleNames()) {
            causes.addAll(eventsByRule.get(rule).getOrDefault(day, List.of()));
        }
        return List.copyOf(causes);
    }
}
