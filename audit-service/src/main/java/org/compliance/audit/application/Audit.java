package org.compliance.audit.application;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.compliance.api.audit.views.HistoryEntry;
import org.compliance.api.audit.views.Verification;
import org.compliance.audit.chain.ChainCheck;
import org.compliance.audit.chain.StoredEvent;
import org.compliance.audit.query.EventStoreReader;
import org.compliance.audit.query.HistoryFilter;
import org.compliance.platform.axon.StoredInstants;
import org.compliance.platform.personaldata.PersonalDataIntrospector;
import org.jboss.logging.Logger;

/** What an auditor can ask of the store: a case's whole history, and whether it (or the store) is intact. */
@ApplicationScoped
public class Audit {

    private static final Logger LOG = Logger.getLogger(Audit.class);
    /** Decimals (amounts) are read as they were written, not as binary floating point. */
    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    private static final TypeReference<Map<String, Object>> PAYLOAD = new TypeReference<>() {
    };

    private final EventStoreReader store;
    private final Checkpoints checkpoints;

    public Audit(EventStoreReader store, Checkpoints checkpoints) {
        this.store = store;
        this.checkpoints = checkpoints;
    }

    public Optional<List<HistoryEntry>> history(String caseId, HistoryFilter filter, int page, int size)
            throws SQLException {
        Set<String> aggregates = store.aggregatesOfCase(caseId);
        if (aggregates.isEmpty()) {
            return Optional.empty();
        }
        List<HistoryEntry> entries = new ArrayList<>();
        for (StoredEvent event : store.history(aggregates, filter, page, size)) {
            entries.add(entry(event));
        }
        return Optional.of(entries);
    }

    public Optional<Verification> verifyCase(String caseId) throws SQLException {
        Set<String> aggregates = store.aggregatesOfCase(caseId);
        if (aggregates.isEmpty()) {
            return Optional.empty();
        }
        long events = 0;
        for (String aggregate : aggregates) {
            var stored = store.events(aggregate);
            events += stored.size();
            var problem = ChainCheck.of(aggregate, stored, store.links(aggregate));
            if (problem.isPresent()) {
                return Optional.of(withCheckpoint(false, aggregates, events, problem.get()));
            }
        }
        return Optional.of(withCheckpoint(true, aggregates, events, null));
    }

    /** The whole store, aggregate by aggregate, reporting progress in the log; stops at the first problem. */
    public Verification verifyStore() throws SQLException {
        AtomicLong aggregates = new AtomicLong();
        AtomicLong events = new AtomicLong();
        AtomicReference<ChainCheck.Problem> first = new AtomicReference<>();
        store.eachAggregate(aggregate -> {
            if (first.get() != null) {
                return;
            }
            try {
                var stored = store.events(aggregate);
                events.addAndGet(stored.size());
                ChainCheck.of(aggregate, stored, store.links(aggregate)).ifPresent(first::set);
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
            if (aggregates.incrementAndGet() % 10_000 == 0) {
                LOG.infof("Verifying the event store: %d aggregates, %d events so far", aggregates.get(), events.get());
            }
        });
        LOG.infof("Verified the event store: %d aggregates, %d events, %s", aggregates.get(), events.get(),
                first.get() == null ? "intact" : "first problem at " + first.get());
        return withCheckpoint(first.get() == null, null, aggregates.get(), events.get(), first.get());
    }

    private Verification withCheckpoint(boolean intact, Set<String> aggregates, long events,
                                        ChainCheck.Problem problem) throws SQLException {
        return withCheckpoint(intact, aggregates, aggregates.size(), events, problem);
    }

    /** {@code aggregates} null: the whole store. */
    private Verification withCheckpoint(boolean intact, Set<String> scope, long aggregates, long events,
                                        ChainCheck.Problem problem) throws SQLException {
        var latest = checkpoints.latest();
        if (latest.isEmpty()) {
            return new Verification(intact, aggregates, events, answered(problem), null, null);
        }
        boolean matches;
        try {
            matches = checkpoints.stillMatches(latest.get(), scope);
        } catch (Checkpoints.LeavesAltered e) {
            return new Verification(false, aggregates, events, answered(problem != null ? problem
                    : new ChainCheck.Problem(null, -1, null, latest.get().position(), e.getMessage())),
                    latest.get().position(), false);
        }
        if (intact && !matches) {
            problem = new ChainCheck.Problem(null, -1, null, latest.get().position(), "the store no longer has the "
                    + "chain ends signed at checkpoint position " + latest.get().position() + ": events were deleted "
                    + "from the end of a chain, or a chain was recomputed");
        }
        return new Verification(intact && matches, aggregates, events, answered(problem), latest.get().position(),
                matches);
    }

    private static Verification.ChainProblem answered(ChainCheck.Problem problem) {
        return problem == null ? null : new Verification.ChainProblem(problem.aggregateId(), problem.sequenceNumber(),
                problem.eventId(), problem.globalIndex(), problem.reason());
    }

    /**
     * An event as the auditor reads it (the history, the bundle's report): its personal data opened, or erased once
     * its subject is (decision 29); the stored bytes, which the chain covers, stay as they are.
     */
    static HistoryEntry entry(StoredEvent e) {
        try {
            JsonNode meta = e.metaData() == null ? JSON.createObjectNode() : JSON.readTree(e.metaData());
            String type = e.payloadType().substring(e.payloadType().lastIndexOf('.') + 1);
            return new HistoryEntry(e.globalIndex(), e.aggregateId(), e.sequenceNumber(), type,
                    StoredInstants.parse(e.timeStamp()), text(meta, "actorSubject"), text(meta, "actorName"),
                    roles(meta), text(meta, "correlationId"), text(meta, "causationId"),
                    JSON.convertValue(PersonalDataIntrospector.openAll(JSON.readTree(e.payload())), PAYLOAD));
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private static List<String> roles(JsonNode meta) {
        List<String> roles = new ArrayList<>();
        meta.path("actorRoles").forEach(role -> roles.add(role.asText()));
        return roles;
    }

    private static String text(JsonNode node, String field) {
        return node.hasNonNull(field) ? node.get(field).asText() : null;
    }
}
