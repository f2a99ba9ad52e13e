package org.compliance.cases.rest;

import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PathParam;

/**
 * What every change to a case names: the case, and in {@code If-Match} the ETag of the version the caller read
 * (platform's API description documents the header and its answers wherever it appears).
 */
public record CaseChange(@PathParam("caseId") String caseId, @HeaderParam("If-Match") String ifMatch) {
}
