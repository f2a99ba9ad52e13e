package org.compliance.evidence.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.compliance.evidence.rest.EvidenceApi.awaitView;
import static org.compliance.evidence.rest.EvidenceApi.issue;
import static org.compliance.evidence.rest.EvidenceApi.knownCase;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.compliance.evidence.application.AbandonedUploads;
import org.compliance.evidence.application.BlobStore;
import org.compliance.evidence.application.LiveHashes;
import org.compliance.evidence.application.ResumableHashes;
import org.compliance.evidence.query.ResumableUploadRepository;
import org.compliance.evidence.query.ResumableUploadRow;
import org.compliance.testing.RealPeers;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Resumable uploads (tus 1.0), with real Keycloak tokens, run against each blob store (ResumableUploadsTest: the file
 * system; ResumableUploadsOnS3Test: object storage): created, sent in parts, the offset
 * asked for, a wrong offset refused, a PATCH cut off mid-body keeping what arrived and resumed from there, one PATCH at
 * a time, the SHA-256 of the whole file (also when the service lost the hash it kept between PATCHes, as a restart
 * does), submitted and downloaded like any upload, and refusals as problem+json.
 */
abstract class ResumableUploads {

    private static final String TUS = "1.0.0";
    private static final String BODY = "application/offset+octet-stream";

    @Inject
    ResumableHashes hashes;
    @Inject
    BlobStore blobs;
    @Inject
    AbandonedUploads abandoned;
    @Inject
    ResumableUploadRepository resumableRows;

    String nora;
    String requestId;
    byte[] file;

    @BeforeEach
    void anOpenRequestAndAFile() {
        nora = RealPeers.tokenFor("nora.northwind");
        String iris = RealPeers.tokenFor("iris.investigator");
        requestId = issue(iris, knownCase(false), "{}");
        awaitView(iris, requestId);
        file = new byte[3 * 1024 * 1024 + 17];
        new Random(requestId.hashCode()).nextBytes(file);
        System.arraycopy("%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII), 0, file, 0, 9);
    }

    @Test
    void an_upload_sent_in_parts_is_the_file_its_hash_says_and_is_submitted_like_any_other() {
        String upload = create("annual report.pdf", file.length, null);
        assertThat(upload).startsWith("/requests/" + requestId + "/resumable-uploads/");
        assertThat(offset(upload)).isEqualTo(0);

        patch(upload, 0, Arrays.copyOfRange(file, 0, 1_000_000)).statusCode(204).header("Upload-Offset", "1000000")
                .header("Tus-Resumable", TUS);
        assertThat(offset(upload)).isEqualTo(1_000_000);
        patch(upload, 1_000_000, Arrays.copyOfRange(file, 1_000_000, 2_000_000)).statusCode(204)
                .header("Upload-Offset", "2000000");

        // a PATCH from another offset than the one held is refused and changes nothing
        patch(upload, 1_000_000, Arrays.copyOfRange(file, 1_000_000, 2_000_000)).statusCode(409)
                .contentType("application/problem+json").header("Upload-Offset", "2000000")
                .body("detail", containsString("2000000"));
        assertThat(offset(upload)).isEqualTo(2_000_000);

        var last = patch(upload, 2_000_000, Arrays.copyOfRange(file, 2_000_000, file.length)).statusCode(204)
                .header("Upload-Offset", String.valueOf(file.length)).extract();
        assertThat(last.header("Evidence-Sha256")).isEqualTo(sha256(file));
        assertThat(last.header("Evidence-Media-Type")).isEqualTo("application/pdf");
        tus().head(upload).then().statusCode(200).header("Upload-Offset", String.valueOf(file.length))
                .header("Evidence-Sha256", sha256(file));

        String uploadId = upload.substring(upload.lastIndexOf('/') + 1);
        given().auth().oauth2(nora).header("If-Match", EvidenceApi.etag(nora, requestId)).contentType(ContentType.JSON)
                .body(Map.of("uploadIds", List.of(uploadId), "description", "Annual report", "statementOfTruth",
                        Map.of("name", "Nora Northwind", "position", "Data Protection Officer")))
                .when().post("/requests/" + requestId + "/submissions").then().statusCode(201)
                .body("receipt.files[0].sha256", equalTo(sha256(file)))
                .body("receipt.files[0].fileName", equalTo("annual report.pdf"));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> given().auth().oauth2(nora).when()
                .get("/requests/" + requestId).then().body("request.submissions.size()", equalTo(1)));
        byte[] downloaded = given().auth().oauth2(RealPeers.tokenFor("iris.investigator")).when()
                .get("/requests/" + requestId + "/files/" + uploadId).then().statusCode(200).extract().asByteArray();
        assertThat(sha256(downloaded)).isEqualTo(sha256(file));
    }

