package org.compliance.platform.axon;

import io.agroal.api.AgroalDataSource;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.pooled.MaxSegmentProvider;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.jboss.logging.Logger;

/**
 * What the instances of one service agree on through its schema (docs/decisions/0020-cluster-rebuild.md), every
 * {@code compliance.axon.cluster-interval} on a thread of its own:
 * <ul>
 * <li>each instance announces itself ({@code processor_node}); the live ones share every group's segments out, each
 * claiming at most its part (a {@link MaxSegmentProvider}) and releasing what it holds beyond it, so that an instance
 * that starts late gets its part and one that dies leaves its part to the others once its claims time out;</li>
 * <li>a read-model rebuild asked of any instance ({@code read_model_rebuild}) stops the group's processor on every
 * instance; once no live claim is left, one instance (under an advisory lock) resets the tokens, runs the reset
 * handlers and releases the claims; then every instance starts the processor again; the rebuild is done when no
 * segment replays any more.</li>
 * </ul>
 */
public final class ProcessorCluster {

    private static final Logger LOG = Logger.getLogger(ProcessorCluster.class);

    /** A rebuild of a group, as every instance reads it. */
    public record Rebuild(long id, String processingGroup, String state, Instant requestedAt, String requestedBy,
                          Instant resetAt, String resetBy, Instant finishedAt) {
    }

    private final AgroalDataSource dataSource;
    private final AxonSettings settings;
    private final String node;
    private final String schema;
    private final TokenTable tokens;
    private final TokenStore store;
    private final Map<String, Integer> shares = new ConcurrentHashMap<>();
    /** Groups this instance stopped for a rebuild, to start again once their tokens are reset. */
    private final Set<String> stoppedForRebuild = ConcurrentHashMap.newKeySet();
    private Function<String, StreamingEventProcessor> processors;
    private List<String> groups = List.of();
    private List<String> projections = List.of();
    private ScheduledExecutorService loop;

    ProcessorCluster(AgroalDataSource dataSource, AxonSettings settings, String node, TokenTable tokens,
                     TokenStore store) {
        this.dataSource = dataSource;
        this.store = store;
        this.settings = settings;
        this.node = node;
        this.tokens = tokens;
        String table = settings.tokenTable();
        this.schema = table.contains(".") ? table.substring(0, table.indexOf('.')) + "." : "";
    }

    /** At most this instance's part of a group's segments (all of them until the instances have been counted). */
    MaxSegmentProvider maxSegments() {
        return group -> shares.getOrDefault(group, (int) Short.MAX_VALUE);
    }

    public String node() {
        return node;
    }

