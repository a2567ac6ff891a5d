package io.partnertiers.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.partnertiers.facts.Values;
import io.partnertiers.ndjson.NdjsonLines;

/**
 * What the OpenAPI document says once for every operation, so that no resource can forget it
 * (registered with {@code mp.openapi.filter}):
 * <ul>
 * <li>every 4xx and 5xx answer is an RFC 9457 problem ({@code application/problem+json});</li>
 * <li>the answers any operation can give are listed: 401 and 403 where a role is needed, 413 for a
 * body declared too large ({@link BodySizeLimit}; not for a batch, whose body is a stream of any
 * length), 406, 414 and 431 from the HTTP layer, 500;</li>
 * <li>a schema that is one of several types and may be null keeps its null (SmallRye writes such a
 * schema as {@code enum: [null]}, which no value but null matches), and says so to client generators
 * too ({@code x-nullable});</li>
 * <li>an id's pattern, written with Java's Unicode classes, is said in words;</li>
 * <li>each operation carries the examples of {@code openapi-examples/<operationId>.json}, taken from
 * real calls by {@code bench/openapi-examples}.</li>
 * </ul>
 */
public class OpenApiContract implements OASFilter {

    private static final String PROBLEM = "#/components/schemas/Problem";
    private static final String EXAMPLES = "openapi-examples/";

    /** Answers any operation can give, whatever it does. */
    private static final Map<String, String> EVERY_OPERATION = Map.of(
            "406", "The Accept header allows no JSON answer",
            "413", "The body is larger than the service accepts (4 MB)",
            "414", "The request line is longer than 8 KB; answered by the HTTP layer, with no body",
            "431", "The headers are larger than 16 KB; answered by the HTTP layer, with no body",
            "500", "An unexpected failure; it is logged and the answer says nothing internal");

