package org.compliance.audit.application;

import java.io.IOException;

/** An RFC 3161 time-stamping authority outside the operator, as the checkpoints ask it. */
public interface TimestampAuthority {

    /** Where requests go; also the name the token is kept under. */
    String url();

    /** The authority's DER response to a DER time-stamp request. */
    byte[] respond(byte[] request) throws IOException;
}
