package io.partnertiers.rules;

import java.util.List;

/**
 * What one criterion rule measures, as written after {@code $actual :}: {@code successPlansOnTime(90)}
 * is the measure {@code successPlansOnTime} with the arguments {@code ["90"]}; a property such as
 * {@code certifiedStaff} has none. Text arguments are given without their quotes.
 */
public record MeasureCall(String measure, List<String> arguments) {

    public MeasureCall {
        arguments = List.copyOf(arguments);
    }

    static MeasureCall of(MeasureExpression.Call call) {
        return new MeasureCall(call.measure(), call.arguments().stream().map(MeasureExpression.Literal::value).toList());
    }
}