    /** What the HTTP layer answers before any of our code runs: an empty body. */
    private static final List<String> WITHOUT_BODY = List.of("414", "431");

    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() != null && openAPI.getPaths().getPathItems() != null) {
            openAPI.getPaths().getPathItems().values().forEach(item -> item.getOperations().values().forEach(this::complete));
        }
        if (openAPI.getComponents() != null && openAPI.getComponents().getSchemas() != null) {
            Map<String, Schema> schemas = openAPI.getComponents().getSchemas();
            for (String name : reachable(schemas, "EvaluationRequest")) {
                optionalMayBeNull(schemas, schemas.get(name));
            }
            schemas.values().forEach(schema -> keepNullWithoutType(schemas, schema));
            schemas.values().forEach(OpenApiContract::portableIdPattern);
            dropUnused(openAPI, schemas);
        }
    }

    /**
     * OpenAPI patterns are ECMA 262 regular expressions, which know no Unicode classes such as
     * {@code \\p{L}} (validators refuse every id against it): the id's alphabet is said in words.
     */
    private static void portableIdPattern(Schema schema) {
        if (schema.getProperties() == null) {
            return;
        }
        for (Schema property : schema.getProperties().values()) {
            if (Values.ID_PATTERN.equals(property.getPattern())) {
                property.setPattern(null);
                property.setMinLength(1);
                property.setMaxLength(200);
                property.setDescription("1 to 200 letters, digits, spaces and . _ : @ # / + -, starting with a letter or digit");
            }
        }
    }

    /** Schemas written out in place by {@link #nullableCopy} may be referred to by nothing any more. */
    private static void dropUnused(OpenAPI openAPI, Map<String, Schema> schemas) {
        List<String> roots = new ArrayList<>();
        openAPI.getPaths().getPathItems().values().forEach(item -> item.getOperations().values().forEach(operation -> {
            if (operation.getParameters() != null) {
                operation.getParameters().forEach(p -> collectRefs(p.getSchema(), roots));
            }
            List<Content> contents = new ArrayList<>();
            if (operation.getRequestBody() != null) {
                contents.add(operation.getRequestBody().getContent());
            }
            operation.getResponses().getAPIResponses().values().forEach(r -> contents.add(r.getContent()));
            contents.stream().filter(c -> c != null && c.getMediaTypes() != null)
                    .forEach(c -> c.getMediaTypes().values().forEach(m -> collectRefs(m.getSchema(), roots)));
        }));
        List<String> used = new ArrayList<>();
        roots.forEach(root -> reachable(schemas, root).forEach(used::add));
        new ArrayList<>(schemas.keySet()).stream().filter(name -> !used.contains(name))
                .forEach(openAPI.getComponents()::removeSchema);
    }

    /** The component schemas that {@code root} refers to, itself included, directly or not. */
    private static List<String> reachable(Map<String, Schema> schemas, String root) {
        List<String> found = new ArrayList<>();
        List<String> next = new ArrayList<>(List.of(root));
        while (!next.isEmpty()) {
            String name = next.remove(next.size() - 1);
            if (found.contains(name) || !schemas.containsKey(name)) {
                continue;
            }
            found.add(name);
            collectRefs(schemas.get(name), next);
        }
        return found;
    }

    private static void collectRefs(Schema schema, List<String> into) {
        if (schema == null) {
            return;
        }
        if (schema.getRef() != null) {
            into.add(schema.getRef().substring(schema.getRef().lastIndexOf('/') + 1));
        }
        if (schema.getProperties() != null) {
            schema.getProperties().values().forEach(p -> collectRefs(p, into));
        }
        collectRefs(schema.getItems(), into);
        if (schema.getAdditionalPropertiesSchema() != null) {
            collectRefs(schema.getAdditionalPropertiesSchema(), into);
        }
        for (List<Schema> group : java.util.Arrays.asList(schema.getAllOf(), schema.getOneOf(), schema.getAnyOf())) {
            if (group != null) {
                group.forEach(g -> collectRefs(g, into));
            }
        }
    }

    /**
     * The facts are read leniently about absence: a field sent as null is a field not sent, and a
     * stored decision gives back the facts with every absent field as null. So every property of
     * the request that is not required may be null.
     */
    private static void optionalMayBeNull(Map<String, Schema> schemas, Schema schema) {
        if (schema.getProperties() == null) {
            return;
        }
        List<String> required = schema.getRequired() == null ? List.of() : schema.getRequired();
        for (Map.Entry<String, Schema> entry : new ArrayList<>(schema.getProperties().entrySet())) {
            Schema property = entry.getValue();
            if (required.contains(entry.getKey())) {
                continue;
            }
            if (property.getRef() != null) {
                schema.addProperty(entry.getKey(), nullableCopy(schemas, property));
            } else if (property.getType() != null && !property.getType().contains(Schema.SchemaType.NULL)) {
                property.addType(Schema.SchemaType.NULL);
            }
        }
    }

    private void complete(Operation operation) {
        APIResponses responses = operation.getResponses();
        boolean secured = operation.getSecurity() != null && !operation.getSecurity().isEmpty();
        if (secured) {
            responses.addAPIResponse("401", response("No bearer token, or one that is malformed, expired, wrongly signed"
                    + " or from another issuer (with WWW-Authenticate: Bearer)"));
            responses.addAPIResponse("403", response("The token does not carry the role this operation needs"));
        }
        boolean streamed = operation.getRequestBody() != null && operation.getRequestBody().getContent() != null
                && operation.getRequestBody().getContent().hasMediaType(NdjsonLines.MEDIA_TYPE);
        EVERY_OPERATION.forEach((status, description) -> {
            if (!responses.hasAPIResponse(status) && !(streamed && status.equals("413"))) {
                responses.addAPIResponse(status, response(description));
            }
        });
        Map<String, APIResponse> sorted = new java.util.TreeMap<>(responses.getAPIResponses());
        sorted.forEach((status, response) -> {
            if (status.charAt(0) >= '4' && response.getContent() == null && !WITHOUT_BODY.contains(status)) {
                response.setContent(problemContent());
            }
        });
        responses.setAPIResponses(sorted);
        addExamples(operation);
    }

    private static APIResponse response(String description) {
        return OASFactory.createAPIResponse().description(description);
    }

    private static Content problemContent() {
        return OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE,
                OASFactory.createMediaType().schema(OASFactory.createSchema().ref(PROBLEM)));
    }

    /**
     * {@code openapi-examples/<operationId>.json}: {@code {"request": …, "responses": {"200": …, "404": …}}},
     * each value a body exactly as sent or received.
     */
    private void addExamples(Operation operation) {
        Map<String, Object> examples = read(EXAMPLES + operation.getOperationId() + ".json");
        if (examples == null) {
            return;
        }
        if (examples.get("request") != null && operation.getRequestBody() != null) {
            operation.getRequestBody().getContent().getMediaTypes().values()
                    .forEach(media -> media.setExample(examples.get("request")));
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> answers = (Map<String, Object>) examples.getOrDefault("responses", Map.of());
        answers.forEach((status, body) -> {
            APIResponse response = operation.getResponses().getAPIResponse(status);
            if (response == null || response.getContent() == null) {
                throw new IllegalStateException("Example for an answer " + operation.getOperationId() + " does not document: "
                        + status);
            }
            for (MediaType media : response.getContent().getMediaTypes().values()) {
                media.setExample(body);
            }
        });
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> read(String resource) {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        try (InputStream in = (loader != null ? loader : OpenApiContract.class.getClassLoader()).getResourceAsStream(resource)) {
            return in == null ? null : JSON.readValue(in, LinkedHashMap.class);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + resource, e);
        }
    }

    /**
     * The schema a property refers to, written out in place and allowed to be null: OpenAPI 3.0's
     * {@code nullable} does not reach into a {@code $ref} (or an {@code allOf} around one), so
     * validators refuse a null there.
     */
    private static Schema nullableCopy(Map<String, Schema> schemas, Schema property) {
        Schema target = schemas.get(property.getRef().substring(property.getRef().lastIndexOf('/') + 1));
        Schema copy = OASFactory.createSchema()
                .description(property.getDescription() != null ? property.getDescription() : target.getDescription())
                .format(target.getFormat()).pattern(target.getPattern()).example(target.getExample())
                .properties(target.getProperties()).required(target.getRequired()).items(target.getItems());
        copy.setType(new ArrayList<>(target.getType() == null ? List.of() : target.getType()));
        copy.addType(Schema.SchemaType.NULL);
        if (target.getEnumeration() != null) {
            List<Object> values = new ArrayList<>(target.getEnumeration());
            values.add(null);
            copy.setEnumeration(values);
        }
        return copy;
    }

    /**
     * A nullable property with no type of its own (one of several types, or a reference) would be
     * written as {@code enum: [null]}, which no value but null matches: one of several types gets
     * null as one of them, a reference to an object is an object that may be null.
     * <p>
     * One of several types also gets {@code x-nullable: true}: OpenAPI 3.0 has no {@code nullable}
     * for a schema without a type (Redocly refuses it), so a generated client, which reads the
     * nullability of the union and not of its alternatives, would refuse a null (openapi-generator
     * honours {@code x-nullable}). The number-or-boolean values are {@code anyOf} rather than
     * {@code oneOf} for the same client: the types are disjoint, so both say the same to a validator,
     * but the generated {@code oneOf} reader counts the alternatives a value can be read as, and its
     * Jackson reads an integer as a boolean too, so {@code 2} would match twice and fail.
     */
    private static void keepNullWithoutType(Map<String, Schema> schemas, Schema schema) {
        if (schema.getProperties() == null) {
            return;
        }
        for (Map.Entry<String, Schema> entry : new ArrayList<>(schema.getProperties().entrySet())) {
            Schema property = entry.getValue();
            List<Object> enumeration = property.getEnumeration();
            // SmallRye models a nullable reference as anyOf: [{$ref}, {type: null}]
            List<Schema> anyOf = property.getAnyOf();
            boolean nullableRef = property.getRef() == null && anyOf != null && anyOf.size() == 2 && anyOf.get(0).getRef() != null
                    && List.of(Schema.SchemaType.NULL).equals(anyOf.get(1).getType());
            boolean nullable = nullableRef || enumeration != null && enumeration.equals(Collections.singletonList(null))
                    || property.getType() != null && property.getType().contains(Schema.SchemaType.NULL);
            boolean typeless = property.getType() == null || property.getType().equals(List.of(Schema.SchemaType.NULL));
            if (!nullable) {
                continue;
            }
            if (nullableRef) {
                property.setRef(anyOf.get(0).getRef());
            }
            List<Schema> alternatives = property.getOneOf() != null ? property.getOneOf() : property.getAnyOf();
            if (property.getRef() != null) {
                schema.addProperty(entry.getKey(), nullableCopy(schemas, property));
            } else if (alternatives != null && typeless) {
                property.setEnumeration(null);
                property.setType(null);
                alternatives.get(0).addType(Schema.SchemaType.NULL);
                property.addExtension("x-nullable", true);
            }
        }
    }
}
