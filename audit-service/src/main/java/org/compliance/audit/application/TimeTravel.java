package org.compliance.audit.application;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiPredicate;
import org.compliance.api.audit.views.AsOf;
import org.compliance.api.audit.views.CaseTimeline.DecisionMoment;
import org.compliance.api.audit.views.CaseTimeline.LegalHoldPeriod;
import org.compliance.api.audit.views.CaseTimeline.RequestPeriod;
import org.compliance.api.audit.views.CaseTimeline.StatusPeriod;
import org.compliance.api.audit.views.CaseTimeline;
import org.compliance.api.cases.CaseDocument;
import org.compliance.api.cases.CaseEvent;
import org.compliance.api.cases.CaseOpened;
import org.compliance.api.cases.DecisionIssued;
import org.compliance.api.evidence.EvidenceEvent;
import org.compliance.api.evidence.EvidenceRequestIssued;
import org.compliance.api.evidence.RequestDocument;
import org.compliance.api.evidence.RequestSubjects;
import org.compliance.audit.chain.StoredEvent;
import org.compliance.audit.query.EventStoreReader;
import org.compliance.platform.axon.EventSerialization;
import org.compliance.platform.axon.StoredInstants;

/**
 * A case and its evidence requests as they stood at a moment or at a global position, rebuilt by replaying
 * the events from the event store (never read from a read model) through the same folds the services use.
 */
@ApplicationScoped
public class TimeTravel {

    private static final ObjectMapper EVENTS = EventSerialization.eventObjectMapper();

    private final EventStoreReader store;

    public TimeTravel(EventStoreReader store) {
        this.store = store;
    }

    public Optional<AsOf> at(String caseId, Instant moment) throws SQLException, IOException {
        return replay(caseId, moment, (e, at) -> !at.isAfter(moment));
    }

    public Optional<AsOf> atPosition(String caseId, long position) throws SQLException, IOException {
        return replay(caseId, null, (e, at) -> e.globalIndex() <= position);
    }

    private Optional<AsOf> replay(String caseId, Instant moment, BiPredicate<StoredEvent, Instant> included)
            throws SQLException, IOException {
        CaseDocument[] caseFile = {null};
        List<RequestDocument> requests = new ArrayList<>();
        long[] replayed = {0};
        long[] last = {-1};
        boolean found = fold(caseId, included, new Folded() {
            @Override
            public void event(StoredEvent stored, Instant at, CaseDocument caseState, RequestDocument requestState) {
                replayed[0]++;
                last[0] = Math.max(last[0], stored.globalIndex());
            }

            @Override
            public void aggregate(CaseDocument caseState, RequestDocument requestState) {
                if (caseState != null) {
                    caseFile[0] = caseState;
                }
                if (requestState != null) {
                    requests.add(requestState);
                }
            }
        });
        return found ? Optional.of(new AsOf(caseId, moment, last[0] < 0 ? null : last[0], replayed[0], caseFile[0],
                requests)) : Optional.empty();
    }

    /**
     * The case's life as periods and moments: after each event, what its fold now holds is compared with what it
     * held before, so a period starts or ends exactly where an event moved the state.
     */
    public Optional<CaseTimeline> timeline(String caseId) throws SQLException, IOException {
        Instant now = Instant.now();
        List<StatusPeriod> statuses = new ArrayList<>();
        List<LegalHoldPeriod> holds = new ArrayList<>();
        List<DecisionMoment> decisions = new ArrayList<>();
        List<RequestPeriod> requests = new ArrayList<>();
        CaseDocument[] caseFile = {null};
        boolean found = fold(caseId, (e, at) -> true, new Folded() {
            private List<Instant> dueMoments = new ArrayList<>();
            private Instant overdueAt;
            private Instant closedAt;
            /** The fold keeps the latest decision; each one issued is a new one. */
            private DecisionIssued lastDecision;

            @Override
            public void event(StoredEvent stored, Instant at, CaseDocument caseState, RequestDocument request) {
                if (caseState != null) {
                    caseFile[0] = caseState;
                    StatusPeriod current = statuses.isEmpty() ? null : statuses.getLast();
                    if (current == null || current.status() != caseState.status) {
                        if (current != null) {
                            statuses.set(statuses.size() - 1, new StatusPeriod(current.status(), current.from(), at));
                        }
                        statuses.add(new StatusPeriod(caseState.status, at, null));
                    }
                    LegalHoldPeriod hold = holds.isEmpty() || holds.getLast().liftedAt() != null ? null
                            : holds.getLast();
                    if (hold == null && caseState.legalHoldReason != null) {
                        holds.add(new LegalHoldPeriod(caseState.legalHoldReason, at, null));
                    } else if (hold != null && caseState.legalHoldReason == null) {
                        holds.set(holds.size() - 1, new LegalHoldPeriod(hold.reason(), hold.placedAt(), at));
                    }
                    if (caseState.decision != null && caseState.decision != lastDecision) {
                        lastDecision = caseState.decision;
                        decisions.add(new DecisionMoment(lastDecision.kind(), lastDecision.addresseeOrganisationAlias(),
                                at));
                    }
                }
                if (request != null) {
                    if (dueMoments.isEmpty() || !dueMoments.getLast().equals(request.dueAt)) {
                        dueMoments.add(request.dueAt);
                    }
                    if (request.overdue && overdueAt == null) {
                        overdueAt = at;
                    }
                    if (!"OPEN".equals(request.status) && closedAt == null) {
                        closedAt = at;
                    }
                }
            }

            @Override
            public void aggregate(CaseDocument caseState, RequestDocument request) {
                if (request != null) {
                    requests.add(new RequestPeriod(request.requestId, RequestSubjects.of(request.items.isEmpty()
                            ? null : request.items.getFirst(), request.items.size()), request.organisationAlias,
                            request.issuedAt, List.copyOf(dueMoments), overdueAt, closedAt, request.status));
                }
                dueMoments = new ArrayList<>();
                overdueAt = null;
                closedAt = null;
            }
        });
        if (!found) {
            return Optional.empty();
        }
        CaseDocument last = caseFile[0];
        requests.sort(Comparator.comparing(RequestPeriod::issuedAt, Comparator.nullsLast(Comparator.naturalOrder())));
        return Optional.of(new CaseTimeline(caseId, last == null ? null : last.title,
                last == null ? null : last.openedAt, now, statuses, holds, decisions, requests));
    }

    /** What a replay does with the fold as it goes: after each event, and once each aggregate is done. */
    private interface Folded {
        /** {@code at}: the event's time stamp, parsed once per event (parsing it was most of a replay's time). */
        void event(StoredEvent stored, Instant at, CaseDocument caseState, RequestDocument requestState);

        void aggregate(CaseDocument caseState, RequestDocument requestState);
    }

    /** Replays each aggregate of the case, in order, while {@code included}; false when the case has none. */
    private boolean fold(String caseId, BiPredicate<StoredEvent, Instant> included, Folded folded)
            throws SQLException, IOException {
        Set<String> aggregates = store.aggregatesOfCase(caseId);
        if (aggregates.isEmpty()) {
            return false;
        }
        for (String aggregate : aggregates) {
            CaseDocument caseState = null;
            RequestDocument requestState = null;
            for (StoredEvent stored : store.events(aggregate)) {
                Instant at = StoredInstants.parse(stored.timeStamp());
                if (!included.test(stored, at)) {
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
                    caseState.updatedAt = at;
                }
                if (requestState != null) {
                    requestState.version = stored.sequenceNumber();
                }
                folded.event(stored, at, caseState, requestState);
            }
            folded.aggregate(caseState, requestState);
        }
        return true;
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
