package org.compliance.cases.rest;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.NotFoundException;
import org.compliance.cases.application.CaseAccess;
import org.compliance.cases.query.CaseQueries;
import org.compliance.cases.query.CaseViewRow;
import org.compliance.platform.identity.Caller;

/** A case the caller may see, or 404: a case they may not see is answered exactly as a missing one. */
@ApplicationScoped
public class VisibleCases {

    private final CaseQueries queries;

    public VisibleCases(CaseQueries queries) {
        this.queries = queries;
    }

    public Uni<CaseViewRow> visible(String caseId, Caller caller) {
        return queries.find(caseId, CaseAccess.visibility(caller))
                .onItem().ifNull().failWith(() -> new NotFoundException("No case " + caseId));
    }
}
