package org.compliance.evidence.application;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDDocumentNameDictionary;
import org.apache.pdfbox.pdmodel.PDEmbeddedFilesNameTreeNode;
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;
import org.apache.pdfbox.pdmodel.common.filespecification.PDEmbeddedFile;
import org.compliance.api.evidence.views.Receipt;
import org.compliance.api.evidence.views.ReceiptFile;
import org.compliance.api.evidence.views.SignedReceipt;
import org.compliance.platform.documents.PdfPages;

/**
 * A submission's signed receipt as a PDF a person can keep: what was submitted, by whom and when, under which
 * statement of truth, and how to check the signature. The signed receipt travels inside the PDF as two attachments: the
 * JSON receipt (for {@code POST /receipts/verification}) and the exact bytes the signature covers (for OpenSSL).
 */
final class ReceiptPdf {

    /** What the PDF names besides the receipt: the key's fingerprint and PEM, and the two attachments. */
    record Signing(String keyFingerprint, String publicKeyPem, byte[] signedReceiptJson, byte[] signedBytes) {
    }

    static final String RECEIPT = "receipt.json";
    static final String SIGNED_BYTES = "signed.json";

    private final PDDocument document;
    private final PdfPages pages;

    private ReceiptPdf(PDDocument document) throws IOException {
        this.document = document;
        this.pages = new PdfPages(document);
    }

    static byte[] render(SignedReceipt signed, ReceiptHeading heading, Signing signing) {
        try (PDDocument document = new PDDocument()) {
            ReceiptPdf pdf = new ReceiptPdf(document);
            pdf.write(signed, heading, signing);
            pdf.pages.close();
            pdf.attach(signed.receipt(), signing);
            pdf.describe(signed.receipt());
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not render the receipt of submission "
                    + signed.receipt().submissionId(), e);
        }
    }

    private void write(SignedReceipt signed, ReceiptHeading h, Signing signing) throws IOException {
        Receipt r = signed.receipt();
        pages.lines(pages.bold, 18, "Receipt for evidence submitted");
        pages.space(6);
        pages.field("Case", named(h.caseTitle(), r.caseId()));
        pages.field("Evidence request", named(h.requestSubject(), r.requestId()));
        pages.field("Organisation", named(h.organisationName(), r.organisationAlias()));
        pages.field("Submission", r.submissionId());
        pages.field("Submitted by", named(r.submittedByName(), r.submittedByUserId()));
        pages.field("Submitted at", PdfPages.moment(r.submittedAt()) + (r.late() ? ", after the request was due" : ""));

        pages.heading("Files (" + r.files().size() + ")");
        int n = 0;
        for (ReceiptFile file : r.files()) {
            pages.lines(pages.bold, PdfPages.SIZE, ++n + ". " + file.fileName());
            pages.paragraph("Size: " + file.sizeBytes() + " bytes");
            pages.paragraph("SHA-256: " + file.sha256());
        }

        pages.heading("Statement of truth");
        pages.paragraph("I believe that the facts stated in this submission are true, and I am authorised to submit "
                + "it for " + named(h.organisationName(), r.organisationAlias()) + ".");
        pages.paragraph("Made by " + r.statementOfTruth().name() + ", " + r.statementOfTruth().position() + ".");

        pages.heading("Signature");
        pages.paragraph("This receipt was issued at " + PdfPages.moment(r.issuedAt()) + " and signed by the "
                + "regulator's evidence service with its " + signed.algorithm() + " receipt key.");
        pages.field("Key id", signed.keyId());
        pages.paragraph("Key fingerprint (SHA-256 of the public key):");
        pages.code(signing.keyFingerprint());
        pages.paragraph("Signature (Base64):");
        pages.code(signed.signature());

        pages.heading("How to check it");
        pages.paragraph("1. Compare the key fingerprint above with the one the regulator publishes "
                + "(GET /receipts/public-key on the evidence service).");
        pages.paragraph("2. This PDF carries the signed receipt as the attachment " + RECEIPT + ". Send it to "
                + "POST /receipts/verification on the evidence service, or open the receipt in the portal, which "
                + "checks it: valid means it is unchanged and signed with the regulator's key.");
        pages.paragraph("3. Or check it yourself with OpenSSL 3. The signature covers the receipt's canonical JSON "
                + "(properties in alphabetical order, no white space, moments in ISO-8601, UTF-8), attached exactly "
                + "as signed as " + SIGNED_BYTES + ". Save that attachment, the public key below as key.pem and the "
                + "signature above as sig.b64, then run:");
        pages.code("base64 -d sig.b64 > sig.bin");
        pages.code("openssl pkeyutl -verify -pubin -inkey key.pem -rawin -sigfile sig.bin -in " + SIGNED_BYTES);
        pages.paragraph("It answers \"Signature Verified Successfully\" for an unchanged receipt. The public key "
                + "(key.pem):");
        pages.code(signing.publicKeyPem());
    }

    /** The two attachments, named as the steps in the PDF name them. */
    private void attach(Receipt r, Signing signing) throws IOException {
        Map<String, PDComplexFileSpecification> files = new LinkedHashMap<>();
        files.put(RECEIPT, file(RECEIPT, signing.signedReceiptJson(), "The signed receipt of submission "
                + r.submissionId()));
        files.put(SIGNED_BYTES, file(SIGNED_BYTES, signing.signedBytes(),
                "The receipt's canonical JSON, exactly the bytes the signature covers"));
        PDEmbeddedFilesNameTreeNode tree = new PDEmbeddedFilesNameTreeNode();
        tree.setNames(files);
        PDDocumentNameDictionary names = new PDDocumentNameDictionary(document.getDocumentCatalog());
        names.setEmbeddedFiles(tree);
        document.getDocumentCatalog().setNames(names);
    }

    private PDComplexFileSpecification file(String name, byte[] content, String description) throws IOException {
        PDEmbeddedFile embedded = new PDEmbeddedFile(document, new ByteArrayInputStream(content));
        embedded.setSubtype("application/json");
        embedded.setSize(content.length);
        PDComplexFileSpecification spec = new PDComplexFileSpecification();
        spec.setFile(name);
        spec.setFileUnicode(name);
        spec.setFileDescription(description);
        spec.setEmbeddedFile(embedded);
        spec.setEmbeddedFileUnicode(embedded);
        return spec;
    }

    private void describe(Receipt r) {
        PDDocumentInformation info = document.getDocumentInformation();
        info.setTitle("Receipt for submission " + r.submissionId());
        info.setSubject("Evidence request " + r.requestId());
        info.setCreator("compliance suite evidence-service");
        info.setProducer("Apache PDFBox");
    }

    private static String named(String name, String id) {
        return name == null || name.isBlank() || name.equals(id) ? id : name + " (" + id + ")";
    }
}
