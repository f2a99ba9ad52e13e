package org.compliance.evidence.application;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Optional;
import org.compliance.api.evidence.FormalNotice;

/**
 * Formal information notices: rendered as a PDF ({@link NoticePdf}), kept in the blob store under their SHA-256,
 * and signed with the suite's receipt key ({@link Receipts#sign}) over {@link FormalNotice#signedText}. The
 * {@link FormalNotice} answered goes into the issue command, and so into the event.
 */
@ApplicationScoped
public class FormalNotices {

    /** A notice is a few pages; far above this something is wrong. */
    private static final long MAX_BYTES = 10L * 1024 * 1024;

    private final BlobStore blobs;
    private final Receipts receipts;

    public FormalNotices(BlobStore blobs, Receipts receipts) {
        this.blobs = blobs;
        this.receipts = receipts;
    }

    /** Renders, stores and signs the notice (blocking: file I/O). */
    public FormalNotice issue(NoticeContent content) {
        byte[] pdf = NoticePdf.render(content);
        try {
            BlobStore.Stored stored = blobs.store(new ByteArrayInputStream(pdf), MAX_BYTES);
            String signature = receipts.sign(FormalNotice.signedText(content.requestId(), stored.sha256()));
            return new FormalNotice(content.notice().consequences(), content.notice().rightOfAppeal(),
                    content.notice().appealPeriodDays(), content.issuedAt(), content.dueAt(), stored.sha256(),
                    stored.sizeBytes(), stored.sha256(), Receipts.ALGORITHM, receipts.keyId(), signature);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not keep the formal notice of request " + content.requestId(), e);
        }
    }

    /** The notice's PDF, or empty when its blob is missing. */
    public Optional<InputStream> open(FormalNotice notice) {
        try {
            return blobs.open(notice.blob());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
