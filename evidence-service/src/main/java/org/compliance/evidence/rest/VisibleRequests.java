package org.compliance.evidence.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.NotFoundException;
import java.util.List;
import org.compliance.api.evidence.RequestDocument;
import org.compliance.api.shared.CompanyUser;
import org.compliance.api.shared.StaffMember;
import org.compliance.evidence.query.RequestQueries;
import org.compliance.evidence.query.RequestViewRow;
import org.compliance.platform.axon.EventSerialization;
import org.compliance.platform.identity.Caller;

/**
 * A request the caller may see, or 404: staff and auditors see every request; a company user only its own
 * organisation's, and another organisation's is answered exactly as a missing one.
 */
@ApplicationScoped
public class VisibleRequests {

    private final RequestQueries queries;

    public VisibleRequests(RequestQueries queries) {
        this.queries = queries;
    }

    @WithSession
    public Uni<RequestViewRow> visible(String requestId, Caller caller) {
        return queries.find(requestId, limitedTo(caller))
                .onItem().ifNull().failWith(() -> new NotFoundException("No evidence request " + requestId));
    }

    /** The organisations a caller is limited to, or null for staff and auditors who see every request. */
    static List<String> limitedTo(Caller caller) {
        if (caller.hasRole("investigator") || caller.hasRole("supervisor") || caller.hasRole("auditor")) {
            return null;
        }
        return caller.organisations();
    }

    /** The whole request, as its view keeps it. */
    static RequestDocument document(RequestViewRow row) {
        try {
            return EventSerialization.storageObjectMapper().readValue(row.document, RequestDocument.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The caller as the respondent's user answering the request. */
    static CompanyUser companyUser(Caller caller, RequestViewRow row) {
        return new CompanyUser(caller.subject(), caller.name(), row.organisationAlias);
    }

    static StaffMember staffMember(Caller caller) {
        return new StaffMember(caller.subject(), caller.name());
    }
}
