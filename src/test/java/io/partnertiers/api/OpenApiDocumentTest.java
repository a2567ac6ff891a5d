package io.partnertiers.api;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * The committed {@code openapi/openapi.yaml} must be the document the service serves, so that
 * every API change shows up as a diff in review. On a mismatch the served document is written
 * to {@code target/openapi.yaml}: copy it over the committed one if the change is intended.
 */
@QuarkusTest
class OpenApiDocumentTest {

    private static final Path COMMITTED = Path.of("openapi", "openapi.yaml");
    private static final Path GENERATED = Path.of("target", "openapi.yaml");

    @Test
    void shouldMatchTheCommittedDocument() throws IOException {
        String served = given().queryParam("format", "yaml").when().get("/q/openapi")
                .then().statusCode(200).extract().asString();
        String committed = Files.exists(COMMITTED) ? Files.readString(COMMITTED) : "";

        if (!committed.equals(served)) {
            Files.writeString(GENERATED, served);
        }
        assertEquals(committed, served, "openapi/openapi.yaml is out of date: cp " + GENERATED + " " + COMMITTED);
    }
}
