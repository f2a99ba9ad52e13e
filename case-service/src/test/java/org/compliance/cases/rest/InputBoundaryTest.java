package org.compliance.cases.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.compliance.cases.rest.CaseApi.caseBody;
import static org.compliance.cases.rest.CaseApi.openCase;
import static org.compliance.cases.rest.CaseApi.token;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Supplier;
import org.compliance.testing.RealPeers;
import org.compliance.testing.Refusals;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Each class of input the suite refuses, sent to the real service with a real token: the answer is problem
 * details naming what is wrong, and the event store holds no more events than before.
 */
@QuarkusTest
@WithTestResource(RealPeers.class)
class InputBoundaryTest {

    @Inject
    AgroalDataSource dataSource;

    @TestHTTPResource("/")
    URI root;

    private String token;
    private String body;

    @BeforeEach
    void setUp() {
        token = token("iris.investigator");
        body = caseBody("Consent for model training", "northwind-cloud", "Northwind Cloud Ltd", "STANDARD");
    }

    @Test
    void text_that_cannot_be_stored_or_shown_is_refused_with_its_field() {
        refusedUnchanged(() -> open(body.replace("Consent for model training", "Consent\\u0000 for")), 400)
                .body("errors[0].pointer", equalTo("/title")).body("detail", containsString("U+0000"));
        refusedUnchanged(() -> open(body.replace("Customers' browsing", "Customers\\u0085 browsing")), 400)
                .body("errors[0].pointer", equalTo("/summary"));
        refusedUnchanged(() -> open(body.replace("Consent for model training", "Consent \\ud83d alone")), 400)
                .body("detail", containsString("unpaired surrogate"));
        refusedUnchanged(() -> open(body.replace("Consent for model training", "\\u200b\\u200b\\u2060")), 400)
                .body("errors[0].pointer", equalTo("/title")).body("detail", containsString("invisible"));
        refusedUnchanged(() -> open(body.replace("A. Customer", "\\u3164")), 400)
                .body("errors[0].pointer", equalTo("/complainants/0/name"));
        refusedUnchanged(() -> open(body.replace("\"kind\": \"PERSON\"", "\"kind\": \"PERSON\\u0000\"")), 400)
                .body("errors[0].pointer", equalTo("/complainants/0/kind"));
        refusedUnchanged(() -> open(body.replace("\"kind\": \"PERSON\"", "\"kind\": \" PERSON\"")), 400)
                .body("errors[0].pointer", equalTo("/complainants/0/kind"));
        refusedUnchanged(() -> open(body.replace("Consent for model training", "Consent\\nfor training")), 422)
                .body("errors.pointer", hasItem("/title"));
        refusedUnchanged(() -> open(body.replace("Consent for model training", "x".repeat(301))), 422)
                .body("errors.pointer", hasItem("/title"));
    }

    @Test
    void a_body_means_exactly_one_thing_or_is_refused() {
        refusedUnchanged(() -> open(body.replace("\"priority\": \"HIGH\",",
                "\"priority\": \"HIGH\", \"priority\": \"LOW\",")), 400)
                .body("detail", containsString("Duplicate field"));
        refusedUnchanged(() -> open(body + " {\"more\": 1}"), 400);
        refusedUnchanged(() -> open(body + " garbage"), 400);
        refusedUnchanged(() -> open(body.replace("\"Consent for model training\"", "3")), 400)
                .body("errors[0].pointer", equalTo("/title")).body("detail", containsString("wrong type"));
        refusedUnchanged(() -> open(body.replace("\"Consent for model training\"", "true")), 400)
                .body("errors[0].pointer", equalTo("/title"));
        refusedUnchanged(() -> open(body.replace("\"priority\": \"HIGH\"", "\"priority\": 0")), 400)
                .body("errors[0].pointer", equalTo("/priority"));
        refusedUnchanged(() -> open(body.replace("\"respondents\": [", "\"respondents\": [null, ")), 400)
                .body("errors[0].pointer", equalTo("/respondents/0"));
        refusedUnchanged(() -> open(body.replace("[\"UK GDPR\",", "[null, \"UK GDPR\",")), 400)
                .body("errors[0].pointer", equalTo("/legalBases/0"));
        refusedUnchanged(() -> open(body.replace("\"2025-01-01\"", "\"\"")), 400)
                .body("errors[0].pointer", equalTo("/allegations/0/conductFrom"));
        refusedUnchanged(() -> open(body.replace("\"2025-01-01\"", "\"+10000-01-01\"")), 400)
                .body("errors[0].pointer", equalTo("/allegations/0/conductFrom"));
        refusedUnchanged(() -> open(body.replace("\"2025-01-01\"", "0")), 400)
                .body("errors[0].pointer", equalTo("/allegations/0/conductFrom"));
        refusedUnchanged(() -> open("[" + body + "]"), 400);
        refusedUnchanged(() -> open("{\"title\": " + "[".repeat(100) + "]".repeat(100) + "}"), 400);
    }

