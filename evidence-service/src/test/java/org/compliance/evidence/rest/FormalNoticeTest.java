package org.compliance.evidence.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.compliance.evidence.rest.EvidenceApi.awaitView;
import static org.compliance.evidence.rest.EvidenceApi.issue;
import static org.compliance.evidence.rest.EvidenceApi.knownCase;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.HexFormat;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.compliance.api.evidence.FormalNotice;
import org.compliance.testing.RealPeers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A request issued as a formal information notice: the PDF verifies against the hash and signature recorded. */
@QuarkusTest
@WithTestResource(RealPeers.class)
class FormalNoticeTest {

    static final String NOTICE = "{\"dueInDays\":28,\"formalNotice\":{\"consequences\":\"Failing to comply is an "
            + "offence; the Commissioner may issue an enforcement notice and a penalty notice.\",\"rightOfAppeal\":"
            + "\"You may appeal against this notice to the First-tier Tribunal (General Regulatory Chamber).\","
            + "\"appealPeriodDays\":28}}";

    private String iris;
    private String nora;
    private String caseId;

    @BeforeEach
    void tokens() {
        iris = RealPeers.tokenFor("iris.investigator");
        nora = RealPeers.tokenFor("nora.northwind");
        caseId = knownCase(false);
    }

    @Test
    void the_downloaded_notice_verifies_against_the_hash_and_signature_in_its_request() throws Exception {
        String requestId = issue(iris, caseId, NOTICE);
        JsonPath notice = JsonPath.from(awaitView(nora, requestId).extract().asString());
        String sha256 = notice.getString("request.formalNotice.sha256");
        assertThat(sha256).matches("[0-9a-f]{64}");
        assertThat(notice.getInt("request.formalNotice.appealPeriodDays")).isEqualTo(28);

        Response pdf = given().auth().oauth2(nora).when().get("/requests/" + requestId + "/formal-notice");
        pdf.then().statusCode(200).contentType("application/pdf");
        byte[] bytes = pdf.asByteArray();
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(bytes);
        assertThat(HexFormat.of().formatHex(digest)).isEqualTo(sha256);
        assertThat(pdf.header("Repr-Digest")).isEqualTo("sha-256=:" + Base64.getEncoder().encodeToString(digest) + ":");
        assertThat(pdf.header("Formal-Notice-Signature")).isEqualTo(notice.getString("request.formalNotice.signature"));

        JsonPath key = JsonPath.from(given().auth().oauth2(nora).when().get("/receipts/public-key").then()
                .statusCode(200).extract().asString());
        assertThat(notice.getString("request.formalNotice.keyId")).isEqualTo(key.getString("keyId"));
        PublicKey publicKey = KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(
                Base64.getDecoder().decode(key.getString("publicKey"))));
        assertThat(verifies(publicKey, FormalNotice.signedText(requestId, sha256),
                notice.getString("request.formalNotice.signature"))).isTrue();
        assertThat(verifies(publicKey, FormalNotice.signedText(requestId, "0".repeat(64)),
                notice.getString("request.formalNotice.signature"))).as("bound to this PDF").isFalse();

        try (var document = Loader.loadPDF(bytes)) {
            String text = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
            assertThat(text).contains("Information notice", "Information Commissioner's Office",
                    "Training data retention", "northwind-cloud", "UK GDPR Art. 58(1)(a)", "Data retention policy",
                    "Failing to comply is an offence", "First-tier Tribunal", "within 28 days", "Europe/London",
                    "Iris Investigator");
        }
        given().auth().oauth2(RealPeers.tokenFor("ada.auditor")).when().get("/requests/" + requestId
                + "/formal-notice").then().statusCode(200).contentType("application/pdf");
    }

    @Test
    void another_organisation_and_a_request_without_notice_get_404() {
        String requestId = issue(iris, caseId, NOTICE);
        awaitView(iris, requestId);
        given().auth().oauth2(RealPeers.tokenFor("colin.contoso")).when().get("/requests/" + requestId
                + "/formal-notice").then().statusCode(404).contentType("application/problem+json");
        String plain = issue(iris, caseId, "{}");
        awaitView(iris, plain);
        given().auth().oauth2(nora).when().get("/requests/" + plain + "/formal-notice").then().statusCode(404)
                .contentType("application/problem+json").body("detail", containsString("formal notice"));
        given().auth().oauth2(iris).when().get("/requests/" + plain).then().statusCode(200)
                .body("request.formalNotice", equalTo(null));
    }

    @Test
    void text_outside_the_font_is_replaced_not_a_failure_and_bad_notices_are_refused() {
        String requestId = issue(iris, caseId, "{\"formalNotice\":{\"consequences\":\"Zażółć gęślą jaźń — 東京 "
                + "\\uD83D\\uDE00 penalties.\",\"rightOfAppeal\":\"Ÿ tribunal\",\"appealPeriodDays\":14}}");
        awaitView(nora, requestId);
        given().auth().oauth2(nora).when().get("/requests/" + requestId + "/formal-notice").then().statusCode(200);

        for (String refused : new String[] {
                "{\"consequences\":\"\",\"rightOfAppeal\":\"Tribunal\",\"appealPeriodDays\":28}",
                "{\"consequences\":\"Penalty\",\"rightOfAppeal\":\"Tribunal\"}",
                "{\"consequences\":\"Penalty\",\"rightOfAppeal\":\"Tribunal\",\"appealPeriodDays\":0}",
                "{\"consequences\":\"" + "x".repeat(4001) + "\",\"rightOfAppeal\":\"T\",\"appealPeriodDays\":28}"}) {
            int status = given().auth().oauth2(iris).contentType(ContentType.JSON).body("{\"caseId\":\"" + caseId
                            + "\",\"respondentOrganisationAlias\":\"northwind-cloud\",\"items\":[\"Policy\"],"
                            + "\"legalBasis\":\"UK GDPR Art. 58(1)(a)\",\"formalNotice\":" + refused + "}")
                    .when().post("/requests").then().contentType("application/problem+json").extract().statusCode();
            assertThat(status).as(refused).isIn(400, 422);
        }
    }

    private static boolean verifies(PublicKey key, String text, String signature) throws Exception {
        Signature verifier = Signature.getInstance("Ed25519");
        verifier.initVerify(key);
        verifier.update(text.getBytes(StandardCharsets.UTF_8));
        return verifier.verify(Base64.getDecoder().decode(signature));
    }
}
