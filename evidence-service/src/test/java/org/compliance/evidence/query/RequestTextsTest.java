package org.compliance.evidence.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.compliance.api.evidence.EvidenceClockStopped;
import org.compliance.api.evidence.EvidenceFile;
import org.compliance.api.evidence.EvidenceRequestIssued;
import org.compliance.api.evidence.EvidenceRequestWithdrawn;
import org.compliance.api.evidence.EvidenceSubmitted;
import org.compliance.api.evidence.ExtensionRefused;
import org.compliance.api.evidence.ExtensionRequested;
import org.compliance.api.evidence.MoreEvidenceRequested;
import org.compliance.api.evidence.RequestDocument;
import org.compliance.api.evidence.ReviewNoteAdded;
import org.compliance.api.evidence.StatementOfTruth;
import org.compliance.api.shared.CompanyUser;
import org.compliance.api.shared.PersonalData;
import org.compliance.api.shared.StaffMember;
import org.junit.jupiter.api.Test;

/**
 * Which texts of a request's view an erasure makes read erased: exactly those whose events recorded the subject, as a
 * rebuild from the store (where they are sealed under the subject's key) would read them.
 */
class RequestTextsTest {

    private static final String ROWENA = "k1/C1";
    private static final String BERT = "k1/P1";
    private static final StaffMember IRIS = new StaffMember("u-iris", "Iris");
    private static final CompanyUser NORA = new CompanyUser("u-nora", "Nora", "northwind");
    private static final Instant T = Instant.parse("2026-12-01T10:00:00Z");

    @Test
    void an_erasure_reaches_every_text_naming_the_subject_and_no_other() {
        RequestTexts texts = RequestTexts.none();
        RequestDocument d = RequestTexts.issued(new EvidenceRequestIssued("r1", "k1", "northwind",
                List.of("Letters to Rowena", "Logs"), "Art. 58", "By post", T.plusSeconds(864_000), "UTC", IRIS, T,
                null, List.of(), null, List.of(ROWENA)), texts);
        texts.apply(d, new ExtensionRequested("r1", "k1", "Rowena's file is archived", NORA, T, List.of(ROWENA)));
        texts.apply(d, new ExtensionRefused("r1", "k1", "Ask Bert", IRIS, List.of(BERT)));
        texts.apply(d, new ExtensionRequested("r1", "k1", "Staff on leave", NORA, T, List.of()));
        texts.apply(d, new EvidenceSubmitted("r1", "k1", "s1", List.of(new EvidenceFile("f1", "a.txt", "text/plain",
                1, "ab".repeat(32))), "Letters to Rowena and Bert", new StatementOfTruth("Nora", "DPO"), NORA, T,
                false, List.of(ROWENA, BERT)));
        texts.apply(d, new ReviewNoteAdded("r1", "k1", "f1", "ab".repeat(32), "Bert signed it", IRIS, T,
                List.of(BERT)));
        texts.apply(d, new MoreEvidenceRequested("r1", "k1", "Rowena's reply", T, T.plusSeconds(99), IRIS,
                List.of(ROWENA)));
        texts.apply(d, new EvidenceClockStopped("r1", "k1", "Waiting on Rowena", IRIS, T, List.of(ROWENA)));
        texts.apply(d, new EvidenceRequestWithdrawn("r1", "k1", "Settled", IRIS, List.of()));
        assertThat(texts.namedSubjects()).isEqualTo(" " + ROWENA + " " + BERT + " ");

        assertThat(texts.erase(d, ROWENA)).isTrue();

        String erased = PersonalData.ERASED;
        assertThat(d.items).containsOnly(erased);
        assertThat(d.instructions).isEqualTo(erased);
        assertThat(d.extensions.get(0).reason()).isEqualTo(erased);
        assertThat(d.extensions.get(0).decisionReason()).isEqualTo("Ask Bert");
        assertThat(d.extensions.get(1).reason()).isEqualTo("Staff on leave");
        assertThat(d.submissions.getFirst().description()).isEqualTo(erased);
        assertThat(d.reviewNotes.getFirst().note()).isEqualTo("Bert signed it");
        assertThat(d.stillMissing).isEqualTo(erased);
        assertThat(d.clockStops.getFirst().reason()).isEqualTo(erased);
        assertThat(d.clockStopped.reason()).isEqualTo(erased);
        assertThat(d.withdrawalReason).isEqualTo("Settled");

        assertThat(texts.erase(d, BERT)).isTrue();
        assertThat(d.extensions.get(0).decisionReason()).isEqualTo(erased);
        assertThat(d.reviewNotes.getFirst().note()).isEqualTo(erased);
        assertThat(texts.erase(d, "k1/C9")).isFalse();
    }

    @Test
    void a_still_missing_naming_nobody_that_replaces_one_naming_a_subject_is_not_erased() {
        RequestTexts texts = RequestTexts.none();
        RequestDocument d = RequestTexts.issued(new EvidenceRequestIssued("r1", "k1", "northwind", List.of("Logs"),
                "Art. 58", "", T.plusSeconds(864_000), "UTC", IRIS, T), texts);
        texts.apply(d, new MoreEvidenceRequested("r1", "k1", "Rowena's reply", T, T.plusSeconds(99), IRIS,
                List.of(ROWENA)));
        texts.apply(d, new MoreEvidenceRequested("r1", "k1", "The 2024 logs", T, T.plusSeconds(199), IRIS,
                List.of()));
        assertThat(texts.erase(d, ROWENA)).isFalse();
        assertThat(d.stillMissing).isEqualTo("The 2024 logs");
        assertThat(d.items).containsExactly("Logs");
        assertThat(texts.namedSubjects()).isEqualTo(" ");
    }
}
