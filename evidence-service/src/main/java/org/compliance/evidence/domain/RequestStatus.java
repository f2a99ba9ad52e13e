package org.compliance.evidence.domain;

/** Where an evidence request stands: open until the evidence is accepted or the request withdrawn. */
public enum RequestStatus {
    OPEN, COMPLETE, WITHDRAWN
}
