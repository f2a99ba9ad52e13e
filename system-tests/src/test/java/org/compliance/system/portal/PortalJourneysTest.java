package org.compliance.system.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.compliance.system.ServiceProcess;
import org.compliance.system.Suite;
import org.compliance.testing.LocalKeycloak;
import org.compliance.testing.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The portal in a real browser against the whole suite (four services and the portal as processes, the real
 * Keycloak, PostgreSQL, an SMTP server): each user signs in on Keycloak's own page and walks the brief's story.
 * Data the story needs from another user (a case opened, a request issued) is set up through the services' APIs.
 * Every page visited is checked for accessibility (axe-core) and screenshotted into target/screenshots.
 */
class PortalJourneysTest {

    private static final String DATABASE = TestDatabase.named("compliance_test_portal");
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    /** Small, so that the test can show a refused upload without sending gigabytes. */
    private static final long MAX_FILE_BYTES = 8 * 1024 * 1024;

    private static Suite suite;
    private static LocalKeycloak keycloak;
    private static ServiceProcess cases;
    private static ServiceProcess evidence;
    private static ServiceProcess notifications;
    private static ServiceProcess audit;
    private static ServiceProcess portal;

    @TempDir
    Path scratch;

    @BeforeAll
    static void startTheSuite() {
        suite = Suite.start(DATABASE, Path.of("target", "portal"), Map.of(
                "compliance.evidence.blob-root", Path.of("target", "portal", "blobs").toAbsolutePath().toString(),
                "compliance.evidence.max-file-bytes", String.valueOf(MAX_FILE_BYTES)), Map.of());
        keycloak = suite.keycloak;
        cases = suite.cases;
        evidence = suite.evidence;
        notifications = suite.notifications;
        audit = suite.audit;
        portal = suite.startPortal();
    }

    @AfterAll
    static void stopTheSuite() {
        if (suite != null) {
            suite.close();
        }
    }

    @Test
    void an_upload_whose_connection_is_cut_goes_on_from_what_was_held_and_arrives_with_its_sha256() throws Exception {
        String iris = keycloak.tokenFor("iris.investigator");
        String caseId = openCase(iris, "Northwind: model weights exported without a transfer assessment");
        String requestId = issueRequest(iris, caseId, "northwind-cloud");
        Path file = scratch.resolve("transfer-assessment.bin");
        byte[] content = new byte[6 * 1024 * 1024 + 123];
        new java.util.Random(20).nextBytes(content);
        Files.write(file, content);
        String sha256 = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest(content));

