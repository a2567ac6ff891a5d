package io.partnertiers.page;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.partnertiers.PartnerJson.AS_OF;
import static io.partnertiers.PartnerJson.LONG_AGO;
import static io.partnertiers.PartnerJson.cert;
import static io.partnertiers.PartnerJson.partner;
import static io.partnertiers.PartnerJson.person;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URL;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Keyboard;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.Request;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.AriaRole;

import io.partnertiers.ApiTest;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * The tier-progress page (/ui/) and the program manager's ladder (/ui/ladder.html) in a real browser:
 * headless Chromium against the service on its test port. Screenshots go to target/screenshots.
 */
@QuarkusTest
class TierProgressPageTest extends ApiTest {

    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final ObjectMapper JSON = new ObjectMapper();

    private static Playwright playwright;
    private static Browser browser;

    @TestHTTPResource("/ui/")
    URL progressPage;

    @TestHTTPResource("/ui/ladder.html")
    URL ladderPage;

    private BrowserContext context;
    private Page page;
    /** What the page logged as an error, or a request the browser refused (a CSP violation is one). */
    private final List<String> browserErrors = new CopyOnWriteArrayList<>();
    private final List<Request> evaluations = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void startBrowser() throws IOException {
        Files.createDirectories(SCREENSHOTS);
        playwright = Chromium.playwright();
        browser = Chromium.launch(playwright);
    }

    @AfterAll
    static void stopBrowser() {
        if (playwright != null) {
            playwright.close();
        }
    }

    @BeforeEach
    void openContext() {
        open(1280, 900);
    }

    @AfterEach
    void closeContext() {
        context.close();
    }

    private void open(int width, int height) {
        if (context != null) {
            context.close();
        }
        browserErrors.clear();
        evaluations.clear();
        context = browser.newContext(new Browser.NewContextOptions().setViewportSize(width, height));
        page = context.newPage();
        page.onConsoleMessage(message -> {
            if ("error".equals(message.type())) {
                browserErrors.add(message.text());
            }
        });
        page.onPageError(error -> browserErrors.add(error));
        page.onRequest(request -> {
            if ("POST".equals(request.method()) && request.url().contains("/evaluations")) {
                evaluations.add(request);
            }
        });
    }

    // --- the README's example ----------------------------------------------------------------------

