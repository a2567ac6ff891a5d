package io.partnertiers.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

import io.partnertiers.facts.PartnerFacts;

/** The strict mapper as the CLI (validate, impact) uses it, without the HTTP layer. */
class StrictJsonCustomizerTest {

    private static final ObjectMapper STRICT = StrictJsonCustomizer.strict(new ObjectMapper().findAndRegisterModules());

    @ParameterizedTest
    @ValueSource(strings = {"{\"partnerId\":42}", "{\"partnerId\":true}", "{\"partnerId\":4.5e3}",
            "{\"partnerId\":\"a\",\"toolkits\":[1]}", "{\"partnerId\":\"a\",\"people\":[{\"id\":7}]}"})
    void shouldRefuseANumberOrBooleanWhereTextBelongs(String json) {
        MismatchedInputException refused = assertThrows(MismatchedInputException.class,
                () -> STRICT.readValue(json, PartnerFacts.class));

        assertEquals(String.class, refused.getTargetType());
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"partnerId\":\"42\",\"toolkits\":[\"1\"],\"people\":[{\"id\":\"7\",\"roles\":[\"CSM\"]}]}"})
    void shouldStillReadText(String json) throws Exception {
        assertEquals("42", STRICT.readValue(json, PartnerFacts.class).partnerId());
    }
}
