package org.compliance.notifications.domain;

import java.util.List;
import org.compliance.api.cases.CaseOpened;

/**
 * Who is told what, for each event the suite publishes: the one place a reader finds these rules
 * (the service README has them as a table).
 */
public final class NotificationPolicy {

    private NotificationPolicy() {
    }

    /** A case was opened: its lead investigator learns that the case is now theirs. */
    public static List<Notice> on(CaseOpened event) {
        return List.of(new Notice(event.leadInvestigator().userId(), NoticeKind.CASE_ASSIGNED, event.caseId(),
                "You lead the new case \"" + event.title() + "\"",
                "Case " + event.caseId() + " was opened with you as lead investigator. Respondents: "
                        + String.join(", ", event.respondents().stream().map(r -> r.name()).toList()) + "."));
    }
}