    void start(Function<String, StreamingEventProcessor> processors, List<String> groups, List<String> projections) {
        this.processors = processors;
        this.groups = groups;
        this.projections = projections;
        if (groups.isEmpty()) {
            return;
        }
        loop = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "processor-cluster");
            thread.setDaemon(true);
            return thread;
        });
        long every = settings.clusterInterval().toMillis();
        loop.scheduleWithFixedDelay(this::tickSafely, 0, every, TimeUnit.MILLISECONDS);
    }

    void stop() {
        if (loop != null) {
            loop.shutdownNow();
            try {
                loop.awaitTermination(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            loop = null;
        }
    }

    private void tickSafely() {
        try {
            tick();
        } catch (RuntimeException e) {
            // the database may be away for a moment: the next tick tries again
            LOG.warnf("Could not coordinate with the other instances: %s", e.getMessage());
        }
    }

    /** One round: announce, follow the rebuilds, share the segments out. Also run at once by a rebuild's request. */
    synchronized void tick() {
        int live = beat();
        for (String group : projections) {
            follow(group);
        }
        for (String group : groups) {
            balance(group, live);
        }
    }

    /** Announces this instance; how many instances are live (seen within the claim timeout), this one included. */
    private int beat() {
        try (var connection = dataSource.getConnection();
             var upsert = connection.prepareStatement("INSERT INTO " + schema + "processor_node (node_id, seen_at) "
                     + "VALUES (?, now()) ON CONFLICT (node_id) DO UPDATE SET seen_at = now()");
             var forget = connection.prepareStatement("DELETE FROM " + schema + "processor_node "
                     + "WHERE seen_at < now() - make_interval(secs => ?)");
             var count = connection.prepareStatement("SELECT count(*) FROM " + schema + "processor_node "
                     + "WHERE seen_at >= now() - make_interval(secs => ?)")) {
            upsert.setString(1, node);
            upsert.executeUpdate();
            forget.setDouble(1, settings.claimTimeout().toMillis() * 100 / 1000.0);
            forget.executeUpdate();
            count.setDouble(1, settings.claimTimeout().toMillis() / 1000.0);
            try (var rows = count.executeQuery()) {
                rows.next();
                return Math.max(1, rows.getInt(1));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    /**
     * Each live instance's part is the group's segments divided by the live instances, rounded up; what this one
     * holds beyond it is released for a while, for another to claim.
     */
    private void balance(String group, int live) {
        StreamingEventProcessor processor = processors.apply(group);
        int segments = tokens.rows(group).size();
        if (segments == 0) {
            return;
        }
        int share = (segments + live - 1) / live;
        shares.put(group, share);
        if (!processor.isRunning() || !(processor instanceof PooledStreamingEventProcessor pooled)) {
            return;
        }
        List<Integer> held = new ArrayList<>(processor.processingStatus().keySet());
        held.sort(null);
        for (int i = share; i < held.size(); i++) {
            LOG.infof("Releasing segment %d of %s: %d live instance(s) share %d segments", held.get(i), group, live,
                    segments);
            pooled.releaseSegment(held.get(i), settings.claimTimeout().toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /** Brings this instance's processor of a projection group in line with the group's latest rebuild. */
    private void follow(String group) {
        StreamingEventProcessor processor = processors.apply(group);
        Optional<Rebuild> latest = latest(group);
        if (latest.isPresent() && latest.get().state().equals("STOPPING")) {
            if (processor.isRunning()) {
                LOG.infof("Stopping %s for rebuild %d", group, latest.get().id());
                processor.shutDown();
            }
            // a rebuild ends with the projection running, even where it had been stopped before
            stoppedForRebuild.add(group);
            reset(processor, latest.get());
            latest = latest(group);
            if (latest.get().state().equals("STOPPING")) {
                return;
            }
        }
        // Only what a rebuild stopped is started again here: a processor stopped for another reason (an operator, a
        // failure that readiness reports) stays as it is.
        if (stoppedForRebuild.remove(group) && !processor.isRunning()) {
            LOG.infof("Starting %s again", group);
            processor.start();
        }
        if (latest.isPresent() && latest.get().state().equals("REPLAYING")
                && tokens.rows(group).stream().noneMatch(TokenTable.Row::replaying)) {
            update("UPDATE " + schema + "read_model_rebuild SET state = 'DONE', finished_at = now() "
                    + "WHERE id = ? AND state = 'REPLAYING'", latest.get().id());
        }
    }

    /**
     * Resets the group's tokens once no other instance holds a live claim on any of its segments, at most once per
     * rebuild in the whole cluster: under an advisory lock, and only while the rebuild is still STOPPING.
     */
    private void reset(StreamingEventProcessor processor, Rebuild rebuild) {
        String group = rebuild.processingGroup();
        try (var connection = dataSource.getConnection();
             var lock = connection.prepareStatement("SELECT pg_try_advisory_lock(hashtext(?))");
             var unlock = connection.prepareStatement("SELECT pg_advisory_unlock(hashtext(?))")) {
            String key = "read-model-rebuild:" + settings.tokenTable() + ":" + group;
            lock.setString(1, key);
            try (var locked = lock.executeQuery()) {
                locked.next();
                if (!locked.getBoolean(1)) {
                    return;
                }
            }
            try {
                if (!latest(group).map(r -> r.id() == rebuild.id() && r.state().equals("STOPPING")).orElse(false)) {
                    return;
                }
                Instant now = Instant.now();
                if (tokens.rows(group).stream()
                        .anyMatch(row -> row.claimedByAnotherThan(node, now, settings.claimTimeout()))) {
                    return;
                }
                processor.resetTokens();
                for (TokenTable.Row row : tokens.rows(group)) {
                    store.releaseClaim(group, row.segment());
                }
                try (var replaying = connection.prepareStatement("UPDATE " + schema + "read_model_rebuild "
                        + "SET state = 'REPLAYING', reset_at = now(), reset_by = ? WHERE id = ? AND state = 'STOPPING'")) {
                    replaying.setString(1, node);
                    replaying.setLong(2, rebuild.id());
                    replaying.executeUpdate();
                }
                LOG.infof("Rebuild %d: the tokens of %s are reset; every instance replays it", rebuild.id(), group);
            } finally {
                unlock.setString(1, key);
                unlock.execute();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    /** Asks every instance to rebuild the group (joining a rebuild still waiting for its stop); its id. */
    long request(String group) {
        try (var connection = dataSource.getConnection();
             var insert = connection.prepareStatement("INSERT INTO " + schema + "read_model_rebuild "
                     + "(processing_group, state, requested_at, requested_by) VALUES (?, 'STOPPING', now(), ?) "
                     + "ON CONFLICT (processing_group) WHERE state = 'STOPPING' DO NOTHING")) {
            insert.setString(1, group);
            insert.setString(2, node);
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
        return latest(group).orElseThrow().id();
    }

    /** The group's latest rebuild, as every instance sees it. */
    public Optional<Rebuild> latest(String group) {
        try (var connection = dataSource.getConnection(); var select = connection.prepareStatement("""
                SELECT id, processing_group, state, requested_at, requested_by, reset_at, reset_by, finished_at
                FROM %sread_model_rebuild WHERE processing_group = ? ORDER BY id DESC LIMIT 1""".formatted(schema))) {
            select.setString(1, group);
            try (var rows = select.executeQuery()) {
                if (!rows.next()) {
                    return Optional.empty();
                }
                return Optional.of(new Rebuild(rows.getLong(1), rows.getString(2), rows.getString(3),
                        instant(rows.getTimestamp(4)), rows.getString(5), instant(rows.getTimestamp(6)),
                        rows.getString(7), instant(rows.getTimestamp(8))));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    private void update(String sql, long id) {
        try (var connection = dataSource.getConnection(); var update = connection.prepareStatement(sql)) {
            update.setLong(1, id);
            update.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
