package io.partnertiers.api;

import java.time.LocalDate;
import java.time.YearMonth;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;

import io.quarkus.jackson.ObjectMapperCustomizer;

/**
 * Reads partner facts strictly: a misspelt field, a quoted number, a number or boolean where text
 * belongs ({@code "partnerId":42}), 4.5 people or a date-time where a date belongs would otherwise be accepted silently and change a tier without notice.
 */
@Singleton
public class StrictJsonCustomizer implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        strict(mapper);
    }

    /** Last, after Quarkus registers its Java time module: the deserializers registered last are the ones used. */
    @Override
    public int priority() {
        return MINIMUM_PRIORITY;
    }

    /** Applies the strict reading rules to any mapper (the validate command has no CDI container). */
    @SuppressWarnings("deprecation") // ALLOW_COERCION_OF_SCALARS is the one switch that covers every scalar type
    public static ObjectMapper strict(ObjectMapper mapper) {
        mapper.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES,
                DeserializationFeature.FAIL_ON_TRAILING_TOKENS,
                DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES,
                DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS);
        mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
        mapper.configure(MapperFeature.ALLOW_COERCION_OF_SCALARS, false);
        // ALLOW_COERCION_OF_SCALARS leaves text alone: 42, true or 4.5e3 would be read as "42", "true", "4.5e3"
        mapper.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        mapper.enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);
        mapper.configOverride(LocalDate.class).setFormat(JsonFormat.Value.forLeniency(false));
        mapper.configOverride(YearMonth.class).setFormat(JsonFormat.Value.forLeniency(false));
        return BoundedJson.bound(mapper);
    }
}
