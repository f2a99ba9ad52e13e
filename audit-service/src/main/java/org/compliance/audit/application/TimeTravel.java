package org.compliance.audit.application;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.compliance.api.audit.views.AsOf;
import org.compliance.api.cases.CaseDocument;
import org.compliance.api.cases.CaseEvent;
import org.compliance.api.cases.CaseOpened;
import org.compliance.api.evidence.EvidenceEvent;
import org.compliance.api.evidence.EvidenceRequestIssued;
import org.compliance.api.evidence.RequestDocument;
import org.compliance.audit.chain.StoredEvent;
import org.compliance.audit.query.EventStoreReader;
import org.compliance.platform.axon.EventSerialization;

/**
 * A case and its evidence requests as they stood at a moment or at a global position, rebuilt by replaying
 * the events from the event store (never read from a read model) through the same folds the services use.
 */
@ApplicationScoped
public class TimeTravel {

    private static final ObjectMapper EVENTS = EventSerialization.storageObjectMapper();

    private final EventStoreReader store;

    public TimeTravel(EventStoreReader store) {
        this.store = store;
    }

    public Optional<AsOf> at(String caseId, Instant moment) throws SQLException, IOException {
        return replay(caseId, moment, e -> !Instant.parse(e.timeStamp()).isAfter(moment));
    }

    public Optional<AsOf> atPosition(String caseId, long position) throws SQLException, IOException {
        return replay(caseId, null, e -> e.globalIndex() <= position);
    }

    private Optional<AsOf> replay(String caseId, Instant moment, Predicate<StoredEvent> included)
            throws SQLException, IOException {
        Set<String> aggregates = store.aggregatesOfCase(caseId);
        if (aggregates.isEmpty()) {
            return Optional.empty();
        }
        CaseDocument caseFile = null;
        List<RequestDocument> requests = new ArrayList<>();
        long replayed = 0;
        long last = -1;
        for (String aggregate : aggregates) {
            CaseDocument caseState = null;
            RequestDocument requestState = null;
            for (StoredEvent stored : store.events(aggregate)) {
                if (!included.test(stored)) {
                    break;
                }
                switch (payload(stored)) {
                    case CaseOpened opened -> caseState = CaseDocument.opened(opened);
                    case CaseEvent event -> {
                        if (caseState != null) {
                            caseState.apply(event);
                        }
                    }
                    case EvidenceRequestIssued issued -> requestState = RequestDocument.issued(issued);
                    case EvidenceEvent event -> {
                        if (requestState != null) {
                            requestState.apply(event);
                        }
                    }
                    default -> {
                        // neither of a case nor of an evidence request: nothing to fold
                    }
                }
                if (caseState != null) {
                    caseState.version = stored.sequenceNumber();
                    caseState.updatedAt = Instant.parse(stored.timeStamp());
                }
                if (requestState != null) {
                    requestState.version = stored.sequenceNumber();
                }
                replayed++;
                last = Math.max(last, stored.globalIndex());
            }
            if (caseState != null) {
                caseFile = caseState;
            }
            if (requestState != null) {
                requests.add(requestState);
            }
        }
        return Optional.of(new AsOf(caseId, moment, last < 0 ? null : last, replayed, caseFile, requests));
    }

    private static Object payload(StoredEvent stored) throws IOException {
        try {
            return EVENTS.readValue(stored.payload(), Class.forName(stored.payloadType()));
        } catch (ClassNotFoundException e) {
            throw new IOException("Event " + stored.eventId() + " has a type this service does not know: "
                    + stored.payloadType(), e);
        }
    }
}
