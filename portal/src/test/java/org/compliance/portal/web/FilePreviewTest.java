package org.compliance.portal.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.compliance.portal.web.StubbedServices.Answer;
import org.compliance.portal.web.StubbedServices.Call;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The evidence preview against a stand-in for evidence-service: each kind of file rendered as it should be (a PDF by
 * the portal's own pdf.js, an image, CSV as a table, text and markup as escaped text, the rest download only), with
 * the item it answers and staff's review notes; the raw bytes always in a sandbox with a safe type; the bounded read
 * of text; a note sent with the version the page showed.
 */
@QuarkusTest
@TestProfile(ServiceCallsTest.AgainstStubbedServices.class)
class FilePreviewTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String SHA = "ab".repeat(32);
    private static final String REQUEST = "{\"request\":{\"requestId\":\"r-1\",\"version\":3,\"caseId\":\"c-1\","
            + "\"organisationAlias\":\"northwind-cloud\",\"items\":[\"Consent records\",\"Training data inventory\"],"
            + "\"legalBasis\":\"UK GDPR\",\"status\":\"OPEN\",\"dueAt\":\"2026-12-15T23:59:59Z\","
            + "\"zone\":\"Europe/London\",\"overdue\":false,\"awaitingReview\":true,"
            + "\"issuedBy\":{\"userId\":\"u-iris\",\"name\":\"Iris Investigator\"},"
            + "\"issuedAt\":\"2026-12-01T10:00:00Z\",\"submissions\":[{\"submissionId\":\"s-1\",\"files\":["
            + file("f-pdf", "consent.pdf", "application/pdf", 40, 1) + ","
            + file("f-png", "screen.png", "image/png", 9, null) + ","
            + file("f-csv", "inventory.csv", "text/plain", 70_000, 2) + ","
            + file("f-svg", "logo.svg", "image/svg+xml", 60, null) + ","
            + file("f-html", "page.html", "text/html", 50, null) + ","
            + file("f-zip", "archive.zip", "application/zip", 10, null) + "],"
            + "\"description\":\"Records\",\"statementOfTruth\":{\"name\":\"Nora\",\"position\":\"DPO\"},"
            + "\"submittedBy\":{\"userId\":\"u-nora\",\"name\":\"Nora Northwind\","
            + "\"organisationAlias\":\"northwind-cloud\"},\"submittedAt\":\"2026-12-02T10:00:00Z\",\"late\":false}],"
            + "\"reviewNotes\":[{\"fileId\":\"f-pdf\",\"sha256\":\"" + SHA + "\",\"note\":\"Page 3 is <b>unsigned</b>\","
            + "\"notedBy\":{\"userId\":\"u-sam\",\"name\":\"Sam Supervisor\"},\"notedAt\":\"2026-12-02T11:00:00Z\"}]},"
            + "\"secondsLeft\":1000000,\"timeLeft\":\"PT277H\"}";

    @TestHTTPResource("/")
    URI portal;

    private static String file(String id, String name, String type, long size, Integer item) {
        return "{\"fileId\":\"" + id + "\",\"fileName\":\"" + name + "\",\"mediaType\":\"" + type + "\",\"sizeBytes\":"
                + size + ",\"sha256\":\"" + SHA + "\",\"item\":" + item + "}";
    }

    @BeforeEach
    void reset() {
        StubbedServices.reset();
        StubbedServices.answer("GET", "/requests/r-1", new Answer(200, "3", "application/json", REQUEST));
    }

    @Test
    void a_pdf_is_rendered_by_the_portals_own_pdf_js_with_its_item_notes_and_the_review_forms() throws Exception {
        HttpResponse<String> page = get("/requests/r-1/files/f-pdf/preview");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("data-pdf=\"/requests/r-1/files/f-pdf/raw\"",
                "data-pdfjs=\"/pdfjs/pdf.min.mjs\"", "data-pdfjs-worker=\"/pdfjs/pdf.worker.min.mjs\"",
                "<script type=\"module\" src=\"/file-preview.js\"></script>",
                "Item 1. Consent records", "Page 3 is &lt;b&gt;unsigned&lt;/b&gt;", "Sam Supervisor",
                "action=\"/requests/r-1/files/f-pdf/review-notes\"", "action=\"/requests/r-1/acceptance\"",
                "action=\"/requests/r-1/more-evidence\"", "name=\"version\" value=\"3\"")
                .doesNotContain("NOT_FOUND");
        assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp -> assertThat(csp)
                .contains("script-src 'self'").doesNotContain("unsafe").doesNotContain("sandbox"));
        assertThat(only("GET", "/requests/r-1").header("Authorization")).isEqualTo("Bearer " + TestSignIn.TOKEN);

        for (String module : List.of("/pdfjs/pdf.min.mjs", "/pdfjs/pdf.worker.min.mjs", "/file-preview.js")) {
            HttpResponse<String> script = get(module);
            assertThat(script.statusCode()).as(module).isEqualTo(200);
            assertThat(script.headers().firstValue("Content-Type")).as(module)
                    .hasValueSatisfying(type -> assertThat(type).contains("javascript"));
            assertThat(script.body()).as(module).isNotBlank();
        }
        assertThat(get("/pdfjs/pdf.sandbox.min.mjs").statusCode()).isEqualTo(404);
        assertThat(get("/pdfjs/cmaps/..%2F..%2Fpom.properties").statusCode()).isEqualTo(404);
        assertThat(get("/pdfjs/standard_fonts/FoxitDingbats.pfb").statusCode()).isEqualTo(200);
    }

    @Test
    void the_raw_bytes_come_in_a_sandbox_with_a_type_that_cannot_run_in_the_portals_origin() throws Exception {
        StubbedServices.answer("GET", "/requests/r-1/files/f-pdf", new Answer(200, null, "application/pdf",
                "%PDF-1.4 not much of a pdf"));
        StubbedServices.answer("GET", "/requests/r-1/files/f-html", new Answer(200, null, "text/html",
                "<script>alert(1)</script>"));
        StubbedServices.answer("GET", "/requests/r-1/files/f-svg", new Answer(200, null, "image/svg+xml",
                "<svg onload=\"alert(1)\"/>"));

        HttpResponse<String> pdf = get("/requests/r-1/files/f-pdf/raw");
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.body()).isEqualTo("%PDF-1.4 not much of a pdf");
        assertThat(pdf.headers().firstValue("Content-Type")).hasValue("application/pdf");
        assertSandboxed(pdf);
        assertThat(pdf.headers().firstValue("Content-Disposition")).hasValue("inline");
        assertThat(only("GET", "/requests/r-1/files/f-pdf").header("Authorization"))
                .isEqualTo("Bearer " + TestSignIn.TOKEN);

        for (String markup : List.of("f-html", "f-svg")) {
            HttpResponse<String> raw = get("/requests/r-1/files/" + markup + "/raw");
            assertThat(raw.statusCode()).isEqualTo(200);
            assertThat(raw.headers().firstValue("Content-Type")).as(markup).hasValue("application/octet-stream");
            assertThat(raw.headers().firstValue("Content-Disposition")).as(markup).hasValue("attachment");
            assertSandboxed(raw);
        }
        assertThat(get("/requests/r-1/files/f-nope/raw").statusCode()).isEqualTo(404);
    }

    @Test
    void an_image_is_shown_from_the_sandboxed_bytes() throws Exception {
        HttpResponse<String> page = get("/requests/r-1/files/f-png/preview");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<img class=\"image-preview\" src=\"/requests/r-1/files/f-png/raw\"",
                "No item of the request named", "No review notes on this file yet").doesNotContain("file-preview.js");
    }

    @Test
    void a_csv_is_a_table_of_its_first_bytes_read_as_one_range_with_a_note_that_it_was_cut() throws Exception {
        StubbedServices.answer("GET", "/requests/r-1/files/f-csv", new Answer(206, null, "text/plain",
                "dataset,rows,note\nchat-logs,120000,\"kept, then <deleted>\"\nsupport-mail,4000,\"two\nlines\"\n"
                        + "cut-off-li"));

        HttpResponse<String> page = get("/requests/r-1/files/f-csv/preview");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<th scope=\"col\">dataset</th>", "<td>chat-logs</td>",
                "<td>kept, then &lt;deleted&gt;</td>", "<td>two\nlines</td>", "Item 2. Training data inventory",
                "Only the first 200 rows or 65.5 KB are shown").doesNotContain("cut-off-li");
        assertThat(only("GET", "/requests/r-1/files/f-csv").header("Range")).isEqualTo("bytes=0-65535");
    }

    @Test
    void markup_is_shown_as_escaped_text_never_rendered() throws Exception {
        StubbedServices.answer("GET", "/requests/r-1/files/f-svg", new Answer(206, null, "image/svg+xml",
                "<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"><script>alert(2)</script></svg>"));

        HttpResponse<String> page = get("/requests/r-1/files/f-svg/preview");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<pre class=\"text-preview\">&lt;svg xmlns=")
                .doesNotContain("<svg").doesNotContain("<script>alert").doesNotContain("Only the first");
    }

    @Test
    void a_file_of_another_type_is_for_download_only() throws Exception {
        HttpResponse<String> page = get("/requests/r-1/files/f-zip/preview");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("cannot be shown here", "href=\"/requests/r-1/files/f-zip\" download");
        assertThat(StubbedServices.calls).extracting(Call::path).containsExactly("/requests/r-1");
        assertThat(get("/requests/r-1/files/f-nope/preview").statusCode()).isEqualTo(404);
    }

    @Test
    void a_review_note_goes_with_the_version_the_page_showed_and_the_preview_follows() throws Exception {
        StubbedServices.answer("POST", "/requests/r-1/files/f-pdf/review-notes", new Answer(200, "4",
                "application/json", "{\"requestId\":\"r-1\",\"version\":4}"));

        HttpResponse<String> answer = post("/requests/r-1/files/f-pdf/review-notes", "version=3&note=Page+3+unsigned");

        assertThat(answer.statusCode()).isEqualTo(303);
        assertThat(answer.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l)
                .endsWith("/requests/r-1/files/f-pdf/preview?done=review-noted"));
        Call note = only("POST", "/requests/r-1/files/f-pdf/review-notes");
        assertThat(note.header("If-Match")).isEqualTo("\"3\"");
        assertThat(note.header("Authorization")).isEqualTo("Bearer " + TestSignIn.TOKEN);
        assertThat(note.body()).isEqualTo("{\"note\":\"Page 3 unsigned\"}");
    }

    @Test
    void the_request_page_links_each_file_to_its_preview_with_its_item_and_notes() throws Exception {
        HttpResponse<String> page = get("/requests/r-1");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("href=\"/requests/r-1/files/f-pdf/preview\"",
                "Answers item 1: Consent records", "Answers item 2: Training data inventory",
                "Page 3 is &lt;b&gt;unsigned&lt;/b&gt;").doesNotContain("NOT_FOUND");
    }

    @Test
    void an_upload_names_the_item_it_answers() throws Exception {
        StubbedServices.answer("POST", "/requests/r-1/uploads", new Answer(201, null, "application/json",
                "{\"uploadId\":\"u-1\",\"item\":2}"));

        HttpResponse<String> answer = send(HttpRequest.newBuilder(portal.resolve(
                        "/requests/r-1/uploads?fileName=inventory.csv&item=2")).header("Accept", "application/json")
                .header("Content-Type", "application/octet-stream")
                .POST(HttpRequest.BodyPublishers.ofString("a,b\n")).build());

        assertThat(answer.statusCode()).isEqualTo(201);
        assertThat(only("POST", "/requests/r-1/uploads?fileName=inventory.csv&item=2").body()).isEqualTo("a,b\n");
    }

    /** Every policy the answer carries is enforced: one with the sandbox is enough, and none may loosen it. */
    private static void assertSandboxed(HttpResponse<String> raw) {
        assertThat(raw.headers().allValues("Content-Security-Policy")).anySatisfy(csp -> assertThat(csp)
                .startsWith("sandbox")).noneSatisfy(csp -> assertThat(csp).contains("unsafe"));
        assertThat(raw.headers().allValues("X-Content-Type-Options")).contains("nosniff");
    }

    private Call only(String method, String path) {
        List<Call> matching = StubbedServices.calls.stream()
                .filter(c -> c.method().equals(method) && c.path().equals(path)).toList();
        assertThat(matching).as(method + " " + path + " among " + StubbedServices.calls).hasSize(1);
        return matching.get(0);
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(portal.resolve(path)).header("Accept", "text/html").build());
    }

    private HttpResponse<String> post(String path, String form) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(portal.resolve(path)).header("Accept", "text/html")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build());
    }

    private static HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
