package org.compliance.evidence.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.compliance.evidence.rest.EvidenceApi.issue;
import static org.compliance.evidence.rest.EvidenceApi.knownCase;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocumentNameDictionary;
import org.apache.pdfbox.text.PDFTextStripper;
import org.compliance.testing.RealPeers;
import org.junit.jupiter.api.Test;

/** The receipt as a PDF to keep: what it states, that its attachments check, and who may fetch it. */
@QuarkusTest
@WithTestResource(RealPeers.class)
class ReceiptPdfTest {

    private static final byte[] POLICY = "Retention policy.\n".getBytes(StandardCharsets.UTF_8);
    private static final byte[] INVENTORY = "Training data inventory, 2026.\n".getBytes(StandardCharsets.UTF_8);

    @Test
    void the_pdf_names_the_case_request_organisation_files_and_statement_and_its_attachment_verifies() throws Exception {
        String nora = RealPeers.tokenFor("nora.northwind");
        String requestId = issue(RealPeers.tokenFor("iris.investigator"), knownCase(false), "{}");
        String r = "/requests/" + requestId;
        String submissionId = submit(nora, requestId);

        byte[] pdf = given().auth().oauth2(nora).when().get(r + "/submissions/" + submissionId + "/receipt.pdf").then()
                .statusCode(200).contentType("application/pdf")
                .header("Content-Disposition", "attachment; filename=\"receipt-" + submissionId + ".pdf\"")
                .extract().asByteArray();
        JsonPath key = JsonPath.from(given().auth().oauth2(nora).when().get("/receipts/public-key").then()
                .statusCode(200).extract().asString());
        byte[] publicKey = Base64.getDecoder().decode(key.getString("publicKey"));
        try (var document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
            assertThat(text).contains("Receipt for evidence submitted", "Training data retention",
                    "Data retention policy (and 1 more) (" + requestId + ")", "Northwind Cloud Ltd (northwind-cloud)",
                    "Submitted by: Nora Northwind", "Europe/London", "policy.txt", "Size: " + POLICY.length + " bytes",
                    "SHA-256: " + sha256(POLICY), "inventory.txt", "SHA-256: " + sha256(INVENTORY),
                    "I believe that the facts stated in this submission are true",
                    "Made by Nora Northwind, Data Protection Officer.", "Key id: " + key.getString("keyId"),
                    HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(publicKey)),
                    "openssl pkeyutl -verify", key.getString("publicKey"));

            var attachments = new PDDocumentNameDictionary(document.getDocumentCatalog()).getEmbeddedFiles().getNames();
            byte[] signedReceipt = attachments.get("receipt.json").getEmbeddedFile().toByteArray();
            given().auth().oauth2(nora).contentType(ContentType.JSON).body(signedReceipt).when()
                    .post("/receipts/verification").then().statusCode(200).body("valid", org.hamcrest.Matchers.equalTo(true));
            byte[] signedBytes = attachments.get("signed.json").getEmbeddedFile().toByteArray();
            Signature verifier = Signature.getInstance("Ed25519");
            verifier.initVerify(KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(publicKey)));
            verifier.update(signedBytes);
            String signature = JsonPath.from(new String(signedReceipt, StandardCharsets.UTF_8)).getString("signature");
            assertThat(verifier.verify(Base64.getDecoder().decode(signature))).as("the attached bytes as signed").isTrue();
            assertThat(text).contains(signature);
        }

        given().auth().oauth2(RealPeers.tokenFor("iris.investigator")).when()
                .get(r + "/submissions/" + submissionId + "/receipt.pdf").then().statusCode(200)
                .contentType("application/pdf");
    }

    @Test
    void another_company_and_an_unknown_submission_get_404() {
        String nora = RealPeers.tokenFor("nora.northwind");
        String requestId = issue(RealPeers.tokenFor("iris.investigator"), knownCase(false), "{}");
        String r = "/requests/" + requestId;
        String submissionId = submit(nora, requestId);
        given().auth().oauth2(RealPeers.tokenFor("colin.contoso")).when()
                .get(r + "/submissions/" + submissionId + "/receipt.pdf").then().statusCode(404)
                .contentType("application/problem+json");
        given().auth().oauth2(nora).when().get(r + "/submissions/no-such-submission/receipt.pdf").then()
                .statusCode(404).contentType("application/problem+json");
    }

    private static String submit(String token, String requestId) {
        String r = "/requests/" + requestId;
        String policy = upload(token, r, "policy.txt", POLICY);
        String inventory = upload(token, r, "inventory.txt", INVENTORY);
        return given().auth().oauth2(token).header("If-Match", EvidenceApi.etag(token, requestId))
                .contentType(ContentType.JSON)
                .body(Map.of("uploadIds", List.of(policy, inventory), "description", "Retention policy and inventory",
                        "statementOfTruth", Map.of("name", "Nora Northwind", "position", "Data Protection Officer")))
                .when().post(r + "/submissions").then().statusCode(201).extract().path("receipt.submissionId");
    }

    private static String upload(String token, String r, String name, byte[] content) {
        return given().auth().oauth2(token).contentType("text/plain").queryParam("fileName", name).body(content)
                .when().post(r + "/uploads").then().statusCode(201).extract().path("uploadId");
    }

    private static String sha256(byte[] content) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    }
}
