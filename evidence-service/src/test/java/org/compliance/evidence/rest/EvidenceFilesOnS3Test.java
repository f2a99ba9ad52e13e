package org.compliance.evidence.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.compliance.evidence.rest.EvidenceApi.awaitView;
import static org.compliance.evidence.rest.EvidenceApi.issue;
import static org.compliance.evidence.rest.EvidenceApi.knownCase;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.compliance.api.cases.LegalHoldLifted;
import org.compliance.api.cases.LegalHoldPlaced;
import org.compliance.evidence.adapters.BlobStores;
import org.compliance.evidence.adapters.S3Settings;
import org.compliance.testing.RealPeers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ObjectLockLegalHoldStatus;
import software.amazon.awssdk.services.s3.model.ObjectLockRetentionMode;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Evidence files in object storage (the {@link ObjectStorage} profile: S3Mock, a bucket with Object Lock): the same
 * tests as on the file system, then what object storage adds: each file's retention, and a case's legal hold on
 * the objects of its evidence, a blob shared by two cases held while either is.
 */
@QuarkusTest
@TestProfile(ObjectStorage.class)
@WithTestResource(RealPeers.class)
class EvidenceFilesOnS3Test extends EvidenceFiles {

    @Inject
    S3Settings settings;
    @Inject
    EventStore events;
    private S3Client s3;
    private String prefix;
    private String bucket;

    @BeforeEach
    void aClient() {
        s3 = BlobStores.client(settings);
        bucket = settings.bucket().orElseThrow();
        prefix = settings.keyPrefix().orElse("");
    }

    @AfterEach
    void closeClient() {
        if (s3 != null) {
            s3.close();
        }
    }

    @Override
    long blobs() {
        return s3.listObjectsV2Paginator(r -> r.bucket(bucket).prefix(prefix)).contents().stream()
                .filter(o -> !o.key().startsWith(prefix + "incoming/")).count();
    }

    @Override
    boolean stored(String sha256) {
        return s3.listObjectsV2(r -> r.bucket(bucket).prefix(key(sha256))).keyCount() == 1;
    }

    @Override
    long unfinished() {
        return s3.listMultipartUploads(r -> r.bucket(bucket)).uploads().size()
                + s3.listObjectsV2(r -> r.bucket(bucket).prefix(prefix + "incoming/")).keyCount();
    }

    @Test
    void each_file_is_retained_as_configured() {
        String sha256 = (String) upload("kept.txt", "text/plain", ("Kept " + requestId)
                .getBytes(StandardCharsets.UTF_8)).get("sha256");
        var retention = s3.getObjectRetention(r -> r.bucket(bucket).key(key(sha256))).retention();
        assertThat(retention.mode()).isEqualTo(ObjectLockRetentionMode.GOVERNANCE);
        assertThat(retention.retainUntilDate()).isAfter(Instant.now().plus(Duration.ofHours(23)));
    }

    @Test
    void a_case_under_legal_hold_holds_its_evidence_and_what_arrives_while_it_is_held() {
        String before = (String) upload("before.txt", "text/plain", ("Before the hold " + requestId)
                .getBytes(StandardCharsets.UTF_8)).get("sha256");
        submit(upload("before.txt", "text/plain", ("Before the hold " + requestId).getBytes(StandardCharsets.UTF_8)));

        placeHold(caseId, 1);
        awaitHold(before, ObjectLockLegalHoldStatus.ON);

        byte[] during = ("During the hold " + requestId).getBytes(StandardCharsets.UTF_8);
        String arrived = (String) uploadTo(requestId, "during.txt", during).get("sha256");
        submitTo(requestId, during);
        awaitHold(arrived, ObjectLockLegalHoldStatus.ON);

        liftHold(caseId, 2);
        awaitHold(before, ObjectLockLegalHoldStatus.OFF);
        awaitHold(arrived, ObjectLockLegalHoldStatus.OFF);
    }

    @Test
    void a_blob_two_cases_share_stays_held_while_either_is_held() {
        byte[] shared = ("Shared between cases " + requestId).getBytes(StandardCharsets.UTF_8);
        String sha256 = (String) upload("shared.txt", "text/plain", shared).get("sha256");
        submitTo(requestId, shared);
        String iris = RealPeers.tokenFor("iris.investigator");
        String otherCase = knownCase(false);
        String otherRequest = issue(iris, otherCase, "{}");
        awaitView(iris, otherRequest);
        submitTo(otherRequest, shared);

        placeHold(caseId, 1);
        placeHold(otherCase, 1);
        awaitHold(sha256, ObjectLockLegalHoldStatus.ON);

        liftHold(caseId, 2);
        // the policy records the lift in the same transaction as its calls to the store
        await("the first case's hold lifted").atMost(Duration.ofSeconds(15)).until(() -> liftRecorded(caseId));
        assertThat(holdOf(sha256)).as("still held: the other case is").isEqualTo(ObjectLockLegalHoldStatus.ON);

        liftHold(otherCase, 2);
        awaitHold(sha256, ObjectLockLegalHoldStatus.OFF);
    }

    private boolean liftRecorded(String caseId) throws Exception {
        try (var connection = RealPeers.databaseOwner().getConnection();
             var select = connection.prepareStatement(
                     "SELECT held FROM evidence_service.legal_hold_case WHERE case_id = ?")) {
            select.setString(1, caseId);
            try (var row = select.executeQuery()) {
                return row.next() && !row.getBoolean(1);
            }
        }
    }

    private void placeHold(String caseId, long sequence) {
        events.publish(new GenericDomainEventMessage<>("InvestigationCase", caseId, sequence, new LegalHoldPlaced(caseId, "Litigation expected")));
    }

    private void liftHold(String caseId, long sequence) {
        events.publish(new GenericDomainEventMessage<>("InvestigationCase", caseId, sequence, new LegalHoldLifted(caseId, "Litigation settled")));
    }

    private void awaitHold(String sha256, ObjectLockLegalHoldStatus status) {
        await("legal hold " + status + " on " + sha256).atMost(Duration.ofSeconds(15))
                .until(() -> holdOf(sha256) == status);
    }

    private ObjectLockLegalHoldStatus holdOf(String sha256) {
        try {
            return s3.getObjectLegalHold(r -> r.bucket(bucket).key(key(sha256))).legalHold().status();
        } catch (S3Exception e) {
            return null; // no legal hold recorded on the object yet
        }
    }

    private Map<String, Object> uploadTo(String request, String fileName, byte[] content) {
        return given().auth().oauth2(nora).contentType("text/plain").queryParam("fileName", fileName).body(content)
                .when().post("/requests/" + request + "/uploads").then().statusCode(201).extract().as(Map.class);
    }

    private void submitTo(String request, byte[]... contents) {
        var uploadIds = Arrays.stream(contents).map(c -> uploadTo(request, "file.txt", c).get("uploadId"))
                .toList();
        given().auth().oauth2(nora).header("If-Match", EvidenceApi.etag(nora, request))
                .contentType(ContentType.JSON)
                .body(Map.of("uploadIds", uploadIds, "description", "More",
                        "statementOfTruth", Map.of("name", "Nora Northwind", "position", "Data Protection Officer")))
                .when().post("/requests/" + request + "/submissions").then().statusCode(201);
    }

    private String key(String sha256) {
        return prefix + sha256.substring(0, 2) + "/" + sha256.substring(2, 4) + "/" + sha256;
    }
}
