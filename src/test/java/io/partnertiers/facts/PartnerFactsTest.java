package io.partnertiers.facts;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.AnnotatedParameterizedType;
import java.lang.reflect.AnnotatedType;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.Validation;
import jakarta.validation.Validator;

import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.junit.jupiter.api.Test;

/** How the facts are validated: into exactly the items that have something to check. */
class PartnerFactsTest {

    private static final Validator VALIDATOR = Validation.byDefaultProvider().configure()
            .messageInterpolator(new ParameterMessageInterpolator()).buildValidatorFactory().getValidator();

    @Test
    void shouldCascadeIntoEveryListOfItemsWithConstraintsAndIntoNoOther() {
        List<String> wrong = new ArrayList<>();
        for (Class<?> owner : List.of(PartnerFacts.class, Person.class)) {
            for (RecordComponent component : owner.getRecordComponents()) {
                AnnotatedType type = component.getAnnotatedType();
                if (!(type instanceof AnnotatedParameterizedType list) || !(component.getGenericType() instanceof ParameterizedType generic)
                        || !(generic.getActualTypeArguments()[0] instanceof Class<?> item) || !item.isRecord()) {
                    continue;
                }
                boolean cascaded = list.getAnnotatedActualTypeArguments()[0].isAnnotationPresent(Valid.class);
                boolean constrained = VALIDATOR.getConstraintsForClass(item).isBeanConstrained();
                if (cascaded != constrained) {
                    wrong.add(owner.getSimpleName() + "." + component.getName() + " (" + item.getSimpleName() + " has "
                            + (constrained ? "constraints: add @Valid" : "no constraints: @Valid only costs") + ")");
                }
            }
        }
        assertEquals(List.of(), wrong);
    }
}
