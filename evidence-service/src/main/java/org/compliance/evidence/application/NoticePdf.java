package org.compliance.evidence.application;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.Locale;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.compliance.evidence.domain.DueMoments;

/**
 * Renders a formal information notice as a PDF, the same bytes for the same content: the document's dates are the
 * notice's date and its file identifier is derived from the request id and that date, so a notice can be rendered
 * again and compared. The font is Helvetica (one of the PDF standard fonts, which every reader has); a character it
 * cannot show (outside Windows-1252) is printed as '?' rather than failing the issue.
 */
final class NoticePdf {

    private static final float MARGIN = 56;
    private static final float SIZE = 10.5f;
    private static final float LEADING = 14.5f;
    private static final DateTimeFormatter MOMENT = DateTimeFormatter.ofPattern(
            "HH:mm:ss 'on' EEEE d MMMM yyyy '('VV', 'zzz')'", Locale.UK);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.UK);

    private final PDDocument document;
    private final PDFont regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
    private final PDFont bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
    private PDPageContentStream page;
    private float y;

    private NoticePdf(PDDocument document) {
        this.document = document;
    }

    static byte[] render(NoticeContent notice) {
        try (PDDocument document = new PDDocument()) {
            NoticePdf pdf = new NoticePdf(document);
            pdf.newPage();
            pdf.write(notice);
            pdf.page.close();
            pdf.describe(notice);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not render the formal notice of request " + notice.requestId(), e);
        }
    }

    private void write(NoticeContent n) throws IOException {
        lines(bold, 18, "Information notice");
        y -= 6;
        if (present(n.authority())) {
            lines(bold, 12, n.authority());
        }
        field("Notice reference", n.requestId());
        field("Case", present(n.caseTitle()) ? n.caseTitle() + " (" + n.caseId() + ")" : n.caseId());
        field("To", n.respondent());
        field("Date of notice", moment(n.issuedAt()));

        heading("Legal basis");
        paragraph("This notice is given under " + n.legalBasis() + ".");
        heading("Information required");
        for (int i = 0; i < n.items().size(); i++) {
            paragraph((i + 1) + ". " + n.items().get(i));
        }
        if (present(n.instructions())) {
            heading("How to provide it");
            paragraph(n.instructions());
        }
        heading("When");
        paragraph("The information must be provided by " + moment(n.dueAt())
                + ", through the regulator's evidence portal.");
        heading("If this notice is not complied with");
        paragraph(n.notice().consequences());
        heading("Right of appeal");
        paragraph(n.notice().rightOfAppeal());
        LocalDate lastDay = n.issuedAt().atZone(DueMoments.ZONE).toLocalDate().plusDays(n.notice().appealPeriodDays());
        paragraph("An appeal must be brought within " + n.notice().appealPeriodDays() + " days of the date of this "
                + "notice, that is by the end of " + DAY.format(lastDay) + " (" + DueMoments.ZONE.getId() + ").");
        heading("Issued");
        paragraph("Issued by " + n.issuedBy() + " at " + moment(n.issuedAt()) + ".");
        y -= LEADING;
        lines(regular, 8.5f, "This notice is signed by the regulator's case system: its SHA-256 and signature are "
                + "recorded with the request's history and can be checked against the published key.");
    }

    private void heading(String text) throws IOException {
        y -= LEADING / 2;
        lines(bold, 12, text);
    }

    private void field(String name, String value) throws IOException {
        lines(regular, SIZE, name + ": " + value);
    }

    private void paragraph(String text) throws IOException {
        for (String paragraph : text.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1)) {
            lines(regular, SIZE, paragraph);
        }
    }

    /** Writes text wrapped to the page width, starting a new page when one is full. */
    private void lines(PDFont font, float size, String text) throws IOException {
        float width = PDRectangle.A4.getWidth() - 2 * MARGIN;
        for (String line : wrap(font, size, printable(font, text), width)) {
            if (y < MARGIN + LEADING) {
                page.close();
                newPage();
            }
            y -= Math.max(LEADING, size * 1.3f);
            page.beginText();
            page.setFont(font, size);
            page.newLineAtOffset(MARGIN, y);
            page.showText(line);
            page.endText();
        }
    }

    private void newPage() throws IOException {
        PDPage next = new PDPage(PDRectangle.A4);
        document.addPage(next);
        page = new PDPageContentStream(document, next);
        y = PDRectangle.A4.getHeight() - MARGIN;
    }

    static List<String> wrap(PDFont font, float size, String text, float width) throws IOException {
        List<String> lines = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String word : text.split(" ", -1)) {
            String candidate = current.isEmpty() ? word : current + " " + word;
            if (width(font, size, candidate) <= width) {
                current.setLength(0);
                current.append(candidate);
                continue;
            }
            if (!current.isEmpty()) {
                lines.add(current.toString());
                current.setLength(0);
            }
            // a word wider than the line is broken where it must
            for (int cp : word.codePoints().toArray()) {
                String more = current + Character.toString(cp);
                if (width(font, size, more) > width && !current.isEmpty()) {
                    lines.add(current.toString());
                    current.setLength(0);
                }
                current.appendCodePoint(cp);
            }
        }
        lines.add(current.toString());
        return lines;
    }

    private static float width(PDFont font, float size, String text) throws IOException {
        return font.getStringWidth(text) / 1000 * size;
    }

    /** The text as the font can show it: white space as spaces, invisible characters dropped, the rest or '?'. */
    static String printable(PDFont font, String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
            if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
                out.append(' ');
            } else if (Character.getType(cp) == Character.CONTROL || Character.getType(cp) == Character.FORMAT) {
                // nothing to show
            } else if (encodable(font, Character.toString(cp))) {
                out.appendCodePoint(cp);
            } else {
                out.append('?');
            }
        });
        return out.toString();
    }

    private static boolean encodable(PDFont font, String character) {
        try {
            font.encode(character);
            return true;
        } catch (IllegalArgumentException | IOException e) {
            return false;
        }
    }

    private void describe(NoticeContent n) {
        PDDocumentInformation info = document.getDocumentInformation();
        info.setTitle("Information notice " + n.requestId());
        info.setSubject(printable(regular, n.legalBasis()));
        info.setAuthor(printable(regular, present(n.authority()) ? n.authority() : n.issuedBy()));
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

    private static String moment(Instant instant) {
        ZonedDateTime local = instant.atZone(DueMoments.ZONE);
        return MOMENT.format(local);
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
