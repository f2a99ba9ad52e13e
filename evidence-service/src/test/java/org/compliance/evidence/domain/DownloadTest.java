package org.compliance.evidence.domain;

import static org.compliance.evidence.domain.EvidenceFixtures.CASE_ID;
import static org.compliance.evidence.domain.EvidenceFixtures.DPIA;
import static org.compliance.evidence.domain.EvidenceFixtures.NOTICE;
import static org.compliance.evidence.domain.EvidenceFixtures.NOW;
import static org.compliance.evidence.domain.EvidenceFixtures.REQUEST_ID;
import static org.compliance.evidence.domain.EvidenceFixtures.ROPA;
import static org.compliance.evidence.domain.EvidenceFixtures.accepted;
import static org.compliance.evidence.domain.EvidenceFixtures.history;
import static org.compliance.evidence.domain.EvidenceFixtures.submitted;
import static org.compliance.evidence.domain.EvidenceFixtures.withdrawn;
import static org.compliance.testing.RuleViolations.unprocessable;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.compliance.api.evidence.EvidenceDownloaded;
import org.compliance.api.evidence.RecordEvidenceDownload;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every download of a file is recorded with the file's SHA-256: the request's chain of custody. */
class DownloadTest {

    private AggregateTestFixture<EvidenceRequest> fixture;

    @BeforeEach
    void setUp() {
        fixture = EvidenceFixtures.fixture();
    }

    @Test
    void a_download_of_a_submitted_file_is_recorded_with_its_sha256() {
        fixture.given(history(submitted("sub-1", ROPA, DPIA)))
                .when(new RecordEvidenceDownload(REQUEST_ID, DPIA.fileId(), "u-iris"))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new EvidenceDownloaded(REQUEST_ID, CASE_ID, DPIA.fileId(), DPIA.sha256(), "u-iris", NOW));
    }

    @Test
    void a_file_of_an_earlier_submission_can_still_be_downloaded() {
        fixture.given(history(submitted("sub-1", ROPA), submitted("sub-2", NOTICE)))
                .when(new RecordEvidenceDownload(REQUEST_ID, ROPA.fileId(), "u-samuel"))
                .expectEvents(new EvidenceDownloaded(REQUEST_ID, CASE_ID, ROPA.fileId(), ROPA.sha256(), "u-samuel",
                        NOW));
    }

    @Test
    void every_download_is_recorded_not_only_the_first() {
        fixture.given(history(submitted("sub-1", ROPA),
                        new EvidenceDownloaded(REQUEST_ID, CASE_ID, ROPA.fileId(), ROPA.sha256(), "u-iris", NOW)))
                .when(new RecordEvidenceDownload(REQUEST_ID, ROPA.fileId(), "u-iris"))
                .expectEvents(new EvidenceDownloaded(REQUEST_ID, CASE_ID, ROPA.fileId(), ROPA.sha256(), "u-iris", NOW));
    }

    @Test
    void files_stay_downloadable_once_the_request_is_complete_or_withdrawn() {
        fixture.given(history(submitted("sub-1", ROPA), accepted()))
                .when(new RecordEvidenceDownload(REQUEST_ID, ROPA.fileId(), "u-iris"))
                .expectEvents(new EvidenceDownloaded(REQUEST_ID, CASE_ID, ROPA.fileId(), ROPA.sha256(), "u-iris", NOW));
        EvidenceFixtures.fixture().given(history(submitted("sub-1", ROPA), withdrawn()))
                .when(new RecordEvidenceDownload(REQUEST_ID, ROPA.fileId(), "u-iris"))
                .expectEvents(new EvidenceDownloaded(REQUEST_ID, CASE_ID, ROPA.fileId(), ROPA.sha256(), "u-iris", NOW));
    }

    @Test
    void a_file_the_request_does_not_have_cannot_be_downloaded() {
        fixture.given(history(submitted("sub-1", ROPA)))
                .when(new RecordEvidenceDownload(REQUEST_ID, "file-unknown", "u-iris"))
                .expectException(unprocessable())
                .expectExceptionMessage("Request " + REQUEST_ID + " has no file file-unknown")
                .expectNoEvents();
    }

    @Test
    void nothing_can_be_downloaded_before_anything_is_submitted() {
        fixture.given(history())
                .when(new RecordEvidenceDownload(REQUEST_ID, ROPA.fileId(), "u-iris"))
                .expectException(unprocessable())
                .expectExceptionMessage("Request " + REQUEST_ID + " has no file " + ROPA.fileId())
                .expectNoEvents();
    }

    @Test
    void a_download_names_who_downloaded() {
        fixture.given(history(submitted("sub-1", ROPA)))
                .when(new RecordEvidenceDownload(REQUEST_ID, ROPA.fileId(), " "))
                .expectException(unprocessable())
                .expectExceptionMessage("A download names who downloaded")
                .expectNoEvents();
    }
}