        // the browser reaches the portal through a proxy that drops the connection once, halfway through the file
        try (CuttingProxy network = new CuttingProxy(URI.create(portal.url("")).getPort());
             Browser nora = new Browser(network.url(), scratch.resolve("nora-resumes"))) {
            nora.signIn("nora.northwind");
            nora.open("/requests/" + requestId);
            network.cutOnceAfter(4 * 1024 * 1024);
            nora.find("#files").sendKeys(file.toString());
            await().atMost(Duration.ofMinutes(2)).until(() ->
                    nora.text("#uploads li:nth-child(1) .upload-status").contains("Uploaded"));

            assertThat(network.cuts()).as("the connection was cut").isEqualTo(1);
            assertThat(nora.find("#uploads li:nth-child(1)").getAttribute("data-resumes")).as("and the upload resumed")
                    .isNotNull();
            assertThat(nora.text("#uploads li:nth-child(1) .upload-status")).isEqualTo("Uploaded. SHA-256 " + sha256);
            List<Long> offsets = network.patchOffsets();
            assertThat(offsets).as("the first PATCH from the start").startsWith(0L);
            long resumedFrom = offsets.getLast();
            assertThat(resumedFrom).as("the last PATCH went on from what evidence-service held, not from the start")
                    .isPositive();
            // the bar went on from the bytes the service held (the first progress after the break), and to the end
            assertThat(Long.parseLong(nora.find("#uploads li:nth-child(1)").getAttribute("data-resumed-at")))
                    .isGreaterThanOrEqualTo(resumedFrom).isLessThanOrEqualTo(content.length);
            assertThat(nora.find("#uploads li:nth-child(1) progress").getAttribute("value"))
                    .isEqualTo(String.valueOf(content.length));
            nora.screenshot("company-upload-resumed");

            nora.type("#description", "Transfer risk assessment for model weights");
            nora.type("#sot-position", "Data Protection Officer");
            nora.click("input[name=truth]");
            nora.press("Submit evidence");
            assertThat(nora.heading()).isEqualTo("Evidence submitted: your receipt");
            assertThat(nora.text("table")).contains("transfer-assessment.bin", sha256);
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(getJson(iris,
                evidence.url("/requests/" + requestId)).path("request").path("submissions").path(0).path("files")
                .path(0).path("sha256").asText()).isEqualTo(sha256));
    }

    @Test
    void a_company_acknowledges_uploads_submits_gets_its_receipt_asks_for_time_and_is_notified_live() throws Exception {
        String iris = keycloak.tokenFor("iris.investigator");
        String caseId = openCase(iris, "Northwind: training data collected without consent");
        String requestId = issueRequest(iris, caseId, "northwind-cloud");
        String contosoCase = openCase(iris, "Contoso: bulk extraction", "contoso-models", "Contoso Models plc");
        String contosoRequest = issueRequest(iris, contosoCase, "contoso-models");
        String decidedTitle = "Northwind: consent boxes pre-ticked";
        String decided = decideWithAReprimand(iris, decidedTitle);

        try (Browser nora = new Browser(portal.url(""), scratch.resolve("nora"))) {
            nora.signIn("nora.northwind");
            assertThat(nora.url()).endsWith("/requests");
            assertThat(nora.heading()).isEqualTo("Evidence requests");
            assertThat(nora.driver.manage().getCookies()).as("the portal's cookies (Keycloak's share the host here)")
                    .filteredOn(cookie -> cookie.getName().startsWith("q_")).isNotEmpty()
                    .allSatisfy(cookie -> assertThat(cookie.getSameSite()).as(cookie.getName()).isEqualTo("Lax"));
            Map<String, String> headers = nora.headersOf("/requests");
            assertThat(headers.get("content-security-policy")).contains("script-src 'self'", "frame-ancestors 'none'")
                    .doesNotContain("unsafe-inline");
            assertThat(headers).containsEntry("x-content-type-options", "nosniff")
                    .containsEntry("referrer-policy", "same-origin").containsKey("x-request-id");

            // The decision's notification links to the case: the company's view of it, not an error.
            nora.open("/inbox");
            nora.follow("#inbox-items a[href='" + portal.url("/cases/" + decided) + "']");
            assertThat(nora.heading()).isEqualTo(decidedTitle);
            assertThat(nora.text(".facts")).contains("northwind-cloud (your organisation)");
            assertThat(nora.text("main")).contains("Reprimand", "Consent must be given, not assumed")
                    .doesNotContain("Notes", "Findings");
            nora.check("company-case");
            nora.open("/requests");
            assertThat(nora.text("a[href='/requests/" + requestId + "']")).as("a request is named by what it asks for")
                    .startsWith("Records of processing");
            assertThat(nora.all("a[href='/requests/" + contosoRequest + "']")).as("another company's request").isEmpty();
            assertThat(nora.text("tr:has(a[href='/requests/" + requestId + "']) .countdown")).matches("1[34] days .* left");
            nora.check("company-requests");

            nora.open("/requests/" + requestId);
            assertThat(nora.find("#standing").getAttribute("data-standing")).isEqualTo("AWAITING_ACKNOWLEDGEMENT");
            assertThat(nora.text(".due-panel .countdown")).contains("left");
            nora.check("company-request");
            nora.press("Acknowledge receipt of this request");
            assertThat(nora.text(".notice")).startsWith("Acknowledged");
            assertThat(nora.find("#standing").getAttribute("data-standing")).isEqualTo("ACKNOWLEDGED");

            // Too large for evidence-service: the page says so and offers to try again; nothing is submitted.
            Path tooLarge = sparseFile("too-large.bin", MAX_FILE_BYTES + 1);
            nora.find("#files").sendKeys(tooLarge.toString());
            nora.awaitText("#uploads li:nth-child(1) .upload-status", "Upload failed");
            assertThat(nora.text("#uploads li:nth-child(1) button")).isEqualTo("Try too-large.bin again");
            nora.screenshot("company-upload-failed");

            Path records = scratch.resolve("records-of-processing.csv");
            Files.writeString(records, "activity,purpose,lawful basis\nmodel training,product improvement,none\n"
                    .repeat(40_000));
            nora.find("#files").sendKeys(records.toString());
            nora.awaitText("#uploads li:nth-child(2) .upload-status", "Uploaded");
            assertThat(nora.find("#uploads li:nth-child(2) progress").getAttribute("value"))
                    .isEqualTo(String.valueOf(Files.size(records)));
            nora.type("#description", "Records of processing for model training, 2025-26");
            nora.type("#sot-position", "Data Protection Officer");
            nora.click("input[name=truth]");
            nora.press("Submit evidence");
            assertThat(nora.heading()).isEqualTo("Evidence submitted: your receipt");
            assertThat(nora.text(".verified")).contains("Signature valid");
            assertThat(nora.text("table")).contains("records-of-processing.csv");
            nora.check("company-receipt");
            String receiptLink = nora.find("a[href$='receipt.json']").getAttribute("href");
            assertThat(nora.fetch("GET", receiptLink)).startsWith("200 application/json");
            // the receipt a person keeps: the PDF behind the page's own link
            String receiptPdf = nora.find("a[href$='receipt.pdf']").getAttribute("href");
            assertThat(nora.text("a[href$='receipt.pdf']")).contains("PDF");
            assertThat(nora.fetch("GET", receiptPdf)).startsWith("200 application/pdf");

            nora.open("/requests/" + requestId);
            assertThat(nora.find("#standing").getAttribute("data-standing")).isEqualTo("SUBMITTED_AWAITING_REVIEW");
            assertThat(nora.all("#submission-form, .due-panel .countdown")).as("nothing is due meanwhile").isEmpty();
            nora.click("details.panel summary");
            nora.type("#ext-reason", "The DPIA is being finalised by external counsel");
            nora.press("Ask for an extension");
            assertThat(nora.text(".notice")).contains("more time has been sent");
            assertThat(nora.text("main")).contains("Waiting for a decision");

            // The regulator asks for more, then accepts: the company's page follows each step.
            long version = getJson(iris, evidence.url("/requests/" + requestId)).path("request").path("version")
                    .asLong();
            post(iris, evidence.url("/requests/" + requestId + "/more-evidence"), Map.of(
                    "stillMissing", "The lawful basis assessment for model training",
                    "newDueAt", Instant.now().plus(Duration.ofDays(20)).toString()), "\"" + version + "\"");
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                nora.open("/requests/" + requestId);
                assertThat(nora.find("#standing").getAttribute("data-standing")).isEqualTo("MORE_EVIDENCE_ASKED");
            });
            assertThat(nora.text(".still-missing")).contains("The lawful basis assessment for model training");
            assertThat(nora.all("#submission-form")).as("evidence is due again").hasSize(1);
            nora.check("company-request-more-asked");
            post(iris, evidence.url("/requests/" + requestId + "/acceptance"), null,
                    requestVersion(iris, requestId, version + 1));
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                nora.open("/requests/" + requestId);
                assertThat(nora.find("#standing").getAttribute("data-standing")).isEqualTo("ACCEPTED");
            });
            assertThat(nora.text("#standing")).containsIgnoringCase("Complete: evidence accepted");
            assertThat(nora.all("#submission-form, .due-panel .countdown")).isEmpty();

            // Another company's request is not there for Nora, whatever the address.
            nora.open("/requests/" + contosoRequest);
            assertThat(nora.heading()).isEqualToIgnoringCase("Not found");

            // Live: a new request reaches the open inbox without reloading it.
            nora.open("/inbox");
            nora.find("body[data-live=open]"); // the live stream is open before anything new happens
            int before = nora.all("#inbox-items li.notification").size();
            issueRequest(iris, caseId, "northwind-cloud");
            await().atMost(Duration.ofSeconds(30)).until(() ->
                    nora.all("#inbox-items li.notification").size() > before);
            assertThat(nora.text("#live")).startsWith("New notification");
            nora.check("company-inbox");

            // A form post from a page of another origin on the same site (Keycloak's) carries the session cookie
            // and is refused all the same. Had the portal taken it, its answer would come only once the request's
            // view showed the acknowledgement, so the view read after the answer tells.
            String unacknowledged = issueRequest(iris, caseId, "northwind-cloud");
            nora.driver.get(keycloak.issuer() + "/.well-known/openid-configuration");
            Object sent = nora.driver.executeAsyncScript("""
                    const done = arguments[arguments.length - 1];
                    fetch(arguments[0], {method: 'POST', mode: 'no-cors', credentials: 'include',
                        headers: {'Content-Type': 'application/x-www-form-urlencoded'}, body: ''})
                      .then(() => done('answered'), e => done('failed ' + e));
                    """, portal.url("/requests/" + unacknowledged + "/acknowledgement"));
            assertThat(sent).isEqualTo("answered");
            assertThat(getJson(iris, evidence.url("/requests/" + unacknowledged)).path("request")
                    .path("acknowledgedBy").isNull()).as("acknowledged from another origin").isTrue();

            nora.open("/organisation/webhooks");
            nora.type("#url", "https://hooks.northwind.example/compliance");
            nora.press("Register endpoint");
            assertThat(nora.text("#webhook-secret")).isNotBlank();
            assertThat(nora.text(".endpoints")).contains("https://hooks.northwind.example/compliance");
            nora.check("company-webhooks");
            nora.open("/organisation/webhooks");
            assertThat(nora.all("#webhook-secret")).as("the secret is shown once").isEmpty();

            rendersEveryPage(nora, "/requests", "/requests/" + requestId, "/cases", "/cases/" + decided,
                    "/cases/" + caseId, "/cases/" + decided + "/requests/new", "/audit", "/audit/cases/" + decided,
                    "/organisation/webhooks", "/inbox", "/cases/" + contosoCase, "/no-such-page");

            nora.narrow();
            nora.open("/requests/" + requestId).check("company-request-narrow");
            nora.open("/cases/" + decided).check("company-case-narrow");
            nora.open("/requests").check("company-requests-narrow");
        }
    }

    @Test
    void a_regulator_filters_cases_moves_one_on_issues_a_request_decides_an_extension_and_reviews_evidence()
            throws Exception {
        String iris = keycloak.tokenFor("iris.investigator");
        String title = "Location data sold to model trainers " + System.nanoTime();
        String caseId = openCase(iris, title);

        try (Browser sam = new Browser(portal.url(""), scratch.resolve("sam"))) {
            sam.signIn("sam.supervisor");
            assertThat(sam.url()).as("staff land on My work").endsWith("/work");
            sam.check("regulator-work");
            sam.open("/cases").check("regulator-cases");
            sam.type("input[name=q]", title);
            sam.press("Show");
            assertThat(sam.all("tbody tr")).hasSize(1);
            sam.press(title);
            assertThat(sam.heading()).isEqualTo(title);
            assertThat(sam.all("details.step summary")).extracting(e -> e.getText().split(" →")[0])
                    .containsExactly("Start investigation", "Suspend", "Refer");
            sam.check("regulator-case");

            sam.click("details.step:nth-of-type(1) summary");
            sam.press("Start investigation");
            assertThat(sam.text(".notice")).startsWith("Saved");
            assertThat(sam.text(".status-line")).contains("Investigating");
            assertThat(sam.all("details.step summary")).extracting(e -> e.getText().split(" →")[0])
                    .containsExactly("Record findings", "Suspend", "Refer");

            sam.type("#note", "Spoke to Northwind's DPO; evidence request follows.");
            sam.press("Add note");
            assertThat(sam.text("main")).contains("Spoke to Northwind's DPO");

            sam.press("Issue an evidence request");
            String due14 = sam.text("[data-due-text]");
            assertThat(due14).contains("23:59:59");
            sam.type("#items", "Records of processing\nPrivacy notices since March 2025");
            sam.type("#days", "10");
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(sam.text("[data-due-text]"))
                    .contains("23:59:59").isNotEqualTo(due14));
            sam.check("regulator-new-request");
            sam.press("Send the request");
            assertThat(sam.text(".notice")).startsWith("Evidence request issued");
            String requestId = sam.url().replaceAll(".*/requests/([^?]+).*", "$1");

            // The company answers and asks for more time (through the API: this is the regulator's test).
            String nora = keycloak.tokenFor("nora.northwind");
            submitEvidence(nora, requestId);
            post(nora, evidence.url("/requests/" + requestId + "/extension-request"),
                    Map.of("reason", "Counsel needs another week"), requestVersion(nora, requestId, 1));
            await().atMost(Duration.ofSeconds(30)).until(() -> getJson(iris, evidence.url("/requests/" + requestId))
                    .path("request").path("extensions").size() == 1);

            sam.open("/requests/" + requestId);
            assertThat(sam.text("main")).contains("Waiting for a decision");
            String newDue = LocalDate.now(LONDON).plusDays(30).toString();
            sam.script("document.getElementById('grant-date').value = arguments[0]", newDue);
            sam.press("Grant");
            assertThat(sam.text(".notice")).startsWith("Extension granted");
            String fileLink = sam.find(".files a").getAttribute("href");
            assertThat(sam.fetch("GET", fileLink)).as("status, type detected from the bytes, length")
                    .isEqualTo("200 text/plain 52");
            sam.check("regulator-request");
            assertThat(sam.pressAndConfirm("Accept the evidence (the request is complete)", "request is complete"))
                    .contains("Northwind Cloud Ltd");
            assertThat(sam.text(".notice")).startsWith("Evidence accepted");
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                sam.open("/requests/" + requestId);
                assertThat(sam.text("h1")).contains("Complete");
                assertThat(sam.text("main")).contains("Downloaded");
            });

            sam.open("/inbox").check("regulator-inbox");
            rendersEveryPage(sam, "/work", "/cases", "/cases?mine=yes", "/cases/" + caseId, "/cases/" + caseId + "/requests/new",
                    "/requests", "/requests/" + requestId, "/audit", "/audit/cases/" + caseId,
                    "/organisation/webhooks", "/inbox");
        }
    }

    @Test
    void a_regulator_opens_a_case_in_the_portal_sends_one_request_to_both_respondents_previews_a_pdf_and_accepts_it()
            throws Exception {
        String title = "Voice recordings kept for training " + System.nanoTime();
        try (Browser iris = new Browser(portal.url(""), scratch.resolve("iris-intake"))) {
            iris.signIn("iris.investigator");
            iris.open("/cases");
            iris.press("Open a case");
            iris.check("regulator-new-case");
            iris.type("#title", title);
            iris.type("#summary", "Customer calls recorded and kept to train speech models");
            iris.type("#legal-bases", "UK GDPR\nData Protection Act 2018");
            iris.type("#respondent-0", "Northwind Cloud Ltd");
            iris.type("#respondent-1", "Contoso Modles plc");
            iris.type("#allegation-basis-0", "UK GDPR Art. 5(1)(e)");
            iris.type("#allegation-description-0", "Recordings kept for years after the calls");
            iris.script("document.getElementById('allegation-from-0').value = '2024-03-01'");
            iris.type("#team-0", "Ivan Investigator");

            assertThat(iris.pressAndExpectRefusal("Open the case", "respondents[1]"))
                    .contains("Contoso Modles plc");
            assertThat(iris.find("#title").getAttribute("value")).as("what was typed is kept").isEqualTo(title);
            iris.screenshot("regulator-new-case-refused");
            iris.type("#respondent-1", "Contoso Models plc");
            iris.press("Open the case");

            assertThat(iris.text(".notice")).startsWith("Case opened");
            assertThat(iris.heading()).isEqualTo(title);
            assertThat(iris.text("main")).contains("Northwind Cloud Ltd", "Contoso Models plc", "Ivan Investigator",
                    "Recordings kept for years after the calls", "1 Mar 2024");
            iris.check("regulator-case-opened");

            iris.type("#add-member", "Sam Supervisor");
            iris.press("Add to the team");
            assertThat(iris.text(".facts")).contains("Ivan Investigator", "Sam Supervisor");
            iris.press("Remove Ivan Investigator from the team");
            assertThat(iris.text(".facts")).contains("Sam Supervisor").doesNotContain("Ivan Investigator");
            iris.type("#add-member", "Nobody Atall");
            assertThat(iris.pressAndExpectRefusal("Add to the team", "userId")).contains("Nobody Atall");

            String caseId = iris.url().replaceAll(".*/cases/([^/?#]+).*", "$1");
            iris.press("Issue an evidence request");
            iris.click("#respondent-0");
            iris.click("#respondent-1");
            iris.type("#items", "Call recording retention schedule");
            iris.press("Send the request");
            assertThat(iris.text(".notice")).startsWith("The evidence request was issued to each respondent chosen");
            String irisToken = keycloak.tokenFor("iris.investigator");
            Map<String, String> requests = new HashMap<>();
            getJson(irisToken, evidence.url("/requests?caseId=" + caseId)).forEach(r ->
                    requests.put(r.path("organisationAlias").asText(), r.path("requestId").asText()));
            assertThat(requests).as("one request of its own per respondent")
                    .containsOnlyKeys("northwind-cloud", "contoso-models");
            assertThat(iris.all("tbody a[href^='/requests/']")).extracting(e -> e.getText().strip())
                    .containsOnly("Call recording retention schedule").hasSize(2);

            // The companies answer through the API: Northwind with a PDF, Contoso by asking for more time.
            String northwindRequest = requests.get("northwind-cloud");
            submitEvidence(keycloak.tokenFor("nora.northwind"), northwindRequest, "retention.pdf", "application/pdf",
                    onePagePdf("Retention schedule: recordings deleted after 90 days"));
            String contosoRequest = requests.get("contoso-models");
            post(keycloak.tokenFor("colin.contoso"), evidence.url("/requests/" + contosoRequest + "/extension-request"),
                    Map.of("reason", "Our retention schedule is being re-approved"),
                    requestVersion(irisToken, contosoRequest, 0));
            await().atMost(Duration.ofSeconds(30)).until(() -> getJson(irisToken, evidence.url("/requests/"
                    + contosoRequest)).path("request").path("extensions").size() == 1);

            // The submission is reviewed in the browser: the PDF is drawn by pdf.js, then accepted.
            iris.open("/requests/" + northwindRequest);
            iris.follow(".files a.preview-link");
            iris.awaitText(".pdf-status", "1 page");
            assertThat(iris.all(".pdf-pages canvas")).hasSize(1);
            iris.check("regulator-pdf-preview");
            assertThat(iris.pressAndConfirm("Accept the evidence (the request is complete)", "request is complete"))
                    .contains("Northwind Cloud Ltd");
            assertThat(iris.text(".notice")).startsWith("Evidence accepted");
        }

        // The supervisor finds Contoso's extension request on My work and decides it there.
        try (Browser sam = new Browser(portal.url(""), scratch.resolve("sam-work"))) {
            sam.signIn("sam.supervisor");
            assertThat(sam.text("section[aria-labelledby=extensions]")).contains(title,
                    "Contoso Models plc");
            sam.follow("section[aria-labelledby=extensions] a[href^='/requests/']");
            assertThat(sam.text("main")).contains("Waiting for a decision", "Our retention schedule is being re-approved");
            sam.script("document.getElementById('grant-date').value = arguments[0]",
                    LocalDate.now(LONDON).plusDays(40).toString());
            sam.press("Grant");
            assertThat(sam.text(".notice")).startsWith("Extension granted");
            sam.open("/work").check("supervisor-work-after-decision");
            assertThat(sam.text("section[aria-labelledby=extensions]")).doesNotContain(title);
        }
    }

    @Test
    void an_auditor_steps_through_the_history_sees_the_case_as_it_stood_verifies_and_exports() throws Exception {
        String iris = keycloak.tokenFor("iris.investigator");
        String caseId = openCase(iris, "Audit of a short story " + System.nanoTime());
        long version = awaitCaseVersion(iris, caseId, 0);
        changeCase(iris, caseId, "investigation", version, null);
        issueRequest(iris, caseId, "northwind-cloud");
        String ada = keycloak.tokenFor("ada.auditor");
        await().atMost(Duration.ofSeconds(30)).until(() -> getJson(ada, audit.url("/audit/cases/" + caseId
                + "/history")).path("items").size() >= 3);
        JsonNode first = getJson(ada, audit.url("/audit/cases/" + caseId + "/history")).path("items").get(0);

        try (Browser browser = new Browser(portal.url(""), scratch.resolve("ada"))) {
            browser.signIn("ada.auditor");
            assertThat(browser.url()).endsWith("/audit");
            browser.check("auditor-cases");
            browser.open("/audit/cases/" + caseId);
            assertThat(browser.text("#verify-heading + p")).startsWith("Intact.");
            assertThat(browser.all("ol.events li")).hasSizeGreaterThanOrEqualTo(3);
            assertThat(browser.text("[data-state-status]")).contains("Investigating");
            browser.check("auditor-timeline");

            browser.follow("ol.events li:first-child a");
            assertThat(browser.text(".event-detail h3")).contains("Case opened");
            assertThat(browser.find("[data-state-status]").getAttribute("data-state-status")).isEqualTo("OPENED");
            browser.press("Next event →");
            assertThat(browser.find("ol.events li.selected").getText()).doesNotContain("Case opened");

            String momentOfOpening = Instant.parse(first.path("time").asText()).atZone(LONDON).toLocalDateTime()
                    .toString();
            browser.script("document.getElementById('at').value = arguments[0]", momentOfOpening);
            browser.press("Show");
            assertThat(browser.find("[data-state-status]").getAttribute("data-state-status")).isEqualTo("OPENED");
            browser.check("auditor-as-of");

            assertThat(browser.fetch("GET", "/audit/cases/" + caseId + "/bundle")).startsWith("200 application/zip");

            // The auditor reads the case page but is offered no change, and the server refuses a forged one.
            browser.open("/cases/" + caseId);
            assertThat(browser.all("details.step")).isEmpty();
            assertThat(browser.fetch("POST", "/cases/" + caseId + "/notes", "version=1&text=forged")).startsWith("403");
            rendersEveryPage(browser, "/audit", "/audit/cases/" + caseId, "/cases", "/cases/" + caseId,
                    "/cases/" + caseId + "/requests/new", "/requests", "/inbox", "/organisation/webhooks");
        }
    }

    /**
     * The auditor narrows the history with the filters, reads what one event changed, exports the bundle with the
     * evidence files through the portal and opens the report inside it in the browser: the facts and the key's
     * fingerprint are the ones audit-service publishes.
     */
    @Test
    void an_auditor_filters_the_history_reads_what_an_event_changed_and_opens_the_bundles_report() throws Exception {
        String iris = keycloak.tokenFor("iris.investigator");
        String title = "Report of a short story " + System.nanoTime();
        String caseId = openCase(iris, title);
        changeCase(iris, caseId, "investigation", awaitCaseVersion(iris, caseId, 0), null);
        String requestId = issueRequest(iris, caseId, "northwind-cloud");
        submitEvidence(keycloak.tokenFor("nora.northwind"), requestId);
        String ada = keycloak.tokenFor("ada.auditor");
        await().atMost(Duration.ofSeconds(30)).until(() -> getJson(ada, audit.url("/audit/cases/" + caseId
                + "/history")).path("items").size() >= 4);
        String fingerprint = getJson(ada, audit.url("/audit/checkpoints/public-key")).path("fingerprintSha256").asText();
        java.time.format.DateTimeFormatter local = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");

        try (Browser browser = new Browser(portal.url(""), scratch.resolve("ada-report"))) {
            browser.signIn("ada.auditor");
            browser.open("/audit/cases/" + caseId);
            browser.find("#history-filters");
            browser.script("for (const o of document.getElementById('filter-type').options) "
                    + "o.selected = o.value === arguments[0];", "InvestigationStarted");
            browser.script("const actor = document.getElementById('filter-actor');"
                    + "actor.value = [...actor.options].find(o => o.text.includes('Iris')).value;");
            browser.script("document.getElementById('filter-from').value = arguments[0];"
                    + "document.getElementById('filter-to').value = arguments[1];",
                    local.format(Instant.now().minus(Duration.ofMinutes(30)).atZone(LONDON)),
                    local.format(Instant.now().plus(Duration.ofMinutes(30)).atZone(LONDON)));
            browser.press("Filter");
            assertThat(browser.all("#history-events li")).hasSize(1)
                    .allSatisfy(li -> assertThat(li.getAttribute("data-type")).isEqualTo("InvestigationStarted"));
            assertThat(browser.text("#history-events li .event-who")).contains("Iris");
            browser.check("auditor-history-filtered");

            browser.follow("#history-events li:first-child a");
            assertThat(browser.text(".event-detail h3")).contains("Investigation started");
            assertThat(browser.all("#event-changes tr.change")).anySatisfy(row -> {
                assertThat(row.findElement(org.openqa.selenium.By.cssSelector("th")).getText()).contains("Status");
                assertThat(row.findElement(org.openqa.selenium.By.cssSelector(".after")).getText())
                        .contains("Investigating");
            });

            String href = browser.find("#export-bundle-with-files").getAttribute("href");
            assertThat(href).endsWith("/audit/cases/" + caseId + "/bundle?files=true");
            // The newest events are exported once a checkpoint can cover them (they settle for a few seconds first):
            // until then the export answers 409, as documented, and the auditor tries again.
            String zip = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).until(() ->
                    (String) ((org.openqa.selenium.JavascriptExecutor) browser.driver).executeAsyncScript("""
                    const done = arguments[arguments.length - 1];
                    fetch(arguments[0]).then(r => r.ok ? r.arrayBuffer() : Promise.reject(r.status)).then(b => {
                      const bytes = new Uint8Array(b);
                      let text = '';
                      for (let i = 0; i < bytes.length; i += 0x8000) {
                        text += String.fromCharCode.apply(null, bytes.subarray(i, i + 0x8000));
                      }
                      done(btoa(text));
                    }).catch(e => done('failed ' + e));
                    """, href), answer -> !answer.equals("failed 409"));
            assertThat(zip).doesNotStartWith("failed");
            Map<String, byte[]> bundle = new HashMap<>();
            try (var in = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(
                    java.util.Base64.getDecoder().decode(zip)))) {
                for (var entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                    bundle.put(entry.getName(), in.readAllBytes());
                }
            }
            assertThat(bundle.keySet()).contains("report.html", "report.pdf", "contents.sha256", "contents.sig")
                    .anyMatch(name -> name.startsWith("evidence-files/") && name.endsWith("-ropa.csv"));

            Path report = Files.write(scratch.resolve("report.html"), bundle.get("report.html"));
            browser.driver.get(report.toUri().toString());
            assertThat(browser.text("#case-title")).isEqualTo(title);
            assertThat(browser.text("#key-fingerprint")).isEqualTo(fingerprint);
            assertThat(browser.text("#history")).contains("Investigation started", "Iris");
            assertThat(browser.text("#evidence")).contains("ropa.csv", "SHA-256 checked on the way: matches the "
                    + "submission event");
            browser.check("auditor-bundle-report");
        }
    }

    /**
     * Signing out ends the portal's session and Keycloak's: the next page asks for the password again. A portal
     * session lost while Keycloak's is still alive (a new browser tab after the cookie went) signs in again
     * without asking, as single sign-on does.
     */
    @Test
    void signing_out_ends_the_session_here_and_at_keycloak() {
        try (Browser browser = new Browser(portal.url(""), scratch.resolve("iris"))) {
            browser.signIn("iris.investigator");
            browser.driver.manage().deleteCookieNamed("q_session");
            browser.driver.manage().getCookies().stream().filter(c -> c.getName().startsWith("q_session"))
                    .forEach(c -> browser.driver.manage().deleteCookie(c));
            browser.open("/cases");
            assertThat(browser.url()).as("signed in again through Keycloak's session").isEqualTo(portal.url("/cases"));

            browser.press("Sign out");
            assertThat(browser.heading()).isEqualTo("You have signed out");
            browser.check("signed-out");
            browser.driver.get(portal.url("/cases"));
            browser.find("#username");
            assertThat(browser.url()).as("Keycloak's session ended too").contains("/realms/compliance/");
        }
    }

    /**
     * Every page the user can reach renders for their role: their view of the data, or the service's refusal on
     * the portal's page; never a server error, never a template gap.
     */
    private static void rendersEveryPage(Browser browser, String... paths) {
        for (String path : paths) {
            String answer = browser.fetch("GET", path);
            assertThat(Integer.parseInt(answer.split(" ")[0])).as("GET " + path + ": " + answer).isLessThan(500);
            browser.open(path);
            assertThat(browser.driver.getPageSource()).as(path).doesNotContain("NOT_FOUND", "Internal Server Error");
        }
    }

    // ---- the other users' part of the story, through the services' APIs ------------------------------------

    /** A case against Northwind taken to a reprimand; returns once Nora's inbox has the decision's notification. */
    private static String decideWithAReprimand(String investigator, String title) throws Exception {
        String caseId = openCase(investigator, title);
        changeCase(investigator, caseId, "investigation", awaitCaseVersion(investigator, caseId, 0), null);
        changeCase(investigator, caseId, "findings", awaitCaseVersion(investigator, caseId, 1),
                Map.of("findings", "Consent was pre-ticked on the sign-up form"));
        changeCase(keycloak.tokenFor("sam.supervisor"), caseId, "decision", awaitCaseVersion(investigator, caseId, 2),
                Map.of("kind", "REPRIMAND", "reasons", "Consent must be given, not assumed"));
        String nora = keycloak.tokenFor("nora.northwind");
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            for (JsonNode item : getJson(nora, notifications.url("/inbox")).path("items")) {
                if (item.path("link").asText().endsWith("/cases/" + caseId)) {
                    return true;
                }
            }
            return false;
        });
        return caseId;
    }

    private static String openCase(String token, String title) throws Exception {
        return openCase(token, title, "northwind-cloud", "Northwind Cloud Ltd");
    }

    private static String openCase(String token, String title, String alias, String name) throws Exception {
        JsonNode opened = post(token, cases.url("/cases"), Map.of(
                "title", title,
                "summary", "Customers' personal data used to train language models",
                "authority", "Information Commissioner's Office",
                "legalBases", List.of("UK GDPR"),
                "respondents", List.of(Map.of("organisationAlias", alias, "name", name)),
                "allegations", List.of(Map.of("legalBasis", "UK GDPR Art. 6(1)",
                        "description", "Browsing and location data used without a lawful basis"))));
        String caseId = opened.path("caseId").asText();
        await().atMost(Duration.ofSeconds(30)).until(() -> status(token, evidence.url("/known-cases/" + caseId)) == 200);
        return caseId;
    }

    private static String issueRequest(String token, String caseId, String alias) throws Exception {
        String requestId = post(token, evidence.url("/requests"), Map.of("caseId", caseId,
                "respondentOrganisationAlias", alias, "items", List.of("Records of processing activities"),
                "legalBasis", "UK GDPR Art. 58(1)(a)")).path("requestId").asText();
        await().atMost(Duration.ofSeconds(30)).until(() -> status(token, evidence.url("/requests/" + requestId)) == 200);
        return requestId;
    }

    private static void submitEvidence(String token, String requestId) throws Exception {
        submitEvidence(token, requestId, "ropa.csv", "text/csv",
                "activity,purpose\nmodel training,product improvement\n".getBytes(StandardCharsets.UTF_8));
    }

    private static void submitEvidence(String token, String requestId, String fileName, String mediaType,
                                       byte[] content) throws Exception {
        HttpResponse<String> upload = HTTP.send(HttpRequest.newBuilder(URI.create(
                        evidence.url("/requests/" + requestId + "/uploads?fileName=" + fileName)))
                .header("Authorization", "Bearer " + token).header("Content-Type", mediaType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(content))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(upload.statusCode()).as(upload.body()).isEqualTo(201);
        post(token, evidence.url("/requests/" + requestId + "/submissions"), Map.of(
                "uploadIds", List.of(JSON.readTree(upload.body()).path("uploadId").asText()),
                "description", "Records of processing",
                "statementOfTruth", Map.of("name", "Nora Northwind", "position", "Data Protection Officer")),
                requestVersion(token, requestId, 0));
    }

    /** A one-page PDF showing {@code line}, written by hand: objects, their byte offsets in the xref, the trailer. */
    private static byte[] onePagePdf(String line) {
        String text = "BT /F1 14 Tf 24 60 Td (" + line.replaceAll("[()\\\\]", "") + ") Tj ET";
        List<String> objects = List.of("<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 480 144] /Contents 4 0 R"
                        + " /Resources << /Font << /F1 5 0 R >> >> >>",
                "<< /Length " + text.length() + " >>\nstream\n" + text + "\nendstream",
                "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>");
        StringBuilder pdf = new StringBuilder("%PDF-1.4\n");
        List<Integer> offsets = new ArrayList<>();
        for (int i = 0; i < objects.size(); i++) {
            offsets.add(pdf.length());
            pdf.append(i + 1).append(" 0 obj\n").append(objects.get(i)).append("\nendobj\n");
        }
        int xref = pdf.length();
        pdf.append("xref\n0 ").append(objects.size() + 1).append("\n0000000000 65535 f \n");
        offsets.forEach(offset -> pdf.append("%010d 00000 n \n".formatted(offset)));
        pdf.append("trailer\n<< /Size ").append(objects.size() + 1).append(" /Root 1 0 R >>\nstartxref\n")
                .append(xref).append("\n%%EOF\n");
        return pdf.toString().getBytes(StandardCharsets.US_ASCII);
    }

    /** The If-Match for a change to a request: its view once it has reached {@code version}. */
    private static String requestVersion(String token, String requestId, long version) {
        await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() -> getJson(token,
                evidence.url("/requests/" + requestId)).path("request").path("version").asLong(-1) >= version);
        return "\"" + version + "\"";
    }

    private static long awaitCaseVersion(String token, String caseId, long version) {
        await().atMost(Duration.ofSeconds(30)).until(() -> getJson(token, cases.url("/cases/" + caseId))
                .path("version").asLong(-1) == version);
        return version;
    }

    private static void changeCase(String token, String caseId, String path, long version, Object body)
            throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(cases.url("/cases/" + caseId
                        + "/" + path))).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").header("If-Match", "\"" + version + "\"")
                .POST(body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    private static JsonNode post(String token, String url, Object body) throws Exception {
        return post(token, url, body, null);
    }

    /** A POST (of no body when {@code body} is null), with {@code If-Match} when {@code ifMatch} is not null. */
    private static JsonNode post(String token, String url, Object body, String ifMatch) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isBetween(200, 201);
        return JSON.readTree(response.body());
    }

    private static JsonNode getJson(String token, String url) throws IOException, InterruptedException {
        return JSON.readTree(HTTP.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token)
                .build(), HttpResponse.BodyHandlers.ofString()).body());
    }

    private static int status(String token, String url) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private Path sparseFile(String name, long size) throws IOException {
        Path file = scratch.resolve(name);
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
            f.setLength(size);
        }
        return file;
    }
}
