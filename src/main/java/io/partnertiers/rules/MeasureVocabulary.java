package io.partnertiers.rules;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import io.partnertiers.facts.Partner;
import io.partnertiers.measures.Measure;

/**
 * What a rule may measure: every public method of {@link Partner} that returns a {@link Measure}.
 * A getter ({@code getCertifiedStaff()}) is written as a property ({@code certifiedStaff}); any
 * other method as a call with literal arguments ({@code successPlansOnTime(90)}). Adding a measure
 * to {@code Partner} adds it here; nothing else can be reached from a rule.
 */
final class MeasureVocabulary {

    /** Text arguments are names and codes ({@code "CSM"}, {@code "0.60"}, {@code "cisco-cx"}), never code. */
    static final Pattern TEXT_ARGUMENT = Pattern.compile("[A-Za-z0-9_.\\- ]{1,64}");
    static final int MAX_NUMBER_ARGUMENT = 1_000_000;

    static final MeasureVocabulary PARTNER = new MeasureVocabulary(Partner.class);

    /** One measure: how it is written and what arguments it takes. */
    record Signature(String name, boolean property, List<Class<?>> parameters, boolean varargs) {

        String usage() {
            if (property) {
                return name;
            }
            List<String> shown = new ArrayList<>();
            for (int i = 0; i < parameters.size(); i++) {
                boolean text = parameters.get(i) == String.class || parameters.get(i) == String[].class;
                shown.add((text ? "\"…\"" : "number") + (varargs && i == parameters.size() - 1 ? ", …" : ""));
            }
            return name + "(" + String.join(", ", shown) + ")";
        }
    }

    private final Map<String, Signature> measures;

    MeasureVocabulary(Class<?> factType) {
        Map<String, Signature> found = new TreeMap<>();
        for (Method method : factType.getMethods()) {
            if (Modifier.isStatic(method.getModifiers()) || !Measure.class.equals(method.getReturnType())) {
                continue;
            }
            String name = method.getName();
            boolean getter = method.getParameterCount() == 0 && name.startsWith("get") && name.length() > 3;
            String written = getter ? Character.toLowerCase(name.charAt(3)) + name.substring(4) : name;
            found.put(written, new Signature(written, getter, List.of(method.getParameterTypes()), method.isVarArgs()));
        }
        this.measures = Collections.unmodifiableMap(found);
    }

    Optional<Signature> find(String name) {
        return Optional.ofNullable(measures.get(name));
    }

    /** Every measure as a rule writes it, for messages that list the valid choices. */
    String list() {
        return measures.values().stream().map(Signature::usage).collect(Collectors.joining(", "));
    }

    /**
     * @return null when {@code call} is a valid use of a measure, otherwise what is wrong and what
     *         to write instead
     */
    String problemWith(MeasureExpression.Call call) {
        Signature signature = measures.get(call.measure());
        if (signature == null) {
            return "unknown measure '" + call.measure() + "'" + closestTo(call.measure())
                    .map(close -> " (did you mean " + close.usage() + "?)").orElse("") + "; the measures are: " + list();
        }
        if (signature.property() != !call.hasArguments()) {
            return signature.property()
                    ? "'" + call.measure() + "' takes no arguments: write " + signature.usage()
                    : "'" + call.measure() + "' needs arguments: write " + signature.usage();
        }
        List<Class<?>> parameters = signature.parameters();
        int fixed = signature.varargs() ? parameters.size() - 1 : parameters.size();
        int given = call.arguments().size();
        if (signature.varargs() ? given < parameters.size() : given != fixed) {
            return "'" + call.measure() + "' takes " + (signature.varargs() ? "at least " + parameters.size()
                    : String.valueOf(fixed)) + " argument(s), got " + given + ": write " + signature.usage();
        }
        for (int i = 0; i < given; i++) {
            Class<?> expected = i < fixed ? parameters.get(i) : parameters.get(fixed).getComponentType();
            String problem = problemWith(call.arguments().get(i), expected);
            if (problem == null && VALUES.containsKey(call.measure())) {
                problem = VALUES.get(call.measure()).apply(call.arguments().get(i).value());
            }
            if (problem != null) {
                return "argument " + (i + 1) + " of '" + call.measure() + "': " + problem + " (write "
                        + signature.usage() + ")";
            }
        }
        return null;
    }

    private static final Pattern RATE = Pattern.compile("0(\\.\\d{1,6})?|1(\\.0{1,6})?");
    private static final java.util.Set<String> MONTHS = java.util.Arrays.stream(java.time.Month.values())
            .map(Enum::name).collect(Collectors.toUnmodifiableSet());

    /** What the arguments of some measures mean, beyond being a text: checked so that a rule cannot fail when run. */
    private static final Map<String, java.util.function.Function<String, String>> VALUES = Map.of(
            "csatAverageInFiscalYear", month -> MONTHS.contains(month) ? null
                    : "expected the month a fiscal year starts, such as \"FEBRUARY\" (JANUARY to DECEMBER), got \""
                            + month + "\"",
            "longestAdoptionStreak", rate -> RATE.matcher(rate).matches() ? null
                    : "expected a usage rate from \"0\" to \"1\", such as \"0.60\", got \"" + rate + "\"");

    private static String problemWith(MeasureExpression.Literal argument, Class<?> expected) {
        if (expected == String.class) {
            if (!argument.text()) {
                return "expected a text in double quotes, got " + argument.source();
            }
            return TEXT_ARGUMENT.matcher(argument.value()).matches() ? null
                    : "a text argument holds 1 to 64 letters, digits, spaces, '.', '_' or '-'";
        }
        if (expected == int.class) {
            if (argument.text() || !argument.value().matches("\\d{1,7}")
                    || Integer.parseInt(argument.value()) > MAX_NUMBER_ARGUMENT) {
                return "expected a whole number from 0 to " + MAX_NUMBER_ARGUMENT + ", got " + argument.source();
            }
            return null;
        }
        return "arguments of type " + expected.getSimpleName() + " cannot be written in a rule";
    }

    /** The measure spelt most like {@code name}, if one is within a few typos of it. */
    private Optional<Signature> closestTo(String name) {
        Signature closest = null;
        int best = 4;
        for (Signature candidate : measures.values()) {
            int distance = editDistance(name.toLowerCase(), candidate.name().toLowerCase());
            if (distance < best) {
                best = distance;
                closest = candidate;
            }
        }
        return Optional.ofNullable(closest);
    }

    /** Levenshtein distance: insertions, deletions and substitutions. */
    static int editDistance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
