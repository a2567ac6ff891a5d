package io.partnertiers;

import static io.restassured.RestAssured.given;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;

import io.restassured.RestAssured;
import io.restassured.config.JsonConfig;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;

/** Common ground of the HTTP tests: exact decimals in answers, and the exchange printed when a test fails. */
public abstract class ApiTest {

    @BeforeAll
    static void configureRestAssured() {
        RestAssured.config = RestAssured.config()
                .jsonConfig(JsonConfig.jsonConfig().numberReturnType(JsonPathConfig.NumberReturnType.BIG_DECIMAL));
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    /** Posts an evaluation and returns the 200 answer. */
    protected static JsonPath evaluate(String program, Map<String, Object> body) {
        return given().contentType(ContentType.JSON).body(body)
                .when().post("/programs/{program}/evaluations", program)
                .then().statusCode(200).contentType(ContentType.JSON)
                .extract().jsonPath();
    }

    /** The gap for one criterion, or null when that criterion is not a gap. */
    protected static Map<String, Object> gap(JsonPath answer, String criterion) {
        List<Map<String, Object>> gaps = answer.getList("gaps");
        return gaps.stream().filter(g -> criterion.equals(g.get("criterion"))).findFirst().orElse(null);
    }

    protected static List<String> gapCriteria(JsonPath answer) {
        return answer.getList("gaps.criterion");
    }

    /** One criterion's result inside one tier of the answer. */
    protected static Map<String, Object> criterion(JsonPath answer, String tier, String criterion) {
        return answer.getMap("tiers.find { it.tier == '" + tier + "' }.criteria.find { it.criterion == '" + criterion + "' }");
    }
}
