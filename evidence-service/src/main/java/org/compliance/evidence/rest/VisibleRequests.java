package org.compliance.evidence.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.NotFoundException;
import java.util.List;
import java.util.function.Predicate;
import org.compliance.api.evidence.RequestDocument;
import org.compliance.api.shared.CompanyUser;
import org.compliance.api.shared.StaffMember;
import org.compliance.evidence.query.RequestQueries;
import org.compliance.evidence.query.RequestViewProjection;
import org.compliance.evidence.query.RequestViewRow;
import org.compliance.platform.axon.EventSerialization;
import org.compliance.platform.identity.Caller;
import org.compliance.platform.views.Consistency;
import org.hibernate.reactive.mutiny.Mutiny;

/**
 * A request the caller may see, or 404: staff and auditors see every request; a company user only its own
 * organisation's, and another organisation's is answered exactly as a missing one.
 */
@ApplicationScoped
public class VisibleRequests {

    private final RequestQueries queries;
    private final Consistency consistency;

    public VisibleRequests(RequestQueries queries, Consistency consistency) {
        this.queries = queries;
        this.consistency = consistency;
    }

    @WithSession
    public Uni<RequestViewRow> visible(String requestId, Caller caller) {
        return visible(requestId, caller, row -> true);
    }

    /**
     * The request once its view {@code shows} what the caller asks for. When it does not (a request issued or a
     * submission made a moment ago), the view is given until it has reached the store's head, bounded
     * (decision 12), and read again: a client reads its own change without knowing how views work.
     */
    @WithSession
    public Uni<RequestViewRow> visible(String requestId, Caller caller, Predicate<RequestViewRow> shows) {
        List<String> organisations = limitedTo(caller);
        return queries.find(requestId, organisations)
                .chain(row -> row != null && shows.test(row) ? Uni.createFrom().item(row)
                        : consistency.caughtUp(List.of(RequestViewProjection.GROUP))
                                // the session keeps the row it read first: forget it, or it is answered again
                                .chain(ignored -> Panache.getSession()).invoke(Mutiny.Session::clear)
                                .chain(ignored -> queries.find(requestId, organisations)))
                .onItem().ifNull().failWith(() -> new NotFoundException("No evidence request " + requestId));
    }

    /** The organisations a caller is limited to, or null for staff and auditors who see every request. */
    static List<String> limitedTo(Caller caller) {
        if (caller.hasRole("investigator") || caller.hasRole("supervisor") || caller.hasRole("auditor")) {
            return null;
        }
        return caller.organisations();
    }

    /** Whether the caller reads the regulator's own notes: staff and auditors do, a company never. */
    static boolean readsReviewNotes(Caller caller) {
        return caller.hasRole("investigator") || caller.hasRole("supervisor") || caller.hasRole("auditor");
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
