package org.compliance.portal.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.compliance.portal.web.StubbedServices.Answer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Resumable uploads through the portal, against a stand-in for evidence-service: each tus exchange goes to the same
 * path with the user's token and the protocol's headers, a PATCH's bytes as sent, and the service's answer (its
 * headers, the upload's address, a refusal's problem) comes back as it was; the request page loads tus-js-client from
 * the portal itself.
 */
@QuarkusTest
@TestProfile(CompanyPagesTest.AsACompanyUser.class)
class ResumableUploadsTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String UPLOAD = "/requests/r-1/resumable-uploads/0b7e6a56-4c1e-4b8e-9d55-2b4f0c7e9a11";

    @TestHTTPResource("/")
    URI portal;

    @BeforeEach
    void reset() {
        StubbedServices.reset();
    }

    @Test
    void creating_asking_appending_and_dropping_pass_through_with_the_users_token() throws Exception {
        StubbedServices.answer("POST", "/requests/r-1/resumable-uploads", new Answer(201, null, "text/plain", "",
                Map.of("Location", UPLOAD, "Tus-Resumable", "1.0.0", "Upload-Offset", "0")));
        var created = send("POST", "/requests/r-1/resumable-uploads", Map.of("Tus-Resumable", "1.0.0",
                "Upload-Length", "11", "Upload-Metadata", "filename YS5wZGY="), null);
        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(created.headers().firstValue("Location")).contains(UPLOAD);
        assertThat(created.headers().firstValue("Upload-Offset")).contains("0");
        var call = StubbedServices.calls.getLast();
        assertThat(call.header("Authorization")).isEqualTo("Bearer " + CompanyPagesTest.TOKEN);
        assertThat(call.header("Upload-Length")).isEqualTo("11");
        assertThat(call.header("Upload-Metadata")).isEqualTo("filename YS5wZGY=");
        assertThat(call.header("Tus-Resumable")).isEqualTo("1.0.0");

        StubbedServices.answer("HEAD", UPLOAD, new Answer(200, null, "text/plain", "", Map.of("Upload-Offset", "5",
                "Upload-Length", "11", "Tus-Resumable", "1.0.0", "Cache-Control", "no-store")));
        var head = send("HEAD", UPLOAD, Map.of("Tus-Resumable", "1.0.0"), null);
        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.headers().firstValue("Upload-Offset")).contains("5");
        assertThat(head.headers().firstValue("Cache-Control")).contains("no-store");

        StubbedServices.answer("PATCH", UPLOAD, new Answer(204, null, "text/plain", "", Map.of("Upload-Offset", "11",
                "Tus-Resumable", "1.0.0", "Evidence-Sha256", "a".repeat(64), "Evidence-Media-Type", "application/pdf")));
        var patched = send("PATCH", UPLOAD, Map.of("Tus-Resumable", "1.0.0", "Upload-Offset", "5",
                "Content-Type", "application/offset+octet-stream"), " world");
        assertThat(patched.statusCode()).isEqualTo(204);
        assertThat(patched.headers().firstValue("Evidence-Sha256")).contains("a".repeat(64));
        call = StubbedServices.calls.getLast();
        assertThat(call.body()).isEqualTo(" world");
        assertThat(call.header("Upload-Offset")).isEqualTo("5");
        assertThat(call.header("Content-Type")).isEqualTo("application/offset+octet-stream");
        assertThat(call.header("Authorization")).isEqualTo("Bearer " + CompanyPagesTest.TOKEN);

        StubbedServices.answer("DELETE", UPLOAD, new Answer(204, null, "text/plain", "",
                Map.of("Tus-Resumable", "1.0.0")));
        assertThat(send("DELETE", UPLOAD, Map.of("Tus-Resumable", "1.0.0"), null).statusCode()).isEqualTo(204);
    }

    @Test
    void a_refusal_comes_back_as_the_service_gave_it_and_a_foreign_location_is_not_passed_on() throws Exception {
        StubbedServices.answer("PATCH", UPLOAD, new Answer(409, null, "application/problem+json",
                "{\"status\":409,\"title\":\"Conflict\",\"detail\":\"Upload-Offset is 0 but the service holds 5\"}",
                Map.of("Upload-Offset", "5", "Tus-Resumable", "1.0.0")));
        var refused = send("PATCH", UPLOAD, Map.of("Tus-Resumable", "1.0.0", "Upload-Offset", "0",
                "Content-Type", "application/offset+octet-stream"), "hello");
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("application/problem+json"));
        assertThat(refused.headers().firstValue("Upload-Offset")).contains("5");
        assertThat(refused.body()).contains("the service holds 5");

        StubbedServices.answer("POST", "/requests/r-1/resumable-uploads", new Answer(201, null, "text/plain", "",
                Map.of("Location", "https://elsewhere.example/steal", "Tus-Resumable", "1.0.0")));
        var created = send("POST", "/requests/r-1/resumable-uploads", Map.of("Tus-Resumable", "1.0.0",
                "Upload-Length", "1", "Upload-Metadata", "filename YQ=="), null);
        assertThat(created.headers().firstValue("Location")).isEmpty();
    }

    @Test
    void the_page_uploads_with_tus_js_client_served_by_the_portal() throws Exception {
        var library = HTTP.send(HttpRequest.newBuilder(portal.resolve("/tus-js-client/tus.min.js")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(library.statusCode()).isEqualTo(200);
        assertThat(library.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).contains("javascript"));
        assertThat(library.body()).contains("tus");
        assertThat(HTTP.send(HttpRequest.newBuilder(portal.resolve("/tus-js-client/LICENSE")).build(),
                HttpResponse.BodyHandlers.ofString()).body()).contains("MIT");
    }

    private HttpResponse<String> send(String method, String path, Map<String, String> headers, String body)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(portal.resolve(path)).method(method,
                body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
