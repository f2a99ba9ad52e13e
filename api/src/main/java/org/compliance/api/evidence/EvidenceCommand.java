package org.compliance.api.evidence;

import org.compliance.api.shared.Addressed;

/** A command addressed to one evidence request. */
public interface EvidenceCommand extends Addressed {

    String requestId();

    @Override
    default String aggregateId() {
        return requestId();
    }
}
