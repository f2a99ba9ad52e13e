package org.compliance.platform.documents;

import java.io.IOException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * The documents the suite hands to people as PDF (evidence-service's formal notices and receipts, audit-service's
 * bundle report) as A4 pages of wrapped text. The font is Helvetica (one of the PDF standard fonts, which every reader
 * has); a character it cannot show (outside Windows-1252) is printed as '?' rather than failing the document.
 * PDFBox is an optional dependency of platform: a service that writes PDFs declares it.
 */
public final class PdfPages {

    public static final float SIZE = 10.5f;
    /** The zone the suite states moments in to people (evidence-service's deadlines run in the same). */
    public static final ZoneId UK = ZoneId.of("Europe/London");
    private static final float MARGIN = 56;
    private static final float LEADING = 14.5f;
    private static final DateTimeFormatter MOMENT = DateTimeFormatter.ofPattern(
            "HH:mm:ss 'on' EEEE d MMMM yyyy '('VV', 'zzz')'", Locale.UK);

    public final PDFont regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
    public final PDFont bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
    /** For what is copied rather than read (keys, signatures, commands): a 88-character signature fits a line. */
    public final PDFont mono = new PDType1Font(Standard14Fonts.FontName.COURIER);
    private final PDDocument document;
    private PDPageContentStream page;
    private float y;

    public PdfPages(PDDocument document) throws IOException {
        this.document = document;
        newPage();
    }

    /** A moment as the suite states it to people: UK time, with the zone's id and name. */
    public static String moment(Instant instant) {
        return MOMENT.format(instant.atZone(UK));
    }

    public void heading(String text) throws IOException {
        space(LEADING / 2);
        lines(bold, 12, text);
    }

    public void field(String name, String value) throws IOException {
        lines(regular, SIZE, name + ": " + value);
    }

    public void paragraph(String text) throws IOException {
        for (String paragraph : text.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1)) {
            lines(regular, SIZE, paragraph);
        }
    }

    public void code(String text) throws IOException {
        for (String line : text.split("\n", -1)) {
            lines(mono, 8.5f, line);
        }
    }

    public void space(float height) {
        y -= height;
    }

    /** Writes text wrapped to the page width, starting a new page when one is full. */
    public void lines(PDFont font, float size, String text) throws IOException {
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

    /** Ends the last page; the document is then ready to be described and saved. */
    public void close() throws IOException {
        page.close();
    }

    private void newPage() throws IOException {
        PDPage next = new PDPage(PDRectangle.A4);
        document.addPage(next);
        page = new PDPageContentStream(document, next);
        y = PDRectangle.A4.getHeight() - MARGIN;
    }

    public static List<String> wrap(PDFont font, float size, String text, float width) throws IOException {
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
    public static String printable(PDFont font, String text) {
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
}
