package org.compliance.notifications.domain;

/** The kinds of notice the suite sends; legal notices can never be opted out of. */
public enum NoticeKind {
    CASE_ASSIGNED(false);

    private final boolean legalNotice;

    NoticeKind(boolean legalNotice) {
        this.legalNotice = legalNotice;
    }

    public boolean isLegalNotice() {
        return legalNotice;
    }
}
