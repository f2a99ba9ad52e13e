package org.compliance.portal.web;

import java.util.Map;

/** The confirmation shown after a change; pages are addressed with a code, never with the text itself. */
final class Done {

    private static final Map<String, String> MESSAGES = Map.ofEntries(
            Map.entry("acknowledged", "Acknowledged: the regulator can see that you have received the request."),
            Map.entry("extension-asked", "Your request for more time has been sent; a supervisor will decide."),
            Map.entry("extension-granted", "Extension granted: the request has its new due moment."),
            Map.entry("extension-refused", "Extension refused; the due moment stays as it was."),
            Map.entry("accepted", "Evidence accepted: the request is complete."),
            Map.entry("more-asked", "More evidence asked for, by the new due moment."),
            Map.entry("withdrawn", "The request has been withdrawn."),
            Map.entry("clock-stopped", "The clock is stopped: no reminder is sent and the request cannot go overdue "
                    + "until it restarts. The company sees why."),
            Map.entry("clock-restarted", "The clock runs again: the due moment and the reminders moved by the time "
                    + "it was stopped."),
            Map.entry("issued", "Evidence request issued. The company has been notified."),
            Map.entry("issued-to-several", "The evidence request was issued to each respondent chosen, as a request of "
                    + "its own; each has been notified. They are listed below."),
            Map.entry("changed", "Saved. The case shows the change."),
            Map.entry("reassigned", "The cases chosen are reassigned; each lead has been notified."),
            Map.entry("opened", "Case opened, with the lead and team you chose."),
            Map.entry("noted", "Note added to the case."),
            Map.entry("erased", "Erased: the complainant's name, and every text of the case naming them, read "
                    + "“[erased]” from now on."),
            Map.entry("review-noted", "Review note added to the file. The company does not see it."),
            Map.entry("registered", "Webhook endpoint registered."),
            Map.entry("removed", "Webhook endpoint removed."),
            Map.entry("redelivering", "The delivery will be sent again."),
            Map.entry("read", "Marked as read."),
            Map.entry("own-actions-on", "You will also be told of what you do yourself."),
            Map.entry("own-actions-off", "You will no longer be told of what you do yourself."));

    private Done() {
    }

    static String message(String code) {
        return code == null ? null : MESSAGES.get(code);
    }
}
