package io.partnertiers.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

import io.partnertiers.ApiTest;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class ProgramsApiTest extends ApiTest {

    @Test
    void shouldListTheShippedProgramsWithTheirTiersLowestFirst() {
        given().when().get("/programs")
                .then().statusCode(200)
                .body("id", contains("cisco-adopt-incentive", "cisco-cx", "iped-cs-readiness", "microsoft-mpn",
                        "microsoft-solutions-partner",
                        "partner-portal", "salesforce-csat-points", "servicenow-partner", "servicenow-tpp"))
                .body("find { it.id == 'servicenow-partner' }.tiers",
                        contains("REGISTERED", "SPECIALIST", "PREMIER", "ELITE", "GLOBAL_ELITE"))
                .body("find { it.id == 'microsoft-mpn' }.tiers", contains("REGISTERED", "SUBSCRIBER", "SILVER", "GOLD"))
                .body("find { it.id == 'cisco-cx' }.tiers", contains("CX_SPECIALIZATION", "ADVANCED_CX_SPECIALIZATION"))
                .body("find { it.id == 'salesforce-csat-points' }.tiers",
                        contains("POINTS_10", "POINTS_20", "POINTS_30", "POINTS_40", "POINTS_50"))
                .body("find { it.id == 'iped-cs-readiness' }.tiers", contains("FORMULATING", "PREPARING", "ASPIRING", "OPTIMIZING"))
                .body("find { it.id == 'servicenow-tpp' }.tiers", contains("TIER_3", "TIER_2", "TIER_1"))
                .body("find { it.id == 'partner-portal' }.tiers", contains("BRONZE", "SILVER", "GOLD", "PLATINUM"))
                .body("find { it.id == 'cisco-adopt-incentive' }.tiers", contains("ELIGIBLE"))
                .body("name", everyItem(notNullValue()))
                .body("rulesetVersion", everyItem(matchesPattern("[0-9a-f]{12}")));
    }

    @Test
    void shouldDescribeOneProgramWithEveryCriterionAndRequiredValue() {
        given().when().get("/programs/microsoft-mpn")
                .then().statusCode(200)
                .body("id", equalTo("microsoft-mpn"))
                .body("tiers.id", contains("REGISTERED", "SUBSCRIBER", "SILVER", "GOLD"))
                .body("tiers[0].criteria[0].criterion", equalTo("agreement-signed"))
                .body("tiers[0].criteria[0].required", equalTo(true))
                .body("tiers[3].criteria.criterion",
                        contains("certified-specializations", "customer-references", "csat-positive"))
                .body("tiers[3].criteria.required", contains(4, 5, new BigDecimal("4.0")))
                .body("tiers[2].criteria.required", contains(2, 2, new BigDecimal("4.0")))
                .body("tiers.criteria.flatten().description", everyItem(notNullValue()));
    }

    @Test
    void shouldShowServicenowThresholdsAsShipped() {
        given().when().get("/programs/servicenow-partner")
                .then().statusCode(200)
                .body("tiers.find { it.id == 'PREMIER' }.criteria.find { it.criterion == 'certified-staff' }.required",
                        equalTo(15))
                .body("tiers.find { it.id == 'GLOBAL_ELITE' }.criteria.find { it.criterion == 'csat-average' }.required",
                        equalTo(new BigDecimal("4.5")));
    }

    @Test
    void shouldShowEntitlementsOfEachTier() {
        given().when().get("/programs/partner-portal")
                .then().statusCode(200)
                .body("tiers.find { it.id == 'GOLD' }.entitlements",
                        contains("extended-catalog", "volume-discounts", "priority-support", "mdf-access"));
    }

    @Test
    void shouldAnswer404ProblemForAnUnknownProgram() {
        given().when().get("/programs/nope")
                .then().statusCode(404).contentType("application/problem+json")
                .body("status", equalTo(404));
    }

    @Test
    void shouldBeReadyOnceEveryProgramCompiled() {
        given().when().get("/q/health/ready")
                .then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.find { it.name == 'rules' }.data.'servicenow-partner'", matchesPattern("[0-9a-f]{12}"));
    }
}
