package org.compliance.audit.application;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.GregorianCalendar;
import java.util.TimeZone;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.compliance.platform.documents.PdfPages;

/** The bundle's report.pdf: what report.html says ({@link CaseReport}, {@link ReportText}), as A4 pages to print. */
final class ReportPdf {

    private final PdfPages pages;

    private ReportPdf(PdfPages pages) {
        this.pages = pages;
    }

    static byte[] render(CaseReport report) {
        try (PDDocument document = new PDDocument()) {
            ReportPdf pdf = new ReportPdf(new PdfPages(document));
            pdf.write(report);
            pdf.pages.close();
            PDDocumentInformation info = document.getDocumentInformation();
            info.setTitle("Case report: " + PdfPages.printable(pdf.pages.regular, report.title()));
            info.setSubject("Audit bundle of case " + report.caseId());
            info.setCreator("compliance suite audit-service");
            info.setProducer("Apache PDFBox");
            GregorianCalendar at = new GregorianCalendar(TimeZone.getTimeZone("UTC"));
            at.setTimeInMillis(report.exportedAt().toEpochMilli());
            info.setCreationDate(at);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not render the report of case " + report.caseId(), e);
        }
    }

    private void write(CaseReport r) throws IOException {
        pages.lines(pages.bold, 18, r.title());
        pages.paragraph("Case report from the audit bundle of case " + r.caseId() + ", exported at "
                + moment(r.exportedAt()) + " by " + r.exportedBy() + ".");

        pages.heading("The case");
        pages.field("Title", r.title());
        pages.field("Authority", orNone(r.authority()));
        pages.field("Status at export", orNone(r.status()));
        pages.field("Legal basis", orNone(String.join("; ", r.legalBases())));
        pages.field("Respondents", orNone(String.join("; ", r.respondents())));

        pages.heading("Verification at export");
        CaseReport.Proof p = r.proof();
        pages.field("Hash chains", ReportText.chains(p));
        pages.field("Checkpoint", ReportText.checkpoint(p));
        pages.paragraph("Checkpoint root:");
        pages.code(p.checkpointRoot());
        pages.paragraph("Signing key, SHA-256 fingerprint:");
        pages.code(p.keyFingerprint());
        pages.paragraph(ReportText.HOW_TO_VERIFY);

        pages.heading("Decisions");
        if (r.decisions().isEmpty()) {
            pages.paragraph("No decision was issued.");
        }
        for (CaseReport.Decision d : r.decisions()) {
            pages.lines(pages.bold, PdfPages.SIZE, d.kind() + " to " + d.addressee() + ", " + moment(d.at()));
            if (d.penalty() != null) {
                pages.field("Penalty", d.penalty());
            }
            pages.field("Decided by", orNone(d.decidedBy()));
            pages.field("Reasons", orNone(d.reasons()));
        }

        pages.heading("Evidence");
        if (r.evidence().isEmpty()) {
            pages.paragraph("No file was submitted.");
        }
        int n = 0;
        for (CaseReport.Evidence e : r.evidence()) {
            pages.lines(pages.bold, PdfPages.SIZE, ++n + ". " + e.fileName());
            pages.field("Size", e.sizeBytes() + " bytes");
            pages.field("Request", e.subject());
            pages.field("Submitted by", e.submittedBy() + ", " + moment(e.submittedAt()));
            pages.field("In this bundle", e.inBundle());
            pages.paragraph("SHA-256:");
            pages.code(e.sha256());
        }

        pages.heading("History");
        for (CaseReport.HistoryLine line : r.history()) {
            pages.paragraph(moment(line.at()) + " (position " + line.position() + "): " + line.what() + ", "
                    + line.concerning() + ", by " + line.who() + ".");
        }

        pages.heading("Who looked");
        pages.paragraph(ReportText.WHO_LOOKED);
        if (r.reads().isEmpty()) {
            pages.paragraph(ReportText.NO_READS);
        }
        for (CaseReport.Read read : r.reads()) {
            pages.paragraph(moment(read.at()) + ": " + read.who() + " looked at " + ReportText.looked(read) + "; "
                    + ReportText.standing(read) + ".");
        }
    }

    private static String moment(Instant instant) {
        return instant == null ? "" : PdfPages.moment(instant);
    }

    private static String orNone(String value) {
        return value == null || value.isEmpty() ? "none" : value;
    }
}
