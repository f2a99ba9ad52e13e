package org.compliance.evidence.rest;

import org.compliance.api.evidence.RequestDocument;
import org.compliance.platform.domain.RuleViolation;

/** The items a request asks for, as a file names the one it answers: by its number, from 1. */
final class RequestItems {

    /** A request lists at most this many items (IssueRequest). */
    static final int MAX = 100;

    private RequestItems() {
    }

    /** Refuses (422) an item number the request does not have; none named is fine. */
    static void requireItem(RequestDocument request, Integer item) {
        if (item != null && (item < 1 || item > request.items.size())) {
            throw RuleViolation.unprocessable("Request " + request.requestId + " asks for " + request.items.size()
                    + " item(s); there is no item " + item);
        }
    }
}
