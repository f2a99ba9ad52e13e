package org.compliance.evidence.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.compliance.api.evidence.requests.FormalNoticeInput;
import org.junit.jupiter.api.Test;

class NoticePdfTest {

    private static NoticeContent notice(String consequences, List<String> items) {
        return new NoticeContent("7f1c0e7e-3a51-4f43-9a0e-4b2f0a9c1d22", "0b8c1a52-2f0e-4e55-8d0a-53e1f5e9b6a1",
                "Training data retention", "Information Commissioner's Office", "northwind-cloud", items,
                "UK GDPR Art. 58(1)(a)", "Send PDF files.", Instant.parse("2026-12-29T23:59:59Z"), "Iris Investigator",
                Instant.parse("2026-12-01T10:15:00Z"),
                new FormalNoticeInput(consequences, "Appeal to the First-tier Tribunal.", 28));
    }

    @Test
    void the_same_notice_renders_to_the_same_bytes() throws Exception {
        byte[] first = NoticePdf.render(notice("A penalty notice may follow.", List.of("Retention policy")));
        byte[] second = NoticePdf.render(notice("A penalty notice may follow.", List.of("Retention policy")));
        assertThat(second).isEqualTo(first);
        assertThat(NoticePdf.render(notice("Something else.", List.of("Retention policy")))).isNotEqualTo(first);
    }

    @Test
    void it_states_the_due_moment_in_uk_time_and_the_appeal_period() throws Exception {
        try (var pdf = Loader.loadPDF(NoticePdf.render(notice("A penalty notice may follow.",
                List.of("Retention policy", "Inventory"))))) {
            String text = new PDFTextStripper().getText(pdf).replaceAll("\\s+", " ");
            assertThat(text).contains("Information notice", "Training data retention",
                    "1. Retention policy", "2. Inventory",
                    "23:59:59 on Tuesday 29 December 2026 (Europe/London, GMT)",
                    "within 28 days of the date of this notice, that is by the end of Tuesday 29 December 2026",
                    "Issued by Iris Investigator at 10:15:00 on Tuesday 1 December 2026");
            assertThat(pdf.getDocumentInformation().getCreationDate().toInstant())
                    .isEqualTo(Instant.parse("2026-12-01T10:15:00Z"));
        }
    }

    @Test
    void characters_the_font_lacks_become_question_marks_and_long_texts_run_onto_more_pages() throws Exception {
        String consequences = "Zażółć 東京 \uD83D\uDE00 café\u0007 " + "An enforcement notice may follow. ".repeat(400)
                + "x".repeat(300);
        try (var pdf = Loader.loadPDF(NoticePdf.render(notice(consequences, List.of("Policy"))))) {
            String text = new PDFTextStripper().getText(pdf);
            assertThat(text).contains("Za?ó?? ?? ? café");
            assertThat(pdf.getNumberOfPages()).isGreaterThan(1);
        }
    }
}
