package org.compliance.portal.web;

import io.quarkus.qute.TemplateExtension;
import org.compliance.api.evidence.RequestStanding;

/**
 * How the pages read where an evidence request stands (evidence-service's {@link RequestStanding}, as the answer's
 * JSON names it): in words, and whether evidence is due from the company (only then the time left and the
 * submission form) with the clock running (only then a countdown). The rule itself is the api's, not the portal's.
 */
@TemplateExtension
public final class Standings {

    private Standings() {
    }

    /** "Submitted, awaiting review" for SUBMITTED_AWAITING_REVIEW; an accepted request is "Complete" as its status. */
    static String inWords(String standing) {
        return switch (RequestStanding.valueOf(standing)) {
            case AWAITING_ACKNOWLEDGEMENT -> "Due, not yet acknowledged";
            case ACKNOWLEDGED -> "Due, acknowledged";
            case MORE_EVIDENCE_ASKED -> "More evidence asked for";
            case CLOCK_STOPPED -> "Clock stopped";
            case SUBMITTED_AWAITING_REVIEW -> "Submitted, awaiting review";
            case ACCEPTED -> "Complete: evidence accepted";
            case WITHDRAWN -> "Withdrawn";
        };
    }

    static boolean awaitsRespondent(String standing) {
        return RequestStanding.valueOf(standing).awaitsRespondent();
    }

    static boolean clockRunning(String standing) {
        return RequestStanding.valueOf(standing).clockRunning();
    }
}
