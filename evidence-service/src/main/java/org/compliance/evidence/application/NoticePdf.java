package org.compliance.evidence.application;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.GregorianCalendar;
import java.util.Locale;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.compliance.evidence.domain.DueMoments;
import org.compliance.platform.documents.PdfPages;

/**
 * Renders a formal information notice as a PDF ({@link PdfPages}), the same bytes for the same content: the
 * document's dates are the notice's date and its file identifier is derived from the request id and that date, so a
 * notice can be rendered again and compared.
 */
final class NoticePdf {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.UK);

    private final PDDocument document;
    private final PdfPages pages;

    private NoticePdf(PDDocument document) throws IOException {
        this.document = document;
        this.pages = new PdfPages(document);
    }

    static byte[] render(NoticeContent notice) {
        try (PDDocument document = new PDDocument()) {
            NoticePdf pdf = new NoticePdf(document);
            pdf.write(notice);
            pdf.pages.close();
            pdf.describe(notice);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not render the formal notice of request " + notice.requestId(), e);
        }
    }

    private void write(NoticeContent n) throws IOException {
        pages.lines(pages.bold, 18, "Information notice");
        pages.space(6);
        if (present(n.authority())) {
            pages.lines(pages.bold, 12, n.authority());
        }
        pages.field("Notice reference", n.requestId());
        pages.field("Case", present(n.caseTitle()) ? n.caseTitle() + " (" + n.caseId() + ")" : n.caseId());
        pages.field("To", n.respondent());
        pages.field("Date of notice", PdfPages.moment(n.issuedAt()));

        pages.heading("Legal basis");
        pages.paragraph("This notice is given under " + n.legalBasis() + ".");
        pages.heading("Information required");
        for (int i = 0; i < n.items().size(); i++) {
            pages.paragraph((i + 1) + ". " + n.items().get(i));
        }
        if (present(n.instructions())) {
            pages.heading("How to provide it");
            pages.paragraph(n.instructions());
        }
        pages.heading("When");
        pages.paragraph("The information must be provided by " + PdfPages.moment(n.dueAt())
                + ", through the regulator's evidence portal.");
        pages.heading("If this notice is not complied with");
        pages.paragraph(n.notice().consequences());
        pages.heading("Right of appeal");
        pages.paragraph(n.notice().rightOfAppeal());
        LocalDate lastDay = n.issuedAt().atZone(DueMoments.ZONE).toLocalDate().plusDays(n.notice().appealPeriodDays());
        pages.paragraph("An appeal must be brought within " + n.notice().appealPeriodDays() + " days of the date of "
                + "this notice, that is by the end of " + DAY.format(lastDay) + " (" + DueMoments.ZONE.getId() + ").");
        pages.heading("Issued");
        pages.paragraph("Issued by " + n.issuedBy() + " at " + PdfPages.moment(n.issuedAt()) + ".");
        pages.space(14.5f);
        pages.lines(pages.regular, 8.5f, "This notice is signed by the regulator's case system: its SHA-256 and "
                + "signature are recorded with the request's history and can be checked against the published key.");
    }

    private void describe(NoticeContent n) {
        PDDocumentInformation info = document.getDocumentInformation();
        info.setTitle("Information notice " + n.requestId());
        info.setSubject(PdfPages.printable(pages.regular, n.legalBasis()));
        info.setAuthor(PdfPages.printable(pages.regular, present(n.authority()) ? n.authority() : n.issuedBy()));
        info.setCreator("compliance suite evidence-service");
        info.setProducer("Apache PDFBox");
        GregorianCalendar date = GregorianCalendar.from(n.issuedAt().atZone(ZoneOffset.UTC));
        info.setCreationDate(date);
        info.setModificationDate(date);
        // the file identifier, otherwise made from the clock, from what identifies the notice
        byte[] id = Arrays.copyOf(sha256(n.requestId() + "\n" + n.issuedAt()), 16);
        COSArray ids = new COSArray();
        ids.add(new COSString(id));
        ids.add(new COSString(id));
        document.getDocument().getTrailer().setItem(COSName.ID, ids);
    }

    private static boolean present(String text) {
        return text != null && !text.isBlank();
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