    @Test
    void a_body_says_what_it_is_and_comes_as_utf8() {
        refusedUnchanged(() -> given().auth().oauth2(token).body(body.getBytes(StandardCharsets.UTF_8))
                .when().post("/cases").then(), 415);
        refusedUnchanged(() -> given().auth().oauth2(token).contentType("application/json; charset=UTF-16")
                .body(body.getBytes(StandardCharsets.UTF_16)).when().post("/cases").then(), 415);
        refusedUnchanged(() -> given().auth().oauth2(token).contentType("text/plain").body(body)
                .when().post("/cases").then(), 415);
        for (String range : new String[] {"*/*", "application/*", "application"}) {
            refusedUnchanged(() -> given().auth().oauth2(token).contentType(range)
                    .body(body.getBytes(StandardCharsets.UTF_8)).when().post("/cases").then(), 415);
        }
    }

    @Test
    void money_within_what_the_suite_holds() {
        String caseId = openCase("iris.investigator", "Penalty bounds");
        String decision = """
                {"kind": "MONETARY_PENALTY", "reasons": "Unlawful processing",
                 "monetaryPenalty": {"amount": %s, "currency": "GBP", "worldwideAnnualTurnover": %s}}""";
        refusedUnchanged(() -> decide(caseId, decision.formatted("1000", "1E+1001")), 400)
                .body("errors[0].pointer", equalTo("/monetaryPenalty/worldwideAnnualTurnover"));
        var huge = refusedUnchanged(() -> decide(caseId, decision.formatted("1E+10000000", "1000")), 400)
                .body("errors[0].pointer", equalTo("/monetaryPenalty/amount"));
        assertThat(huge.extract().asString()).hasSizeLessThan(2_000);
        refusedUnchanged(() -> decide(caseId, decision.formatted("0.001", "1000")), 422)
                .body("errors.pointer", hasItem("/monetaryPenalty/amount"));
        refusedUnchanged(() -> decide(caseId, decision.formatted("1234567890123456", "1000")), 422)
                .body("errors.pointer", hasItem("/monetaryPenalty/amount"));
        refusedUnchanged(() -> decide(caseId, decision.formatted("\"1000\"", "1000")), 400)
                .body("errors[0].pointer", equalTo("/monetaryPenalty/amount"));
        refusedUnchanged(() -> decide(caseId, decision.formatted("1000", "1000").replace("GBP", "gbp")), 422)
                .body("errors.pointer", hasItem("/monetaryPenalty/currency"));
        String converted = """
                {"kind": "MONETARY_PENALTY", "reasons": "Unlawful processing",
                 "monetaryPenalty": {"amount": 1000, "currency": "GBP", "worldwideAnnualTurnover": 1000,
                                     "regime": %s, "turnoverCurrency": "USD", "exchangeRate": %s,
                                     "exchangeRateDate": %s}}""";
        refusedUnchanged(() -> decide(caseId, converted.formatted("\"UK GDPR\"", "0.79", "\"2026-11-30\"")), 422)
                .body("errors.pointer", hasItem("/monetaryPenalty/regime"));
        refusedUnchanged(() -> decide(caseId, converted.formatted("null", "0.123456789", "\"2026-11-30\"")), 422)
                .body("errors.pointer", hasItem("/monetaryPenalty/exchangeRate"));
        refusedUnchanged(() -> decide(caseId, converted.formatted("null", "0.79", "\"30/11/2026\"")), 400)
                .body("errors[0].pointer", equalTo("/monetaryPenalty/exchangeRateDate"));
    }

    @Test
    void paths_and_queries_hold_only_readable_text() {
        refusedUnchanged(() -> get("/cases/%00"), 400).body("detail", containsString("U+0000"));
        refusedUnchanged(() -> get("/cases/%C3"), 400).body("detail", containsString("UTF-8"));
        refusedUnchanged(() -> get("/cases/x/%2E%2E/x"), 400).body("detail", containsString(".."));
        refusedUnchanged(() -> get("/cases?q=a%00b"), 400).body("detail", containsString("'q'"));
        refusedUnchanged(() -> get("/cases?q=%ED%A0%80"), 400);
        refusedUnchanged(() -> get("/cases?q=" + "x".repeat(3000)), 400);
        refusedUnchanged(() -> get("/cases?q=" + "x".repeat(9000)), 414);
        refusedUnchanged(() -> given().auth().oauth2(token).header("X-Padding", "p".repeat(20_000))
                .when().get("/cases").then(), 431);
    }