    /** The body of the README's first microsoft-mpn curl example, as a reader would paste it. */
    static String readmeExample() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        Matcher example = Pattern.compile("/programs/microsoft-mpn/evaluations -d '(\\{.*?\\})'\\s*\\n```", Pattern.DOTALL)
                .matcher(readme);
        assertTrue(example.find(), "README.md has the microsoft-mpn curl example");
        return example.group(1);
    }

    private void evaluateReadmeExample() throws IOException {
        page.navigate(progressPage.toString());
        page.getByLabel("Program").selectOption("microsoft-mpn");
        page.getByLabel("Partner facts (JSON)").fill(readmeExample());
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Evaluate")).click();
        assertThat(segment()).hasText("SUBSCRIBER");
        assertThat(results()).hasAttribute("data-state", "done");
    }

    private Locator segment() {
        return page.getByTestId("segment");
    }

    private Locator results() {
        return page.getByTestId("results");
    }

    private Locator criterion(String tier, String criterion) {
        return page.locator("[data-testid=criterion][data-tier='" + tier + "'][data-criterion='" + criterion + "']");
    }

    @Test
    void shouldShowSubscriberAndTheCustomerReferencesGapInWordsForTheReadmeExample() throws IOException {
        evaluateReadmeExample();

        assertThat(page.getByTestId("next-segment")).containsText("SILVER");
        Locator gap = page.locator("[data-testid=gap][data-criterion=customer-references]");
        assertThat(gap).hasCount(1);
        assertThat(gap).hasAttribute("data-tier", "SILVER");
        assertThat(gap).containsText("1 missing");
        assertThat(gap).containsText("has 1, needs at least 2");
        assertThat(page.locator("[data-testid=tier][data-tier=SUBSCRIBER]")).hasAttribute("aria-current", "step");
        assertThat(page.getByTestId("entitlements")).containsText("None");
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("tier-progress-readme-example.png"))
                .setFullPage(true));
        assertEquals(List.of(), browserErrors);
    }

    @Test
    void shouldDrawEveryCriterionOfTheAnswerWithItsProgressActualAgainstRequired() throws IOException {
        evaluateReadmeExample();

        JsonNode answer = answerFor("microsoft-mpn", readmeExample());
        int criteria = 0;
        for (JsonNode tier : answer.get("tiers")) {
            for (JsonNode c : tier.get("criteria")) {
                criteria++;
                Locator row = criterion(tier.get("tier").asText(), c.get("criterion").asText());
                assertThat(row).hasCount(1);
                assertThat(row).hasAttribute("data-met", c.get("met").asText());
                assertSameValue(c.get("actual"), row.getAttribute("data-actual"), c + " actual");
                assertSameValue(c.get("required"), row.getAttribute("data-required"), c + " required");
                Locator bar = row.getByRole(AriaRole.PROGRESSBAR);
                assertThat(bar).hasCount(1);
                assertEquals(0, expectedMax(c).compareTo(new BigDecimal(bar.getAttribute("aria-valuemax"))),
                        c + ": " + bar.getAttribute("aria-valuemax"));
                assertEquals(0, expectedNow(c).compareTo(new BigDecimal(bar.getAttribute("aria-valuenow"))),
                        c + ": " + bar.getAttribute("aria-valuenow"));
                assertEquals(bar.getAttribute("aria-valuemax"), bar.getAttribute("max"));
                assertEquals(bar.getAttribute("aria-valuenow"), bar.getAttribute("value"));
            }
        }
        assertThat(page.getByTestId("criterion")).hasCount(criteria);
        assertThat(criterion("SILVER", "customer-references").getByTestId("actual")).hasText("1");
        assertThat(criterion("SILVER", "customer-references").getByTestId("required")).hasText("at least 2");
        assertThat(criterion("SILVER", "csat-positive").getByTestId("actual")).hasText("4.6");
        assertThat(criterion("SILVER", "csat-positive").getByTestId("required")).hasText("at least 4.0");
    }

    /** The same JSON value, numbers compared by value (the answer's 4.0 is 4 once the browser read it). */
    private static void assertSameValue(JsonNode expected, String shown, String what) throws IOException {
        assertNotNull(shown, what);
        JsonNode value = JSON.readTree(shown);
        if (expected.isNumber() && value.isNumber()) {
            assertEquals(0, expected.decimalValue().compareTo(value.decimalValue()), what + ": " + shown);
        } else {
            assertEquals(expected, value, what);
        }
    }

    /** The bar's maximum: the required number, or 1 for a yes/no. */
    private static BigDecimal expectedMax(JsonNode c) {
        return c.get("required").isBoolean() ? BigDecimal.ONE : c.get("required").decimalValue();
    }

    private static BigDecimal expectedNow(JsonNode c) {
        JsonNode actual = c.get("actual");
        if (actual.isBoolean()) {
            return actual.asBoolean() ? BigDecimal.ONE : BigDecimal.ZERO;
        }
        return actual.isNull() ? BigDecimal.ZERO : actual.decimalValue();
    }

    /** The answer the API gives, not recorded, for a body pasted into the page. */
    private static JsonNode answerFor(String program, String body) throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        Map<String, Object> request = mapper.readValue(body, mapper.getTypeFactory().constructMapType(Map.class,
                String.class, Object.class));
        request.put("record", false);
        String answer = given().contentType(ContentType.JSON).body(request)
                .when().post("/programs/{program}/evaluations", program)
                .then().statusCode(200).extract().asString();
        return JSON.readTree(answer);
    }

    // --- what-if -----------------------------------------------------------------------------------

    @Test
    void shouldMoveTheWhatIfSegmentToSilverWhenOneCustomerReferenceIsAdded() throws IOException {
        evaluateReadmeExample();

        page.getByLabel("Customer references").fill("1");

        assertThat(page.getByTestId("whatif-segment")).hasText("SILVER");
        assertThat(page.getByTestId("tiers-gained")).hasText("SILVER");
        assertThat(segment()).hasText("SUBSCRIBER");
        assertThat(criterion("SILVER", "customer-references").getByTestId("whatif-actual")).containsText("2 (met)");
        assertThat(page.locator("[data-testid=whatif-gaps] [data-testid=gap]")).hasCount(2);
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("tier-progress-desktop.png")));
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("tier-progress-desktop-full.png"))
                .setFullPage(true));

        JsonNode sent = JSON.readTree(evaluations.get(evaluations.size() - 1).postData());
        assertEquals(1, sent.at("/whatIf/references").size());
        assertEquals("CRM", sent.at("/whatIf/references/0/competency").asText(), "a reference in a certified specialization");
        assertEquals("2026-11-24", sent.at("/whatIf/references/0/date").asText(), "dated on the pasted asOf");

        page.getByLabel("Customer references").fill("");
        assertThat(page.getByTestId("whatif-segment")).isHidden();
    }

    @Test
    void shouldAddCertifiedPeopleInSpecializationsNobodyCoversAndRaiseTheSegmentWithTheTypedWhatIf() throws IOException {
        evaluateReadmeExample();

        // GOLD needs 4 specializations and 5 references: 2 people more, and 4 references (JSON) on top of the one there
        page.getByLabel("Certified people").fill("2");
        page.getByLabel("Other additions (JSON what-if)").fill("{\"references\": ["
                + "{\"customer\": \"A\", \"competency\": \"CRM\", \"signedByCustomer\": true, \"date\": \"2026-11-01\"},"
                + "{\"customer\": \"B\", \"competency\": \"CRM\", \"signedByCustomer\": true, \"date\": \"2026-11-01\"},"
                + "{\"customer\": \"C\", \"competency\": \"ERP\", \"signedByCustomer\": true, \"date\": \"2026-11-01\"},"
                + "{\"customer\": \"D\", \"competency\": \"ERP\", \"signedByCustomer\": true, \"date\": \"2026-11-01\"}]}");

        assertThat(page.getByTestId("whatif-segment")).hasText("GOLD");
        assertThat(page.getByTestId("tiers-gained")).hasText("SILVER, GOLD");
        JsonNode sent = JSON.readTree(evaluations.get(evaluations.size() - 1).postData());
        assertEquals(false, sent.get("record").asBoolean(), "a page view is not a decision");
        assertEquals(2, sent.at("/whatIf/people").size());
        assertEquals(4, sent.at("/whatIf/references").size());

        page.getByLabel("Other additions (JSON what-if)").fill("{\"references\": [");
        assertThat(page.getByTestId("whatif-error")).containsText("not valid JSON");
    }

    @Test
    void shouldEvaluateFactsHandedOverInTheLink() throws IOException {
        String facts = URLEncoder.encode(readmeExample(), StandardCharsets.UTF_8).replace("+", "%20");
        page.navigate(progressPage + "?program=microsoft-mpn#facts=" + facts);

        assertThat(segment()).hasText("SUBSCRIBER");
        assertThat(page.getByLabel("As of")).hasValue("2026-11-24");
    }

    // --- forecast ----------------------------------------------------------------------------------

    @Test
    void shouldShowOnTheTimelineTheDayACertificationExpiresTheSegmentAfterItAndTheCertification() throws IOException {
        // partner-portal SILVER: revenue and two certified people, one of whose certifications expires in 20 days
        Map<String, Object> body = partner().agreementSigned(true).with("revenueTrailing12Months", 300_000)
                .person(person("p-1", List.of(), cert("SALES")))
                .person(person("p-7", List.of(), cert("CSA", "PROCTORED_EXAM", LONG_AGO, AS_OF.plusDays(20))))
                .body();
        page.navigate(progressPage + "?program=partner-portal");
        assertThat(page.getByLabel("Program")).hasValue("partner-portal");
        page.getByLabel("Partner facts (JSON)").fill(JSON.writeValueAsString(body));
        assertThat(page.getByLabel("As of")).hasValue(AS_OF.toString());
        page.getByLabel("Forecast horizon").selectOption("P180D");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Evaluate")).click();

        assertThat(segment()).hasText("SILVER");
        Locator change = page.getByTestId("forecast-change");
        assertThat(change).hasCount(1);
        assertThat(change).hasAttribute("data-date", AS_OF.plusDays(21).toString());
        assertThat(change).hasAttribute("data-segment-after", "BRONZE");
        assertThat(change).containsText("SILVER → BRONZE");
        assertThat(change.locator("time")).hasAttribute("datetime", AS_OF.plusDays(21).toString());
        assertThat(change.getByTestId("forecast-criterion")).containsText("certified-staff (SILVER): 2 → 1");
        assertThat(change.getByTestId("forecast-cause"))
                .hasText("p-7's CSA certificate (CSA) expires on " + AS_OF.plusDays(20));
        assertThat(page.getByTestId("entitlements")).containsText("deal-registration");
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("tier-progress-forecast.png"))
                .setFullPage(true));
    }

    // --- the program manager's ladder ----------------------------------------------------------------

    @Test
    void shouldShowAProgramsLadderAsATableOfTiersByCriteriaWithTheRequiredValues() throws IOException {
        page.navigate(ladderPage + "?program=servicenow-partner");

        Locator table = page.getByTestId("ladder-table");
        assertThat(table).isVisible();
        JsonNode program = JSON.readTree(given().when().get("/programs/servicenow-partner")
                .then().statusCode(200).extract().asString());
        List<String> tiers = new ArrayList<>();
        Set<String> criteria = new LinkedHashSet<>();
        int cells = 0;
        for (JsonNode tier : program.get("tiers")) {
            tiers.add(tier.get("id").asText());
            for (JsonNode c : tier.get("criteria")) {
                criteria.add(c.get("criterion").asText());
                cells++;
                Locator cell = table.locator("[data-testid=ladder-cell][data-tier='" + tier.get("id").asText()
                        + "'][data-criterion='" + c.get("criterion").asText() + "']");
                assertThat(cell).hasCount(1);
                assertSameValue(c.get("required"), cell.getAttribute("data-required"), tier.get("id") + " " + c);
            }
        }
        assertThat(table.locator("thead th[data-tier]")).hasText(tiers.stream()
                .map(id -> Pattern.compile(".*" + id)).toArray(Pattern[]::new));
        assertThat(table.getByTestId("ladder-row")).hasCount(criteria.size());
        assertThat(table.getByTestId("ladder-cell")).hasCount(cells);
        assertThat(table.locator("[data-tier=PREMIER][data-criterion=certified-staff]")).hasText("≥ 15");
        assertThat(table.locator("[data-tier=ELITE][data-criterion=csat-average]")).hasText("≥ 4.4");
        assertThat(table.locator("[data-tier=SPECIALIST][data-criterion=csat-average]")).hasText("≥ 4.0");
        assertThat(table.locator("[data-tier=REGISTERED][data-criterion=agreement-signed]")).hasText("required");
        assertThat(table.locator("[data-tier=REGISTERED][data-criterion=certified-staff]")).containsText("not asked");
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("ladder-desktop.png")).setFullPage(true));

        page.getByLabel("Program").selectOption("partner-portal");
        assertThat(table.locator("caption")).containsText("partner-portal");
        assertThat(table.locator(".entitlements-row td[data-tier=GOLD]")).containsText("mdf-access");
        assertEquals(List.of(), browserErrors);
    }

    // --- accessibility: labels, keyboard, 375 px -----------------------------------------------------

    @Test
    void shouldReachEveryMainControlByTabAndEvaluateWithTheKeyboardAlone() throws IOException {
        page.navigate(progressPage + "?program=microsoft-mpn");
        assertThat(page.getByLabel("Program")).hasValue("microsoft-mpn");
        for (String label : List.of("Program", "Partner facts (JSON)", "Or upload a JSON file", "As of",
                "Forecast horizon", "Record the evaluation as a decision", "Certified people", "Role of the added people",
                "Customer references", "CSAT answers", "Score of the added CSAT answers", "Implementations",
                "Revenue (trailing 12 months)", "Other additions (JSON what-if)")) {
            assertThat(page.getByLabel(label, new Page.GetByLabelOptions().setExact(true))).hasCount(1);
        }

        List<String> reached = new ArrayList<>();
        Keyboard keyboard = page.keyboard();
        for (int i = 0; i < 40; i++) {
            keyboard.press("Tab");
            reached.add((String) page.evaluate("() => document.activeElement.id || document.activeElement.tagName"));
        }
        for (String id : List.of("program", "facts", "facts-file", "as-of", "forecast-horizon", "record", "evaluate",
                "add-people", "add-references", "add-csat", "add-implementations", "whatif-json", "whatif-clear")) {
            assertTrue(reached.contains(id), id + " is not reached by Tab: " + reached);
        }
        assertTrue(reached.indexOf("facts") < reached.indexOf("evaluate"), "the facts come before Evaluate: " + reached);

        page.getByLabel("Partner facts (JSON)").focus();
        page.getByLabel("Partner facts (JSON)").fill(readmeExample());
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Evaluate")).focus();
        keyboard.press("Enter");
        assertThat(segment()).hasText("SUBSCRIBER");
        page.getByLabel("Customer references").focus();
        keyboard.type("1");
        assertThat(page.getByTestId("whatif-segment")).hasText("SILVER");
    }

    @Test
    void shouldFitA375PixelScreenWithoutScrollingSideways() throws IOException {
        open(375, 812);
        evaluateReadmeExample();
        page.getByLabel("Customer references").fill("1");
        assertThat(page.getByTestId("whatif-segment")).hasText("SILVER");
        page.getByLabel("Forecast horizon").selectOption("P5Y");
        assertThat(page.locator("#forecast-summary")).containsText("P5Y");

        assertEquals(375, ((Number) page.evaluate("() => document.documentElement.clientWidth")).intValue());
        assertTrue(((Number) page.evaluate("() => document.documentElement.scrollWidth")).intValue() <= 375,
                "the tier-progress page scrolls sideways at 375 px");
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("tier-progress-375px.png")).setFullPage(true));

        page.navigate(ladderPage + "?program=servicenow-partner");
        assertThat(page.getByTestId("ladder-table")).isVisible();
        assertTrue(((Number) page.evaluate("() => document.documentElement.scrollWidth")).intValue() <= 375,
                "the ladder page scrolls sideways at 375 px (the table scrolls in its own box)");
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("ladder-375px.png")).setFullPage(true));
    }

    // --- decisions, token, errors, safety -------------------------------------------------------------

    @Test
    void shouldRecordOnlyWhenAskedAndOpenTheRecordedDecisionById() throws IOException {
        evaluateReadmeExample();
        assertEquals(false, JSON.readTree(evaluations.get(0).postData()).get("record").asBoolean());
        assertThat(page.getByTestId("recorded")).containsText("Not recorded");

        page.getByLabel("Record the evaluation as a decision").check();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Evaluate")).click();
        assertThat(page.getByTestId("recorded")).containsText("Recorded in the decision log as ");
        String evaluationId = page.getByTestId("recorded").getAttribute("data-evaluation-id");
        assertFalse(evaluationId.isBlank());
        assertEquals(true, JSON.readTree(evaluations.get(evaluations.size() - 1).postData()).get("record").asBoolean());

        page.reload();
        page.getByText("Open a recorded decision (auditor)").click();
        page.getByLabel("Evaluation id").fill(evaluationId);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Open decision")).click();

        assertThat(segment()).hasText("SUBSCRIBER");
        assertThat(page.getByTestId("recorded")).containsText("Recorded decision " + evaluationId);
        assertThat(page.locator("[data-testid=gap][data-criterion=customer-references]")).containsText("1 missing");
        assertThat(page.getByLabel("Program")).hasValue("microsoft-mpn");
        assertThat(page.getByLabel("As of")).hasValue("2026-11-24");
        assertThat(page.getByLabel("Partner facts (JSON)"))
                .hasValue(Pattern.compile(".*\"partnerId\": \"acme\".*", Pattern.DOTALL));

        page.getByLabel("Evaluation id").fill("00000000-0000-0000-0000-000000000000");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Open decision")).click();
        assertThat(page.getByTestId("problem")).isVisible();
    }

    @Test
    void shouldSendTheTokenAsABearerHeaderAndKeepItInTheTabOnly() throws IOException {
        page.navigate(progressPage.toString());
        page.getByText("Access token").click();
        page.getByLabel("Bearer token (optional)").fill("a.b.c");
        Request programs = page.waitForRequest(request -> request.url().endsWith("/programs"),
                () -> page.getByLabel("Bearer token (optional)").press("Tab"));
        assertEquals("Bearer a.b.c", programs.headerValue("authorization"));
        assertEquals("a.b.c", page.evaluate("() => sessionStorage.getItem('partner-tiers.token')"));
        assertNull(page.evaluate("() => localStorage.getItem('partner-tiers.token')"));

        page.getByLabel("Program").selectOption("microsoft-mpn");
        page.getByLabel("Partner facts (JSON)").fill(readmeExample());
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Evaluate")).click();
        assertThat(segment()).hasText("SUBSCRIBER");
        assertEquals("Bearer a.b.c", evaluations.get(evaluations.size() - 1).headerValue("authorization"));
    }

    @Test
    void shouldNameTheOffendingFieldOfFactsTheServiceRefuses() {
        page.navigate(progressPage + "?program=microsoft-mpn");
        page.getByLabel("Partner facts (JSON)").fill("{\"partnerId\": \"acme\", \"people\": 5}");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Evaluate")).click();
        assertThat(page.getByTestId("problem")).containsText("partner.people");
        assertThat(results()).hasAttribute("data-state", "error");

        page.getByLabel("Partner facts (JSON)").fill("{\"partnerId\": ");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Evaluate")).click();
        assertThat(page.getByTestId("facts-error")).containsText("Not valid JSON");
        assertThat(page.getByLabel("Partner facts (JSON)")).hasAttribute("aria-invalid", "true");
    }

    @Test
    void shouldShowMarkupInTheFactsAsTextAndServeThePageUnderAStrictContentSecurityPolicy() throws IOException {
        Response response = page.navigate(progressPage + "?program=partner-portal");
        String policy = response.headerValue("content-security-policy");
        assertNotNull(policy);
        assertTrue(policy.contains("default-src 'none'") && policy.contains("script-src 'self'")
                && !policy.contains("unsafe-inline"), policy);
        String hostile = "<img src=x onerror=\"window.pwned=1\">";
        Map<String, Object> body = partner().agreementSigned(true).with("revenueTrailing12Months", 300_000)
                .person(person("p-1", List.of(), cert("SALES")))
                .person(person("p-7", List.of(), Map.of("name", hostile, "specialization", hostile,
                        "earnedOn", LONG_AGO.toString(), "expiresOn", AS_OF.plusDays(20).toString())))
                .body();
        page.getByLabel("Partner facts (JSON)").fill(JSON.writeValueAsString(body));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Evaluate")).click();

        assertThat(page.getByTestId("forecast-cause")).containsText(hostile);
        assertThat(page.locator("#results img")).hasCount(0);
        assertNull(page.evaluate("() => window.pwned"));
        assertEquals(List.of(), browserErrors);
    }
}
