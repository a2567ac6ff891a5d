package io.partnertiers.api;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;

import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyWriter;
import jakarta.ws.rs.ext.Provider;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.partnertiers.evaluation.Answer;

/**
 * Sends an evaluation's answer: the bytes the decision log wrote to store it when there are some, so
 * that a recorded answer is not written as JSON twice; otherwise the result, written as any other body.
 */
@Provider
@Produces(MediaType.APPLICATION_JSON)
public class AnswerBodyWriter implements MessageBodyWriter<Answer> {

    private final ObjectMapper json;

    AnswerBodyWriter(ObjectMapper json) {
        this.json = json;
    }

    @Override
    public boolean isWriteable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return type == Answer.class;
    }

    @Override
    public void writeTo(Answer answer, Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType,
            MultivaluedMap<String, Object> httpHeaders, OutputStream body) throws IOException {
        if (answer.json() != null) {
            body.write(answer.json());
        } else {
            json.writeValue(body, answer.result());
        }
    }
}
