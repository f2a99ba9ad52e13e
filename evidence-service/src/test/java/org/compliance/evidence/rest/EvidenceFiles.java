package org.compliance.evidence.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.compliance.evidence.rest.EvidenceApi.awaitView;
import static org.compliance.evidence.rest.EvidenceApi.issue;
import static org.compliance.evidence.rest.EvidenceApi.knownCase;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.compliance.testing.RealPeers;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Evidence files: names as data, types from the bytes, stored once, downloads in ranges, broken uploads; run against
 * each blob store (EvidenceFilesTest: the file system; EvidenceFilesOnS3Test: object storage).
 */
abstract class EvidenceFiles {

    private static final byte[] PDF = "%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer\n%%EOF\n"
            .getBytes(StandardCharsets.US_ASCII);
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H',
            'D', 'R', 0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0};

    /** How many blobs the store holds. */
    abstract long blobs() throws Exception;

    /** Whether the store holds a blob with this hash, under its content address. */
    abstract boolean stored(String sha256) throws Exception;

    /** How many uploads are being written or were left behind (temporary files, multipart uploads). */
    abstract long unfinished() throws Exception;

    String nora;
    String caseId;
    String requestId;

    @BeforeEach
    void anOpenRequest() {
        nora = RealPeers.tokenFor("nora.northwind");
        String iris = RealPeers.tokenFor("iris.investigator");
        caseId = knownCase(false);
        requestId = issue(iris, caseId, "{}");
        awaitView(iris, requestId);
    }

    @Test
    void the_content_type_comes_from_the_bytes_not_from_the_client() {
        assertThat(upload("statement.png", "image/png", PDF).get("mediaType")).isEqualTo("application/pdf");
        assertThat(upload("photo.pdf", "application/pdf", PNG).get("mediaType")).isEqualTo("image/png");
        assertThat(upload("notes.pdf", "application/pdf", "Plain words.\n".getBytes(StandardCharsets.UTF_8))
                .get("mediaType")).isEqualTo("text/plain");
    }

    @Test
    void file_names_are_kept_as_data_and_never_become_paths() throws Exception {
        String traversal = "../../../etc/passwd";
        Map<String, Object> stored = upload(traversal, "text/plain", "root:x:0:0\n".getBytes(StandardCharsets.UTF_8));
        assertThat(stored.get("fileName")).isEqualTo(traversal);
        assertThat(stored((String) stored.get("sha256"))).as("stored under its hash").isTrue();

        String longest = "a".repeat(251) + ".pdf";
        assertThat(upload(longest, "application/pdf", PDF).get("fileName")).isEqualTo(longest);
        for (String refused : List.of("a".repeat(252) + ".pdf", "report\u0000.pdf", "line\nbreak.pdf",
                "right-to-left\u202Efdp.exe", " ")) {
            given().auth().oauth2(nora).contentType("application/octet-stream").queryParam("fileName", refused)
                    .body(PDF).when().post("/requests/" + requestId + "/uploads").then().statusCode(400)
                    .contentType("application/problem+json").body("detail", containsString("fileName"));
        }
    }

    @Test
    void the_same_content_is_stored_once() throws Exception {
        byte[] content = ("Unique content " + requestId).getBytes(StandardCharsets.UTF_8);
        long before = blobs();
        String first = (String) upload("one.txt", "text/plain", content).get("sha256");
        String second = (String) upload("two.txt", "text/plain", content).get("sha256");
        assertThat(second).isEqualTo(first);
        assertThat(blobs()).isEqualTo(before + 1);
    }

    @Test
    void downloads_name_the_file_answer_ranges_and_are_each_recorded() {
        byte[] content = new byte[1000];
        Arrays.fill(content, (byte) 'x');
        System.arraycopy(PDF, 0, content, 0, PDF.length);
        content[999] = 'z';
        String name = "Jahresbericht – Übersicht \"final\".pdf";
        Map<String, Object> stored = upload(name, "application/pdf", content);
        String fileId = submit(stored);
        String file = "/requests/" + requestId + "/files/" + fileId;
        String iris = RealPeers.tokenFor("iris.investigator");

        var whole = given().auth().oauth2(iris).when().get(file).then().statusCode(200)
                .header("Accept-Ranges", "bytes").header("Content-Length", "1000")
                .contentType("application/pdf").extract();
        assertThat(whole.asByteArray()).isEqualTo(content);
        assertThat(whole.header("Content-Disposition")).startsWith("attachment; filename=\"")
                .contains("filename*=UTF-8''Jahresbericht%20%E2%80%93%20%C3%9Cbersicht%20%22final%22.pdf")
                .doesNotContain("\"final\"");

        var head = given().auth().oauth2(iris).header("Range", "bytes=0-7").when().get(file).then().statusCode(206)
                .header("Content-Range", "bytes 0-7/1000").header("Content-Length", "8").extract();
        assertThat(head.asByteArray()).isEqualTo(Arrays.copyOf(PDF, 8));
        var tail = given().auth().oauth2(iris).header("Range", "bytes=-1").when().get(file).then().statusCode(206)
                .header("Content-Range", "bytes 999-999/1000").extract();
        assertThat(tail.asByteArray()).containsExactly('z');
        given().auth().oauth2(iris).header("Range", "bytes=990-").when().get(file).then().statusCode(206)
                .header("Content-Range", "bytes 990-999/1000");
        given().auth().oauth2(iris).header("Range", "bytes=1000-1100").when().get(file).then().statusCode(416)
                .header("Content-Range", "bytes */1000").contentType("application/problem+json");

        given().auth().oauth2(RealPeers.tokenFor("ada.auditor")).when().get(file).then().statusCode(200);
        given().auth().oauth2(nora).when().get(file).then().statusCode(200);
        given().auth().oauth2(RealPeers.tokenFor("colin.contoso")).when().get(file).then().statusCode(404);
        given().auth().oauth2(iris).when().get("/requests/" + requestId + "/files/no-such-file").then().statusCode(404);

        // whole, 3 ranges, the auditor and nora: six downloads; the refused ones are not downloads
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(given().auth().oauth2(iris).when().get("/requests/" + requestId).then().extract()
                        .<List<String>>path("request.chainOfCustody.what"))
                        .filteredOn("DOWNLOADED"::equals).hasSize(6));
    }

    @Test
    void an_upload_that_breaks_off_leaves_nothing_behind() throws Exception {
        long blobsBefore = blobs();
        try (Socket socket = new Socket("localhost", RestAssured.port)) {
            OutputStream out = socket.getOutputStream();
            out.write(("POST /requests/" + requestId + "/uploads?fileName=cut.bin HTTP/1.1\r\n"
                    + "Host: localhost\r\nAuthorization: Bearer " + nora + "\r\n"
                    + "Content-Type: application/octet-stream\r\nContent-Length: 10485760\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.write(new byte[1024 * 1024]);
            out.flush();
            await("the upload is being written").atMost(Duration.ofSeconds(10)).until(() -> unfinished() > 0);
        }
        await("what was written is gone once the connection is").atMost(Duration.ofSeconds(10))
                .until(() -> unfinished() == 0);
        assertThat(blobs()).isEqualTo(blobsBefore);
        given().auth().oauth2(nora).when().get("/requests/" + requestId).then().statusCode(200)
                .body("request.submissions.size()", equalTo(0));
    }

    @Test
    void a_declared_length_over_the_limit_is_refused_before_any_byte_is_read() throws Exception {
        long limit = ConfigProvider.getConfig().getValue("compliance.evidence.max-file-bytes", Long.class);
        try (Socket socket = new Socket("localhost", RestAssured.port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(("POST /requests/" + requestId + "/uploads?fileName=huge.bin HTTP/1.1\r\n"
                    + "Host: localhost\r\nAuthorization: Bearer " + nora + "\r\n"
                    + "Content-Type: application/octet-stream\r\nContent-Length: " + (limit + 1) + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            String statusLine = new java.io.BufferedReader(new java.io.InputStreamReader(socket.getInputStream(),
                    StandardCharsets.US_ASCII)).readLine();
            assertThat(statusLine).isEqualTo("HTTP/1.1 413 Request Entity Too Large");
        }
    }

    Map<String, Object> upload(String fileName, String declaredType, byte[] content) {
        return given().auth().oauth2(nora).contentType(declaredType).queryParam("fileName", fileName).body(content)
                .when().post("/requests/" + requestId + "/uploads").then().statusCode(201).extract().as(Map.class);
    }

    String submit(Map<String, Object> upload) {
        given().auth().oauth2(nora).header("If-Match", EvidenceApi.etag(nora, requestId)).contentType(ContentType.JSON)
                .body(Map.of("uploadIds", List.of(upload.get("uploadId")), "description", "Annual report",
                        "statementOfTruth", Map.of("name", "Nora Northwind", "position", "Data Protection Officer")))
                .when().post("/requests/" + requestId + "/submissions").then().statusCode(201);
        // downloads are offered from the request's view, which follows the submission event
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> given().auth().oauth2(nora).when()
                .get("/requests/" + requestId).then().body("request.submissions.size()", equalTo(1)));
        return (String) upload.get("uploadId");
    }
}
