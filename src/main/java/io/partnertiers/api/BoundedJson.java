package io.partnertiers.api;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.function.Function;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.KeyDeserializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.NumberDeserializers;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.module.SimpleModule;

import io.partnertiers.facts.Values;

/**
 * Bounds on everything a JSON body can carry, checked while it is read so that no hostile value
 * reaches the facts: the size of numbers, strings and nesting; decimals of bounded precision and
 * no negative zero; dates and months in the accepted years; text without control or invisible
 * characters, in values and in object keys. A rejected value is an {@link OutOfBounds}, reported
 * as a 400 naming the field.
 */
final class BoundedJson {

    /** The longest number literal: 20 digits, a point, 10 digits and a sign fit with room. */
    static final int MAX_NUMBER_LENGTH = 40;
    static final int MAX_STRING_LENGTH = 10_000;
    static final int MAX_NESTING = 32;

    private BoundedJson() {
    }

    /** A value outside what the facts accept; the message says what would be. */
    static final class OutOfBounds extends InvalidFormatException {

        OutOfBounds(JsonParser parser, String reason, Object value, Class<?> target) {
            super(parser, reason, value, target);
        }
    }

    static ObjectMapper bound(ObjectMapper mapper) {
        mapper.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxNumberLength(MAX_NUMBER_LENGTH).maxStringLength(MAX_STRING_LENGTH).maxNestingDepth(MAX_NESTING)
                .build());
        SimpleModule module = new SimpleModule("bounded-facts");
        module.addDeserializer(String.class, new Text());
        module.addKeyDeserializer(String.class, new TextKey());
        module.addDeserializer(BigDecimal.class, new Decimal());
        module.addDeserializer(Integer.class, new WholeNumber<>(new NumberDeserializers.IntegerDeserializer(Integer.class, null)));
        module.addDeserializer(int.class, new WholeNumber<>(new NumberDeserializers.IntegerDeserializer(int.class, 0)));
        module.addDeserializer(Long.class, new WholeNumber<>(new NumberDeserializers.LongDeserializer(Long.class, null)));
        module.addDeserializer(long.class, new WholeNumber<>(new NumberDeserializers.LongDeserializer(long.class, 0L)));
        module.addDeserializer(LocalDate.class, new Temporal<>(LocalDate.class, Values::date));
        module.addDeserializer(YearMonth.class, new Temporal<>(YearMonth.class, Values::month));
        return mapper.registerModule(module);
    }

    private static final class Text extends JsonDeserializer<String> {
        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            String text = StringDeserializer.instance.deserialize(p, ctxt);
            String problem = text == null ? null : Values.textProblem(text);
            if (problem != null) {
                throw new OutOfBounds(p, problem, text, String.class);
            }
            return text;
        }
    }

    private static final class TextKey extends KeyDeserializer {
        @Override
        public Object deserializeKey(String key, DeserializationContext ctxt) throws IOException {
            String problem = Values.textProblem(key);
            if (problem != null || key.isBlank() || key.length() > 100) {
                throw new OutOfBounds(ctxt.getParser(), "a key " + (problem != null ? problem
                        : "must have 1 to 100 characters"), key, String.class);
            }
            return key;
        }
    }

    private static final class Decimal extends JsonDeserializer<BigDecimal> {
        @Override
        public BigDecimal deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            String written = p.currentToken() != null && p.currentToken().isNumeric() ? p.getText() : null;
            BigDecimal number = NumberDeserializers.BigDecimalDeserializer.instance.deserialize(p, ctxt);
            if (number == null) {
                return null;
            }
            String problem = Values.decimalProblem(number);
            if (problem == null && isNegativeZero(written, number)) {
                problem = "must not be a negative zero";
            }
            if (problem != null) {
                throw new OutOfBounds(p, problem, written, BigDecimal.class);
            }
            return number;
        }
    }

    private static final class WholeNumber<T extends Number> extends JsonDeserializer<T> {

        private final JsonDeserializer<T> delegate;

        WholeNumber(JsonDeserializer<T> delegate) {
            this.delegate = delegate;
        }

        @Override
        public T deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            String written = p.currentToken() == JsonToken.VALUE_NUMBER_INT ? p.getText() : null;
            T number = delegate.deserialize(p, ctxt);
            if (number != null && isNegativeZero(written, number)) {
                throw new OutOfBounds(p, "must not be a negative zero", written, number.getClass());
            }
            return number;
        }

        @Override
        public T getNullValue(DeserializationContext ctxt) throws com.fasterxml.jackson.databind.JsonMappingException {
            return delegate.getNullValue(ctxt);
        }
    }

    private static final class Temporal<T> extends JsonDeserializer<T> {

        private final Class<T> type;
        private final Function<String, T> parse;

        Temporal(Class<T> type, Function<String, T> parse) {
            this.type = type;
            this.parse = parse;
        }

        @Override
        public T deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (p.currentToken() != JsonToken.VALUE_STRING) {
                return type.cast(ctxt.handleUnexpectedToken(type, p));
            }
            String text = p.getText();
            try {
                return parse.apply(text);
            } catch (IllegalArgumentException e) {
                throw new OutOfBounds(p, e.getMessage(), text, type);
            }
        }
    }

    private static boolean isNegativeZero(String written, Number value) {
        return written != null && written.startsWith("-") && (value instanceof BigDecimal decimal ? decimal.signum() == 0
                : value.longValue() == 0);
    }
}