    @Test
    void typed_parameters_are_read_strictly_and_pages_stay_bounded() {
        refusedUnchanged(() -> get("/cases?page=99999999999"), 400).body("errors[0].field", equalTo("page"));
        refusedUnchanged(() -> get("/cases?page=2147483647&size=100"), 422);
        refusedUnchanged(() -> get("/cases?page=-1"), 422);
        refusedUnchanged(() -> get("/cases?size=1e3"), 400).body("errors[0].field", equalTo("size"));
        refusedUnchanged(() -> get("/cases?openedFrom=0"), 400).body("errors[0].field", equalTo("openedFrom"));
        refusedUnchanged(() -> get("/cases?openedFrom=%2B999999-01-01T00:00:00Z"), 400);
        refusedUnchanged(() -> get("/cases?status=opened"), 400).body("errors[0].field", equalTo("status"));
        refusedUnchanged(() -> get("/cases?sort=TITLE%3BDROP"), 400);
        given().auth().oauth2(token).when().get("/cases?openedFrom=2026-01-01T00:00:00Z&status=OPENED&page=0")
                .then().statusCode(200);
    }

    @Test
    void if_match_is_the_etag_as_sent() {
        String caseId = openCase("iris.investigator", "If-Match forms");
        for (String ifMatch : List.of("W/\"0\"", "\"+0\"", "\"000\"", "0", "*", "\"0\", \"1\"")) {
            refusedUnchanged(() -> given().auth().oauth2(token).contentType(ContentType.JSON)
                    .header("If-Match", ifMatch).body("{\"text\": \"A note\"}")
                    .when().post("/cases/" + caseId + "/notes").then(), 400)
                    .body("detail", containsString("If-Match"));
        }
    }

    @Test
    void a_body_without_a_declared_length_is_counted_while_it_is_read() throws Exception {
        long before = Refusals.storedEvents(dataSource);
        try (Socket socket = new Socket(root.getHost(), root.getPort())) {
            OutputStream out = socket.getOutputStream();
            out.write(("POST /cases HTTP/1.1\r\nHost: " + root.getHost() + "\r\nAuthorization: Bearer " + token
                    + "\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            // 20 MB of one JSON string in 64 KiB chunks, written while the answer is read: the server may answer
            // and close as soon as the limit is passed, so writing stops quietly when it can go no further.
            Thread writer = Thread.ofVirtual().start(() -> {
                byte[] chunk = new byte[64 * 1024];
                java.util.Arrays.fill(chunk, (byte) 'x');
                try {
                    writeChunk(out, "{\"title\": \"".getBytes(StandardCharsets.US_ASCII));
                    for (int i = 0; i < 320; i++) {
                        writeChunk(out, chunk);
                    }
                    writeChunk(out, "\"}".getBytes(StandardCharsets.US_ASCII));
                    out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                } catch (java.io.IOException closedByServer) {
                    // expected once the server has answered
                }
            });
            var in = new java.io.BufferedReader(new java.io.InputStreamReader(socket.getInputStream(),
                    StandardCharsets.US_ASCII));
            String statusLine = in.readLine();
            StringBuilder head = new StringBuilder();
            for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
                head.append(line.toLowerCase(java.util.Locale.ROOT)).append('\n');
            }
            assertThat(statusLine).startsWith("HTTP/1.1 413");
            assertThat(head.toString()).contains("content-type: application/problem+json");
            socket.close();
            writer.join();
        }
        assertThat(Refusals.storedEvents(dataSource)).isEqualTo(before);
    }

    private static void writeChunk(OutputStream out, byte[] data) throws java.io.IOException {
        out.write((Integer.toHexString(data.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(data);
        out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
    }

    @Test
    void the_http_layer_answers_with_problem_details_too() {
        given().when().get("/q/openapi").then().statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", containsString("Bearer"));
        given().auth().oauth2(token).contentType(ContentType.JSON).body(body).when().put("/cases")
                .then().statusCode(405).contentType("application/problem+json");
        given().auth().oauth2(token).when().get("/no/such/resource")
                .then().statusCode(404).contentType("application/problem+json");
    }

    private ValidatableResponse open(String json) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(json).when().post("/cases").then();
    }

    private ValidatableResponse decide(String caseId, String json) {
        return given().auth().oauth2(token("sam.supervisor")).contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body(json).when().post("/cases/" + caseId + "/decision").then();
    }

    private ValidatableResponse get(String pathAndQuery) {
        return given().auth().oauth2(token).urlEncodingEnabled(false).when().get(pathAndQuery).then();
    }

    private ValidatableResponse refusedUnchanged(Supplier<ValidatableResponse> request, int status) {
        return Refusals.refusedUnchanged(dataSource, request, status);
    }
}