    @Test
    void a_patch_cut_off_mid_body_keeps_what_arrived_and_the_upload_resumes_from_there() throws Exception {
        String upload = create("cut.bin", file.length, "1");
        long rereadBefore = LiveHashes.reread(hashes);
        int arrived = 1_234_567;
        try (Socket socket = new Socket("localhost", RestAssured.port)) {
            OutputStream out = socket.getOutputStream();
            out.write(("PATCH " + upload + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + nora + "\r\n"
                    + "Tus-Resumable: 1.0.0\r\nUpload-Offset: 0\r\nContent-Type: " + BODY + "\r\n"
                    + "Content-Length: " + file.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(file, 0, arrived);
            out.flush();
            // one PATCH at a time: while this one writes, another is refused with 423
            await("the cut PATCH holds the upload").atMost(Duration.ofSeconds(10)).until(() ->
                    patch(upload, 0, new byte[0]).extract().statusCode() == 423);
        }
        await("what arrived is held once the connection is gone").atMost(Duration.ofSeconds(10))
                .until(() -> offset(upload) == arrived);

        var done = patch(upload, arrived, Arrays.copyOfRange(file, arrived, file.length)).statusCode(204).extract();
        assertThat(done.header("Evidence-Sha256")).isEqualTo(sha256(file));
        assertThat(LiveHashes.reread(hashes)).as("resumed without re-reading what was held").isEqualTo(rereadBefore);
    }

    @Test
    void an_upload_resumed_after_the_service_lost_its_hash_still_has_the_whole_files_sha256() {
        String upload = create("restarted.bin", file.length, null);
        UUID id = UUID.fromString(upload.substring(upload.lastIndexOf('/') + 1));
        patch(upload, 0, Arrays.copyOfRange(file, 0, 1_000_003)).statusCode(204).header("Upload-Offset", "1000003");
        // the file system store's uploads keep the JDK's digest in memory; S3's save Bouncy Castle's state instead
        assertThat(LiveHashes.holds(hashes, id)).isEqualTo(blobs.readsBackResumable());
        long rereadBefore = LiveHashes.reread(hashes);

        LiveHashes.forgetAll(hashes); // as a restart does, or another instance, which never had it

        patch(upload, 1_000_003, Arrays.copyOfRange(file, 1_000_003, 2_000_000)).statusCode(204)
                .header("Upload-Offset", "2000000");
        assertThat(LiveHashes.reread(hashes) - rereadBefore).as("the bytes held, re-read to rebuild the hash")
                .isEqualTo(blobs.readsBackResumable() ? 1_000_003 : 0);
        var done = patch(upload, 2_000_000, Arrays.copyOfRange(file, 2_000_000, file.length)).statusCode(204)
                .extract();
        assertThat(done.header("Evidence-Sha256")).isEqualTo(sha256(file));
        assertThat(LiveHashes.reread(hashes) - rereadBefore).as("rebuilt once, then kept").isEqualTo(
                blobs.readsBackResumable() ? 1_000_003 : 0);
        assertThat(LiveHashes.holds(hashes, id)).as("forgotten once complete").isFalse();
        tus().head(upload).then().statusCode(200).header("Evidence-Sha256", sha256(file));
    }

    @Test
    void another_organisation_cannot_see_nor_write_the_upload() {
        String upload = create("ours.bin", 10, null);
        String colin = RealPeers.tokenFor("colin.contoso");
        given().auth().oauth2(colin).header("Tus-Resumable", TUS).when().head(upload).then().statusCode(404);
        given().auth().oauth2(colin).header("Tus-Resumable", TUS).header("Upload-Offset", "0").contentType(BODY)
                .body(new byte[10]).when().patch(upload).then().statusCode(404);
        given().auth().oauth2(colin).header("Tus-Resumable", TUS).header("Upload-Length", "10")
                .header("Upload-Metadata", metadata("theirs.bin", null)).when()
                .post("/requests/" + requestId + "/resumable-uploads").then().statusCode(404)
                .contentType("application/problem+json");
        given().auth().oauth2(RealPeers.tokenFor("iris.investigator")).header("Tus-Resumable", TUS).when()
                .head(upload).then().statusCode(403);
        assertThat(offset(upload)).isEqualTo(0);
    }

    @Test
    void bad_input_is_refused_as_problem_details() {
        long limit = ConfigProvider.getConfig().getValue("compliance.evidence.max-file-bytes", Long.class);
        String collection = "/requests/" + requestId + "/resumable-uploads";
        given().auth().oauth2(nora).header("Upload-Length", "10").header("Upload-Metadata", metadata("a.bin", null))
                .when().post(collection).then().statusCode(412).header("Tus-Version", TUS)
                .contentType("application/problem+json");
        tus().header("Upload-Metadata", metadata("a.bin", null)).when().post(collection).then().statusCode(400)
                .contentType("application/problem+json").body("detail", containsString("Upload-Length"));
        tus().header("Upload-Length", "ten").header("Upload-Metadata", metadata("a.bin", null)).when().post(collection)
                .then().statusCode(400).contentType("application/problem+json");
        tus().header("Upload-Length", String.valueOf(limit + 1)).header("Upload-Metadata", metadata("a.bin", null))
                .when().post(collection).then().statusCode(413).contentType("application/problem+json");
        tus().header("Upload-Length", "10").header("Upload-Metadata", "filename !!!").when().post(collection).then()
                .statusCode(400).contentType("application/problem+json");
        tus().header("Upload-Length", "10").header("Upload-Metadata", metadata("line\nbreak.pdf", null)).when()
                .post(collection).then().statusCode(400).contentType("application/problem+json");
        tus().header("Upload-Length", "10").when().post(collection).then().statusCode(400)
                .body("detail", containsString("filename"));
        tus().header("Upload-Length", "10").header("Upload-Metadata", metadata("a.bin", "99")).when().post(collection)
                .then().statusCode(422).contentType("application/problem+json");

        String upload = create("a.bin", 10, null);
        tus().header("Upload-Offset", "0").contentType("application/octet-stream").body(new byte[10]).when()
                .patch(upload).then().statusCode(415).contentType("application/problem+json");
        tus().header("Upload-Offset", "-1").contentType(BODY).body(new byte[10]).when().patch(upload).then()
                .statusCode(400).contentType("application/problem+json");
        patch(upload, 0, new byte[11]).statusCode(413).contentType("application/problem+json");
        tus().header("Upload-Offset", "0").contentType(BODY).body(new byte[1]).when()
                .patch("/requests/" + requestId + "/resumable-uploads/not-an-id").then().statusCode(404)
                .contentType("application/problem+json");
        assertThat(offset(upload)).isEqualTo(0);
    }

    @Test
    void an_upload_dropped_by_its_client_is_gone() {
        String upload = create("dropped.bin", file.length, null);
        patch(upload, 0, Arrays.copyOfRange(file, 0, 1000)).statusCode(204);
        tus().when().delete(upload).then().statusCode(204);
        tus().when().head(upload).then().statusCode(404).contentType("application/problem+json");
        patch(upload, 1000, new byte[10]).statusCode(404);
    }

    @Test
    void an_upload_left_idle_past_its_expiry_is_dropped_with_its_bytes_and_a_recent_one_is_not() throws Exception {
        String idle = create("idle.bin", file.length, null);
        patch(idle, 0, Arrays.copyOfRange(file, 0, 1000)).statusCode(204).header("Upload-Expires", notNullValue());
        Instant expires = expires(tus().when().head(idle).then().statusCode(200).extract().header("Upload-Expires"));
        // the service's clock (other tests move it forward: MovableTime)
        assertThat(Duration.between(MovableTime.now(), expires)).isBetween(Duration.ofDays(7).minusMinutes(5),
                Duration.ofDays(7));
        String staging = underWay(idle).staging;

        abandoned.sweep(expires.minusSeconds(60));
        assertThat(offset(idle)).as("a minute before it expires").isEqualTo(1000);
        assertThat(abandoned.sweep(expires.plusSeconds(1))).as("idle past its expiry").isPositive();
        tus().when().head(idle).then().statusCode(404).contentType("application/problem+json");
        patch(idle, 1000, new byte[10]).statusCode(404);
        assertThat(underWay(idle)).isNull();
        if (blobs.readsBackResumable()) {
            assertThatThrownBy(() -> blobs.readResumable(staging, 1).close()).as("its bytes are gone")
                    .isInstanceOf(IOException.class);
        }

        String recent = create("recent.bin", file.length, null);
        patch(recent, 0, Arrays.copyOfRange(file, 0, 10)).statusCode(204);
        abandoned.sweep(MovableTime.now());
        assertThat(offset(recent)).isEqualTo(10);
    }

    @Test
    void the_server_says_what_it_offers() {
        tus().when().options("/requests/" + requestId + "/resumable-uploads").then().statusCode(204)
                .header("Tus-Version", TUS).header("Tus-Extension", "creation,termination,expiration")
                .header("Tus-Max-Size", String.valueOf(ConfigProvider.getConfig()
                        .getValue("compliance.evidence.max-file-bytes", Long.class)));
    }

    @Test
    void an_empty_file_completes_with_its_first_patch() {
        String upload = create("empty.txt", 0, null);
        patch(upload, 0, new byte[0]).statusCode(204).header("Upload-Offset", "0")
                .header("Evidence-Sha256", sha256(new byte[0]));
    }

    private String create(String fileName, long length, String item) {
        return tus().header("Upload-Length", String.valueOf(length)).header("Upload-Metadata", metadata(fileName, item))
                .when().post("/requests/" + requestId + "/resumable-uploads").then().statusCode(201)
                .header("Tus-Resumable", TUS).header("Upload-Offset", "0").extract().header("Location");
    }

    private static Instant expires(String header) {
        return ZonedDateTime.parse(header, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
    }

    private ResumableUploadRow underWay(String upload) {
        try {
            return VertxContextSupport.subscribeAndAwait(() -> Panache.withSession(() -> resumableRows.findById(
                    UUID.fromString(upload.substring(upload.lastIndexOf('/') + 1)))));
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    private long offset(String upload) {
        return Long.parseLong(tus().when().head(upload).then().statusCode(200).header("Cache-Control", "no-store")
                .extract().header("Upload-Offset"));
    }

    private io.restassured.response.ValidatableResponse patch(String upload, long offset, byte[] bytes) {
        return tus().header("Upload-Offset", String.valueOf(offset)).contentType(BODY).body(bytes).when()
                .patch(upload).then();
    }

    private RequestSpecification tus() {
        return given().auth().oauth2(nora).header("Tus-Resumable", TUS);
    }

    private static String metadata(String fileName, String item) {
        Base64.Encoder base64 = Base64.getEncoder();
        String pairs = "filename " + base64.encodeToString(fileName.getBytes(StandardCharsets.UTF_8));
        return item == null ? pairs : pairs + ",item " + base64.encodeToString(item.getBytes(StandardCharsets.UTF_8));
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
