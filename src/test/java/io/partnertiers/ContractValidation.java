package io.partnertiers;

import java.nio.file.Path;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.restassured.OpenApiValidationFilter;

import io.restassured.RestAssured;

/**
 * Every answer any REST Assured test receives must be one that {@code openapi/openapi.yaml}
 * describes: its status listed for the operation, its body valid against that status's schema.
 * A drifting answer fails the test that got it. Requests are not checked: many tests send what
 * the contract forbids on purpose. Registered for every test class through JUnit's extension
 * auto-detection (switched on in the pom's surefire configuration).
 */
public class ContractValidation implements BeforeAllCallback {

    /** One validator for the whole run: parsing the document takes a while. */
    static final OpenApiInteractionValidator VALIDATOR = OpenApiInteractionValidator
            .createForSpecificationUrl(Path.of("openapi", "openapi.yaml").toUri().toString())
            .withLevelResolver(LevelResolver.create()
                    .withLevel("validation.request", ValidationReport.Level.IGNORE)
                    .build())
            .build();
    static final OpenApiValidationFilter FILTER = new OpenApiValidationFilter(VALIDATOR);

    /**
     * A {@code @QuarkusTest} class, and the REST Assured it calls, are loaded by Quarkus' class
     * loader, not by the one that found this extension: the filter is installed through the test
     * class's own loader, so that it lands in the REST Assured the test uses.
     */
    @Override
    public void beforeAll(ExtensionContext context) throws ReflectiveOperationException {
        Class.forName(ContractValidation.class.getName(), true, context.getRequiredTestClass().getClassLoader())
                .getMethod("install").invoke(null);
    }

    public static void install() {
        if (!RestAssured.filters().contains(FILTER)) {
            RestAssured.filters(FILTER);
        }
    }
}
