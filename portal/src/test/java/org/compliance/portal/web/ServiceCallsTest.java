package org.compliance.portal.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.compliance.portal.web.StubbedServices.Answer;
import org.compliance.portal.web.StubbedServices.Call;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The portal's calls to the services, against stand-ins for case-service and evidence-service: every call carries the
 * signed-in user's token and the request id; a next step goes where case-service said, with the version the user
 * saw; every evidence change carries the version the page was rendered from; the services' problems and silence
 * are shown as before.
 */
@QuarkusTest
@TestProfile(ServiceCallsTest.AgainstStubbedServices.class)
class ServiceCallsTest {

    public static class AgainstStubbedServices implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.oidc.tenant-enabled", "false",
                    "quarkus.http.auth.permission.signed-in.policy", "permit",
                    "portal.test.signed-in-token", TestSignIn.TOKEN);
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(StubbedServices.class));
        }
    }

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String CASE = "{\"caseId\":\"c-1\",\"version\":%d,\"title\":\"Northwind: consent\","
            + "\"authority\":\"ICO\",\"status\":\"DECISION_ISSUED\"}";
    private static final String REQUEST = "{\"request\":{\"requestId\":\"r-1\",\"version\":%d,\"caseId\":\"c-1\","
            + "\"organisationAlias\":\"northwind-cloud\",\"items\":[\"Consent records\"],\"legalBasis\":\"UK GDPR\","
            + "\"status\":\"OPEN\",\"dueAt\":\"2026-12-15T23:59:59Z\",\"zone\":\"Europe/London\",\"overdue\":false,"
            + "\"issuedBy\":{\"userId\":\"u-iris\",\"name\":\"Iris Investigator\"},"
            + "\"issuedAt\":\"2026-12-01T10:00:00Z\"},\"secondsLeft\":1000000,\"timeLeft\":\"PT277H\"}";

    @TestHTTPResource("/")
    URI portal;

    @BeforeEach
    void reset() {
        StubbedServices.reset();
    }

    @Test
    void a_next_step_goes_where_case_service_said_with_the_version_the_user_saw() throws Exception {
        StubbedServices.answer("POST", "/cases/c-1/closure",
                new Answer(200, "4", "application/json", "{\"caseId\":\"c-1\",\"version\":4}"));
        StubbedServices.answer("GET", "/cases/c-1", new Answer(200, "4", "application/json", CASE.formatted(4)));

        HttpResponse<String> answer = post("/cases/c-1/steps/CLOSE", Map.of("version", "3", "method", "POST",
                "path", "/cases/c-1/closure", "reason", "Decision complied with"));

        assertThat(answer.statusCode()).isEqualTo(303);
        assertThat(answer.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l)
                .endsWith("/cases/c-1?done=changed"));
        Call closure = only("POST", "/cases/c-1/closure");
        assertThat(closure.header("If-Match")).isEqualTo("\"3\"");
        assertThat(closure.header("Authorization")).isEqualTo("Bearer " + TestSignIn.TOKEN);
        assertThat(closure.header("X-Request-Id")).isNotBlank();
        assertThat(closure.header("Content-Type")).startsWith("application/json");
        assertThat(closure.body()).isEqualTo("{\"reason\":\"Decision complied with\",\"publicReason\":null}");
    }

    @Test
    void closing_and_referring_send_the_internal_and_the_public_reason_apart() throws Exception {
        StubbedServices.answer("POST", "/cases/c-1/closure",
                new Answer(200, "4", "application/json", "{\"caseId\":\"c-1\",\"version\":4}"));
        StubbedServices.answer("POST", "/cases/c-1/referral",
                new Answer(200, "4", "application/json", "{\"caseId\":\"c-1\",\"version\":4}"));

        post("/cases/c-1/steps/CLOSE", Map.of("version", "3", "method", "POST", "path", "/cases/c-1/closure",
                "reason", "Counsel advises no appeal is likely", "publicReason", "The decisions stand"));
        post("/cases/c-1/steps/REFER", Map.of("version", "3", "method", "POST", "path", "/cases/c-1/referral",
                "authority", "CMA", "theirReference", "CMA-1", "reason", "Our powers are weaker",
                "publicReason", "A competition matter"));

        assertThat(only("POST", "/cases/c-1/closure").body()).isEqualTo("{\"reason\":\"Counsel advises no appeal "
                + "is likely\",\"publicReason\":\"The decisions stand\"}");
        assertThat(only("POST", "/cases/c-1/referral").body()).isEqualTo("{\"authority\":\"CMA\","
                + "\"theirReference\":\"CMA-1\",\"reason\":\"Our powers are weaker\","
                + "\"publicReason\":\"A competition matter\"}");
    }

    @Test
    void a_penalty_is_addressed_and_sent_in_its_regimes_currency_with_the_exchange_rate() throws Exception {
        StubbedServices.answer("POST", "/cases/c-1/decision",
                new Answer(200, "4", "application/json", "{\"caseId\":\"c-1\",\"version\":4}"));
        StubbedServices.answer("GET", "/penalty-regimes", new Answer(200, null, "application/json",
                "[{\"id\":\"eu-gdpr-higher-maximum\",\"name\":\"EU GDPR higher maximum\",\"source\":\"GDPR "
                + "Art. 83(5)\",\"authorities\":[],\"fixedAmount\":20000000,\"turnoverShare\":0.04,"
                + "\"turnoverBasis\":\"worldwide annual turnover\",\"applies\":\"GREATER\",\"currency\":\"EUR\","
                + "\"defaultFor\":[]}]"));

        HttpResponse<String> answer = post("/cases/c-1/steps/ISSUE_DECISION", Map.ofEntries(
                Map.entry("version", "3"), Map.entry("method", "POST"), Map.entry("path", "/cases/c-1/decision"),
                Map.entry("kind", "MONETARY_PENALTY"), Map.entry("addressee", "contoso-models"),
                Map.entry("reasons", "Training without a basis"), Map.entry("internalReasoning", "Board knew"),
                Map.entry("regime", "eu-gdpr-higher-maximum"), Map.entry("amount", "1,000,000"),
                Map.entry("turnover", "2000000000"), Map.entry("turnoverCurrency", "usd"),
                Map.entry("exchangeRate", "0.92"), Map.entry("exchangeRateDate", "2026-11-30")));

        assertThat(answer.statusCode()).isEqualTo(303);
        assertThat(only("POST", "/cases/c-1/decision").body()).isEqualTo("{\"kind\":\"MONETARY_PENALTY\","
                + "\"reasons\":\"Training without a basis\",\"enforcementNotice\":null,\"monetaryPenalty\":"
                + "{\"amount\":1000000,\"currency\":\"EUR\",\"worldwideAnnualTurnover\":2000000000,"
                + "\"regime\":\"eu-gdpr-higher-maximum\",\"turnoverCurrency\":\"USD\",\"exchangeRate\":0.92,"
                + "\"exchangeRateDate\":\"2026-11-30\"},\"addresseeOrganisationAlias\":\"contoso-models\","
                + "\"internalReasoning\":\"Board knew\"}");
    }

    @Test
    void a_decision_is_sent_as_case_service_reads_it() throws Exception {
        StubbedServices.answer("POST", "/cases/c-1/decision",
                new Answer(200, "4", "application/json", "{\"caseId\":\"c-1\",\"version\":4}"));
        StubbedServices.answer("GET", "/cases/c-1", new Answer(200, "4", "application/json", CASE.formatted(4)));

        HttpResponse<String> answer = post("/cases/c-1/steps/ISSUE_DECISION", Map.of("version", "3",
                "method", "POST", "path", "/cases/c-1/decision", "kind", "ENFORCEMENT_NOTICE",
                "reasons", "Consent was not freely given", "steps", "Delete the records\r\nReport back",
                "complianceDate", "2027-01-31"));

        assertThat(answer.statusCode()).isEqualTo(303);
        assertThat(only("POST", "/cases/c-1/decision").body()).isEqualTo("{\"kind\":\"ENFORCEMENT_NOTICE\","
                + "\"reasons\":\"Consent was not freely given\",\"enforcementNotice\":{\"stepsRequired\":"
                + "[\"Delete the records\",\"Report back\"],\"complianceDate\":\"2027-01-31\"},"
                + "\"monetaryPenalty\":null,\"addresseeOrganisationAlias\":null,\"internalReasoning\":null}");
    }

    @Test
    void submitted_evidence_is_sent_as_evidence_service_reads_it() throws Exception {
        String upload = "0b6f2d4c-9a51-4c57-8f0e-6f1f6c1c2a11";
        StubbedServices.answer("POST", "/requests/r-1/submissions", new Answer(422, null,
                "application/problem+json", "{\"type\":\"about:blank\",\"title\":\"Unprocessable Content\","
                + "\"status\":422,\"detail\":\"No upload " + upload + "\"}"));

        HttpResponse<String> answer = post("/requests/r-1/submissions", Map.of("version", "7", "uploadIds", upload,
                "description", "Consent records, 2025", "name", "Nora North", "position", "DPO", "truth", "yes"));
        HttpResponse<String> notAnUpload = post("/requests/r-1/submissions", Map.of("version", "7",
                "uploadIds", upload.toUpperCase(), "description", "x", "name", "Nora", "position", "DPO",
                "truth", "yes"));

        assertThat(answer.statusCode()).isEqualTo(422);
        assertThat(answer.body()).contains("No upload " + upload);
        assertThat(only("POST", "/requests/r-1/submissions").body()).isEqualTo("{\"uploadIds\":[\"" + upload
                + "\"],\"description\":\"Consent records, 2025\",\"statementOfTruth\":{\"name\":\"Nora North\","
                + "\"position\":\"DPO\"}}");
        assertThat(notAnUpload.statusCode()).isEqualTo(400);
    }

    @Test
    void a_step_case_service_did_not_offer_for_this_case_is_not_sent() throws Exception {
        HttpResponse<String> elsewhere = post("/cases/c-1/steps/CLOSE", Map.of("version", "3", "method", "POST",
                "path", "/cases/c-2/closure", "reason", "x"));
        HttpResponse<String> deeper = post("/cases/c-1/steps/CLOSE", Map.of("version", "3", "method", "POST",
                "path", "/cases/c-1/team/u-1", "reason", "x"));
        HttpResponse<String> otherMethod = post("/cases/c-1/steps/CLOSE", Map.of("version", "3", "method", "DELETE",
                "path", "/cases/c-1/closure", "reason", "x"));

        assertThat(List.of(elsewhere.statusCode(), deeper.statusCode(), otherMethod.statusCode()))
                .containsOnly(400);
        assertThat(StubbedServices.calls).isEmpty();
    }

    @Test
    void the_request_page_carries_its_version_into_every_change() throws Exception {
        StubbedServices.answer("GET", "/requests/r-1", new Answer(200, "7", "application/json", REQUEST.formatted(7)));

        HttpResponse<String> page = get("/requests/r-1", "text/html");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Consent records", "<input type=\"hidden\" name=\"version\" value=\"7\">")
                .doesNotContain("NOT_FOUND");
        assertThat(only("GET", "/requests/r-1").header("Authorization")).isEqualTo("Bearer " + TestSignIn.TOKEN);
    }

    @Test
    void an_evidence_change_sends_the_version_the_page_was_rendered_from() throws Exception {
        StubbedServices.answer("POST", "/requests/r-1/withdrawal",
                new Answer(200, "8", "application/json", "{\"requestId\":\"r-1\",\"version\":8}"));
        StubbedServices.answer("GET", "/requests/r-1", new Answer(200, "8", "application/json", REQUEST.formatted(8)));

        HttpResponse<String> answer = post("/requests/r-1/withdrawal", Map.of("version", "7", "reason", "Issued twice"));

        assertThat(answer.statusCode()).isEqualTo(303);
        Call withdrawal = only("POST", "/requests/r-1/withdrawal");
        assertThat(withdrawal.header("If-Match")).isEqualTo("\"7\"");
        assertThat(withdrawal.body()).isEqualTo("{\"reason\":\"Issued twice\"}");
    }

    @Test
    void staff_stop_a_request_s_clock_with_the_version_the_page_was_rendered_from_and_see_it_stopped()
            throws Exception {
        StubbedServices.answer("GET", "/requests/r-1", new Answer(200, "7", "application/json", REQUEST.formatted(7)));
        assertThat(get("/requests/r-1", "text/html").body()).contains("action=\"/requests/r-1/clock-stop\"")
                .doesNotContain("action=\"/requests/r-1/clock-restart\"");
        StubbedServices.answer("POST", "/requests/r-1/clock-stop",
                new Answer(200, "8", "application/json", "{\"requestId\":\"r-1\",\"version\":8}"));
        StubbedServices.calls.clear();

        HttpResponse<String> answer = post("/requests/r-1/clock-stop",
                Map.of("version", "7", "reason", "Awaiting our answer on scope"));

        assertThat(answer.statusCode()).isEqualTo(303);
        Call stop = only("POST", "/requests/r-1/clock-stop");
        assertThat(stop.header("If-Match")).isEqualTo("\"7\"");
        assertThat(stop.body()).isEqualTo("{\"reason\":\"Awaiting our answer on scope\"}");

        StubbedServices.answer("GET", "/requests/r-1", new Answer(200, "8", "application/json", REQUEST.formatted(8)
                .replace("\"issuedAt\"", "\"clockStopped\":{\"reason\":\"Awaiting our answer on scope\","
                        + "\"stoppedBy\":{\"userId\":\"u-iris\",\"name\":\"Iris Investigator\"},"
                        + "\"stoppedAt\":\"2026-12-02T10:00:00Z\"},\"clockStops\":[{\"reason\":"
                        + "\"Awaiting our answer on scope\",\"stoppedAt\":\"2026-12-02T10:00:00Z\"}],\"issuedAt\"")));
        String page = get("/requests/r-1", "text/html").body();
        assertThat(page).contains("The clock is stopped", "Awaiting our answer on scope",
                        "action=\"/requests/r-1/clock-restart\"")
                .doesNotContain("action=\"/requests/r-1/clock-stop\"");
    }

    @Test
    void the_position_a_change_answered_is_sent_as_read_after_on_the_page_that_follows() throws Exception {
        StubbedServices.answer("POST", "/requests/r-1/withdrawal", new Answer(200, "8", "application/json",
                "{\"requestId\":\"r-1\",\"version\":8}", Map.of("Consistency-Position", "1234")));
        StubbedServices.answer("GET", "/requests/r-1", new Answer(200, "8", "application/json", REQUEST.formatted(8)));

        HttpResponse<String> answer = post("/requests/r-1/withdrawal", Map.of("version", "7", "reason", "Issued twice"));
        assertThat(answer.statusCode()).isEqualTo(303);
        assertThat(StubbedServices.calls).as("no polling of the view").hasSize(1);
        String cookie = answer.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("compliance-read-after=")).findFirst().orElseThrow();
        assertThat(cookie).startsWith("compliance-read-after=1234;").containsIgnoringCase("HttpOnly").containsIgnoringCase(
                "SameSite=Lax");

        HttpResponse<String> next = send(HttpRequest.newBuilder(portal.resolve("/requests/r-1"))
                .header("Accept", "text/html").header("Cookie", "compliance-read-after=1234").build());
        assertThat(next.statusCode()).isEqualTo(200);
        assertThat(only("GET", "/requests/r-1").header("Read-After")).isEqualTo("1234");

        StubbedServices.calls.clear();
        send(HttpRequest.newBuilder(portal.resolve("/requests/r-1")).header("Accept", "text/html")
                .header("Cookie", "compliance-read-after=soon").build());
        assertThat(only("GET", "/requests/r-1").header("Read-After")).as("not a position").isNull();
    }

    @Test
    void an_evidence_change_without_the_version_is_not_sent() throws Exception {
        HttpResponse<String> answer = post("/requests/r-1/acceptance", Map.of());

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(StubbedServices.calls).isEmpty();
    }

    @Test
    void a_services_problem_is_shown_in_its_own_words_with_its_status() throws Exception {
        StubbedServices.answer("POST", "/requests/r-1/acknowledgement", new Answer(412, null,
                "application/problem+json", "{\"type\":\"about:blank\",\"title\":\"Changed meanwhile\",\"status\":412,"
                        + "\"detail\":\"The request is at version 9, not 7\"}"));

        HttpResponse<String> page = post("/requests/r-1/acknowledgement", Map.of("version", "7"));
        assertThat(page.statusCode()).isEqualTo(412);
        assertThat(page.body()).contains("Changed meanwhile", "The request is at version 9, not 7");

        HttpResponse<String> script = send(HttpRequest.newBuilder(portal.resolve("/requests/r-1/acknowledgement"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("X-Requested-With", "fetch")
                .POST(HttpRequest.BodyPublishers.ofString("version=7")).build());
        assertThat(script.statusCode()).isEqualTo(412);
        assertThat(script.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(script.body()).contains("\"title\":\"Changed meanwhile\"", "The request is at version 9, not 7");
    }

    @Test
    void a_page_the_service_does_not_have_is_its_not_found() throws Exception {
        HttpResponse<String> request = get("/requests/r-404", "text/html");
        HttpResponse<String> caseFile = get("/cases/c-404", "text/html");

        assertThat(request.statusCode()).isEqualTo(404);
        assertThat(request.body()).contains("Nothing at /requests/r-404");
        assertThat(caseFile.statusCode()).isEqualTo(404);
        assertThat(caseFile.body()).contains("Nothing at /cases/c-404");
    }

    @Test
    void a_service_that_does_not_answer_is_named() throws Exception {
        HttpResponse<String> page = get("/inbox", "text/html");

        assertThat(page.statusCode()).isEqualTo(503);
        assertThat(page.body()).contains("notification-service is not answering");
    }

    @Test
    void a_receipt_page_links_the_receipt_as_a_pdf_which_streams_from_evidence_service() throws Exception {
        String signed = "{\"receipt\":{\"requestId\":\"r-1\",\"caseId\":\"c-1\",\"organisationAlias\":"
                + "\"northwind-cloud\",\"submissionId\":\"s-1\",\"files\":[{\"fileName\":\"policy.pdf\","
                + "\"sizeBytes\":12,\"sha256\":\"" + "ab".repeat(32) + "\"}],\"submittedByUserId\":\"u-nora\","
                + "\"submittedByName\":\"Nora Northwind\",\"statementOfTruth\":{\"name\":\"Nora Northwind\","
                + "\"position\":\"DPO\"},\"submittedAt\":\"2026-12-02T10:00:00Z\",\"late\":false,"
                + "\"issuedAt\":\"2026-12-02T11:00:00Z\"},\"algorithm\":\"Ed25519\",\"keyId\":\"k-1\","
                + "\"signature\":\"c2ln\"}";
        StubbedServices.answer("GET", "/requests/r-1/submissions/s-1/receipt", new Answer(200, null,
                "application/json", signed));
        StubbedServices.answer("POST", "/receipts/verification", new Answer(200, null, "application/json",
                "{\"valid\":true,\"reason\":\"The signature matches the receipt\"}"));
        StubbedServices.answer("GET", "/requests/r-1/submissions/s-1/receipt.pdf", new Answer(200, null,
                "application/pdf", "%PDF-1.7 receipt", Map.of("Content-Disposition",
                "attachment; filename=\"receipt-s-1.pdf\"")));

        HttpResponse<String> page = get("/requests/r-1/submissions/s-1", "text/html");
        HttpResponse<String> pdf = get("/requests/r-1/submissions/s-1/receipt.pdf", "*/*");

        assertThat(page.body()).contains("<a class=\"button\" href=\"/requests/r-1/submissions/s-1/receipt.pdf\" "
                + "download>Download receipt (PDF)</a>", "receipt.json\" download>Download the signed receipt (JSON)");
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.body()).isEqualTo("%PDF-1.7 receipt");
        assertThat(pdf.headers().firstValue("Content-Type")).hasValue("application/pdf");
        assertThat(pdf.headers().firstValue("Content-Disposition")).hasValue("attachment; filename=\"receipt-s-1.pdf\"");
        assertThat(StubbedServices.calls).anyMatch(call -> call.path().equals("/requests/r-1/submissions/s-1/receipt.pdf")
                && ("Bearer " + TestSignIn.TOKEN).equals(call.header("Authorization")));
    }

    @Test
    void a_request_issued_as_a_formal_notice_links_its_pdf_which_streams_with_its_digest() throws Exception {
        String withNotice = REQUEST.formatted(7).replace("\"issuedAt\":\"2026-12-01T10:00:00Z\"}",
                "\"issuedAt\":\"2026-12-01T10:00:00Z\",\"formalNotice\":{\"consequences\":\"A penalty notice\","
                + "\"rightOfAppeal\":\"First-tier Tribunal\",\"appealPeriodDays\":28,\"sha256\":\"" + "ab".repeat(32)
                + "\",\"signature\":\"c2ln\",\"keyId\":\"k-1\"}}");
        StubbedServices.answer("GET", "/requests/r-1", new Answer(200, "7", "application/json", withNotice));
        StubbedServices.answer("GET", "/requests/r-1/formal-notice", new Answer(200, null, "application/pdf",
                "%PDF-1.7 notice", Map.of("Repr-Digest", "sha-256=:q6urq6urq6urq6urq6urq6urq6urq6urq6urq6urq6s=:")));

        HttpResponse<String> page = get("/requests/r-1", "text/html");
        HttpResponse<String> pdf = get("/requests/r-1/formal-notice", "*/*");

        assertThat(page.body()).contains("<a href=\"/requests/r-1/formal-notice\" download>Download the formal "
                + "notice (PDF)</a>", "First-tier Tribunal", "within 28 days");
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.body()).isEqualTo("%PDF-1.7 notice");
        assertThat(pdf.headers().firstValue("Content-Type")).hasValue("application/pdf");
        assertThat(pdf.headers().firstValue("Repr-Digest")).hasValue(
                "sha-256=:q6urq6urq6urq6urq6urq6urq6urq6urq6urq6urq6s=:");
    }

    @Test
    void the_issuing_form_sends_the_formal_notice_only_when_asked_for() throws Exception {
        StubbedServices.answer("POST", "/requests", new Answer(201, "0", "application/json",
                "{\"requestId\":\"r-9\",\"version\":0}"));
        Map<String, String> form = new LinkedHashMap<>(Map.of("respondent", "northwind-cloud", "items", "Policy",
                "legalBasis", "UK GDPR", "days", "14", "consequences", "A penalty notice", "rightOfAppeal",
                "First-tier Tribunal", "appealPeriodDays", "28"));
        post("/cases/c-1/requests", form);
        form.put("formalNotice", "yes");
        post("/cases/c-1/requests", form);

        List<String> bodies = StubbedServices.calls.stream().filter(c -> c.method().equals("POST")
                && c.path().equals("/requests")).map(Call::body).toList();
        assertThat(bodies).hasSize(2);
        assertThat(bodies.get(0)).doesNotContain("consequences");
        assertThat(bodies.get(1)).contains("\"formalNotice\":{\"consequences\":\"A penalty notice\","
                + "\"rightOfAppeal\":\"First-tier Tribunal\",\"appealPeriodDays\":28}");
    }

    @Test
    void the_same_request_goes_to_each_respondent_chosen_as_a_request_of_its_own() throws Exception {
        StubbedServices.answer("POST", "/requests", new Answer(201, "0", "application/json",
                "{\"requestId\":\"r-9\",\"version\":0}"));

        HttpResponse<String> answer = send(HttpRequest.newBuilder(portal.resolve("/cases/c-1/requests"))
                .header("Accept", "text/html").header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("respondent=northwind-cloud&respondent=contoso-models"
                        + "&items=Policy&legalBasis=UK+GDPR&days=14")).build());

        assertThat(answer.statusCode()).isEqualTo(303);
        assertThat(answer.headers().firstValue("Location")).hasValueSatisfying(l ->
                assertThat(l).endsWith("/cases/c-1?done=issued-to-several"));
        assertThat(StubbedServices.calls.stream().filter(c -> c.method().equals("POST")
                && c.path().equals("/requests")).map(Call::body).toList())
                .satisfiesExactly(first -> assertThat(first).contains("\"respondentOrganisationAlias\":\"northwind-cloud\""),
                        second -> assertThat(second).contains("\"respondentOrganisationAlias\":\"contoso-models\""));

        StubbedServices.calls.clear();
        HttpResponse<String> none = send(HttpRequest.newBuilder(portal.resolve("/cases/c-1/requests"))
                .header("X-Requested-With", "XMLHttpRequest").header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("items=Policy&legalBasis=UK+GDPR&days=14")).build());
        assertThat(none.statusCode()).isEqualTo(422);
        assertThat(none.body()).contains("\"field\":\"respondent\"");
        assertThat(StubbedServices.calls).noneMatch(c -> c.method().equals("POST"));
    }

    private Call only(String method, String path) {
        List<Call> matching = StubbedServices.calls.stream()
                .filter(c -> c.method().equals(method) && c.path().equals(path)).toList();
        assertThat(matching).as(method + " " + path + " among " + StubbedServices.calls).hasSize(1);
        return matching.get(0);
    }

    private HttpResponse<String> get(String path, String accept) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(portal.resolve(path)).header("Accept", accept).build());
    }

    private HttpResponse<String> post(String path, Map<String, String> form) throws IOException, InterruptedException {
        String body = new LinkedHashMap<>(form).entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(portal.resolve(path)).header("Accept", "text/html")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    private static HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
