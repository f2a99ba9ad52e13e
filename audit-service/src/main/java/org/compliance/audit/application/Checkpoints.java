package org.compliance.audit.application;

import io.agroal.api.AgroalDataSource;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.compliance.audit.query.EventStoreReader;
import org.compliance.audit.chain.Checkpoint;
import org.compliance.audit.chain.Ed25519;
import org.compliance.audit.chain.LogTree;
import org.compliance.audit.chain.MerkleTree;
import org.compliance.audit.chain.Timestamps;
import org.compliance.audit.verifier.Bundle;
import org.compliance.audit.verifier.BundleContents;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Signed checkpoints: at intervals, the Merkle root over the latest chain hash of every aggregate at a
 * global position, signed with the service's Ed25519 key, stored and published. A checkpoint fixes the end
 * of every chain, so that deleting an aggregate's last events or recomputing a chain shows. Every instance looks
 * every {@code compliance.audit.checkpoint-poll}; under one advisory lock, only the first to find the latest checkpoint
 * {@code compliance.audit.checkpoint-every} old takes the next one.
 */
@ApplicationScoped
public class Checkpoints {

    private static final Logger LOG = Logger.getLogger(Checkpoints.class);

    /** The leaves of a checkpoint, in order: what proofs are cut from. */
    public record Leaves(List<EventStoreReader.Head> heads, List<byte[]> leaves) {
    }

    private final AgroalDataSource dataSource;
    private final EventStoreReader store;
    private final Clock clock;
    private final String privateKey;
    private final String publicKey;
    private final Duration settle;
    private final Duration every;
    private final List<TimestampAuthority> authorities;

    public Checkpoints(AgroalDataSource dataSource, EventStoreReader store, Clock clock,
                       @ConfigProperty(name = "compliance.audit.checkpoint-private-key") String privateKey,
                       @ConfigProperty(name = "compliance.audit.checkpoint-public-key") String publicKey,
                       @ConfigProperty(name = "compliance.audit.checkpoint-settle") Duration settle,
                       @ConfigProperty(name = "compliance.audit.checkpoint-every") Duration every,
                       List<TimestampAuthority> authorities) {
        this.dataSource = dataSource;
        this.store = store;
        this.clock = clock;
        this.privateKey = privateKey;
        this.publicKey = publicKey;
        this.settle = settle;
        this.every = every;
        this.authorities = authorities;
    }

    public String publicKey() {
        return publicKey;
    }

    /**
     * A bundle's contents list signed with the checkpoint key ({@link BundleContents}): what shows the report and the
     * files streamed into the bundle unchanged since export, where the chain does not reach.
     */
    public String signContents(byte[] listing) {
        return Ed25519.sign(BundleContents.statement(listing), privateKey);
    }

    @Scheduled(every = "${compliance.audit.checkpoint-poll}", delayed = "10s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void regularly() throws SQLException {
        takeIfDue();
        latest().ifPresent(this::stamp);
    }

    /**
     * A checkpoint when the latest is at least {@code compliance.audit.checkpoint-every} old (and the store has moved
     * on): once per interval in the whole cluster, whichever instance looks first. Empty when none was due.
     */
    public Optional<Bundle.SignedCheckpoint> takeIfDue() throws SQLException {
        Optional<Bundle.SignedCheckpoint> taken = underLock(connection -> {
            Optional<Bundle.SignedCheckpoint> latest = latest(connection);
            if (latest.isPresent() && Instant.parse(latest.get().createdAt()).plus(every).isAfter(clock.instant())) {
                return Optional.empty();
            }
            return Optional.of(take(connection, latest));
        });
        return taken.map(this::stamp);
    }

    /**
     * A checkpoint at the latest settled position, unless the latest one is already there; time-stamped by every
     * configured authority that has not stamped it yet.
     */
    public Bundle.SignedCheckpoint take() throws SQLException {
        return stamp(underLock(connection -> take(connection, latest(connection))));
    }

    /**
     * Has every configured authority that has not yet done so time-stamp the checkpoint's signed text, after the
     * checkpoint is committed (an authority's answer is never waited for under the checkpoints' lock). An authority
     * that cannot be reached is asked again at the next regular look; a late stamp still proves the checkpoint existed
     * by its time. Answers the checkpoint with every token it has.
     */
    public Bundle.SignedCheckpoint stamp(Bundle.SignedCheckpoint checkpoint) {
        java.util.Set<String> stamped = new java.util.HashSet<>();
        checkpoint.timestamps().forEach(t -> stamped.add(t.authority()));
        byte[] signedText = checkpoint.checkpoint().signedBytes();
        List<Bundle.TimestampToken> tokens = new ArrayList<>(checkpoint.timestamps());
        for (TimestampAuthority authority : authorities) {
            if (stamped.contains(authority.url())) {
                continue;
            }
            try {
                byte[] request = Timestamps.request(signedText);
                byte[] token = Timestamps.token(request, authority.respond(request));
                Timestamps.Stamp stamp = Timestamps.verify(token, signedText, List.of());
                try (var connection = dataSource.getConnection(); var insert = connection.prepareStatement("""
                        INSERT INTO audit_service.checkpoint_timestamp (position, authority, token, stamped_at)
                        VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING""")) {
                    insert.setLong(1, checkpoint.position());
                    insert.setString(2, authority.url());
                    insert.setBytes(3, token);
                    insert.setTimestamp(4, Timestamp.from(stamp.time()));
                    insert.executeUpdate();
                }
                tokens.add(new Bundle.TimestampToken(authority.url(), Base64.getEncoder().encodeToString(token)));
                LOG.infof("Checkpoint at global position %d time-stamped by %s (%s) at %s", checkpoint.position(),
                        authority.url(), stamp.authority(), stamp.time());
            } catch (java.io.IOException | Timestamps.Invalid | SQLException | RuntimeException e) {
                LOG.warnf("Checkpoint at global position %d not time-stamped by %s: %s; asked again at the next look",
                        checkpoint.position(), authority.url(), e.getMessage());
            }
        }
        return checkpoint.withTimestamps(tokens);
    }

    private interface Locked<T> {
        T run(Connection connection) throws SQLException;
    }

    /**
     * In one transaction holding the checkpoints' advisory lock: every instance of audit-service takes checkpoints
     * one after the other, each seeing the one before (no two at one position, none twice in an interval).
     */
    private <T> T underLock(Locked<T> work) throws SQLException {
        try (var connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (var lock = connection.prepareStatement("SELECT pg_advisory_xact_lock(hashtext(?))")) {
                lock.setString(1, "audit_service.checkpoint");
                lock.execute();
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        }
    }

    private Bundle.SignedCheckpoint take(Connection connection, Optional<Bundle.SignedCheckpoint> latest)
            throws SQLException {
        long position = store.settledPosition(clock.instant().minus(settle));
        if (latest.isPresent() && latest.get().position() >= position) {
            return latest.get();
        }
        Leaves leaves = leavesAt(position);
        LogTree.Frontier log = new LogTree.Frontier();
        store.logLeaves(position, log::add);
        // milliseconds: the moment must read back from PostgreSQL exactly as it was signed
        Checkpoint checkpoint = new Checkpoint(position, clock.instant().truncatedTo(ChronoUnit.MILLIS),
                leaves.heads().size(), Bundle.hex(MerkleTree.root(leaves.leaves())), log.size(),
                Bundle.hex(log.root()));
        Bundle.SignedCheckpoint signed = new Bundle.SignedCheckpoint(checkpoint.position(),
                checkpoint.createdAt().toString(), checkpoint.aggregates(), checkpoint.root(),
                checkpoint.sign(privateKey), publicKey, checkpoint.events(), checkpoint.logRoot(), List.of());
        store(connection, signed, checkpoint.createdAt(), leaves.heads());
        LOG.infof("Checkpoint at global position %d: %d aggregates, root %s; %d events, log root %s", position,
                signed.aggregates(), signed.root(), checkpoint.events(), checkpoint.logRoot());
        return signed;
    }

    /** The checkpoint and its leaves in the caller's transaction: the leaves table always holds the latest one's. */
    private void store(Connection connection, Bundle.SignedCheckpoint signed, Instant createdAt,
                       List<EventStoreReader.Head> heads) throws SQLException {
        try (var insert = connection.prepareStatement("""
                INSERT INTO audit_service.checkpoint (position, created_at, aggregates, root, signature, public_key,
                    events, log_root)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""");
             var clear = connection.prepareStatement("DELETE FROM audit_service.checkpoint_leaf");
             var leaf = connection.prepareStatement("""
                     INSERT INTO audit_service.checkpoint_leaf (aggregate_identifier, position, sequence_number, hash)
                     VALUES (?, ?, ?, ?)""")) {
            insert.setLong(1, signed.position());
            insert.setTimestamp(2, Timestamp.from(createdAt));
            insert.setLong(3, signed.aggregates());
            insert.setString(4, signed.root());
            insert.setString(5, signed.signature());
            insert.setString(6, signed.publicKey());
            insert.setObject(7, signed.events());
            insert.setString(8, signed.logRoot());
            insert.executeUpdate();
            clear.executeUpdate();
            for (EventStoreReader.Head head : heads) {
                leaf.setString(1, head.aggregateId());
                leaf.setLong(2, signed.position());
                leaf.setLong(3, head.sequenceNumber());
                leaf.setBytes(4, head.hash());
                leaf.addBatch();
            }
            leaf.executeBatch();
        }
    }

    /** The latest checkpoint's signed leaves, in aggregate order, after checking them against its root. */
    public List<EventStoreReader.Head> signedLeaves(Bundle.SignedCheckpoint checkpoint) throws SQLException {
        List<EventStoreReader.Head> heads = new ArrayList<>();
        try (var connection = dataSource.getConnection(); var select = connection.prepareStatement("""
                SELECT aggregate_identifier, sequence_number, hash FROM audit_service.checkpoint_leaf
                WHERE position = ? ORDER BY aggregate_identifier""")) {
            select.setLong(1, checkpoint.position());
            try (var rows = select.executeQuery()) {
                while (rows.next()) {
                    heads.add(new EventStoreReader.Head(rows.getString(1), rows.getLong(2), rows.getBytes(3)));
                }
            }
        }
        List<byte[]> leaves = heads.stream().map(h -> MerkleTree.leaf(h.aggregateId(), h.sequenceNumber(), h.hash()))
                .toList();
        if (!Bundle.hex(MerkleTree.root(leaves)).equals(checkpoint.root())
                || !checkpoint.checkpoint().verify(checkpoint.signature(), publicKey)) {
            throw new LeavesAltered(checkpoint.position());
        }
        return heads;
    }

    /** The stored leaves no longer add up to the signed root: the audit tables themselves were altered. */
    public static final class LeavesAltered extends RuntimeException {
        LeavesAltered(long position) {
            super("The stored leaves of checkpoint " + position + " do not match its signed root: the audit "
                    + "tables were altered");
        }
    }

    public Optional<Bundle.SignedCheckpoint> latest() throws SQLException {
        try (var connection = dataSource.getConnection()) {
            return latest(connection);
        }
    }

    private static Optional<Bundle.SignedCheckpoint> latest(Connection connection) throws SQLException {
        return checkpoints(connection, "ORDER BY c.position DESC LIMIT 1", null).stream().findFirst();
    }

    /** The checkpoint taken at {@code position}, with its time-stamps. */
    public Optional<Bundle.SignedCheckpoint> at(long position) throws SQLException {
        try (var connection = dataSource.getConnection()) {
            return checkpoints(connection, "WHERE c.position = ?", position).stream().findFirst();
        }
    }

    /** Every checkpoint before {@code position}, oldest first, with their time-stamps. */
    public List<Bundle.SignedCheckpoint> before(long position) throws SQLException {
        try (var connection = dataSource.getConnection()) {
            return checkpoints(connection, "WHERE c.position < ? ORDER BY c.position", position);
        }
    }

    private static List<Bundle.SignedCheckpoint> checkpoints(Connection connection, String where, Long position)
            throws SQLException {
        List<Bundle.SignedCheckpoint> found = new ArrayList<>();
        try (var select = connection.prepareStatement("""
                SELECT c.position, c.created_at, c.aggregates, c.root, c.signature, c.public_key, c.events, c.log_root,
                       (SELECT coalesce(json_agg(json_build_array(t.authority, encode(t.token, 'base64'))
                                        ORDER BY t.stamped_at, t.authority), '[]')
                        FROM audit_service.checkpoint_timestamp t WHERE t.position = c.position)::text
                FROM audit_service.checkpoint c""" + " " + where)) {
            if (position != null) {
                select.setLong(1, position);
            }
            try (var rows = select.executeQuery()) {
                while (rows.next()) {
                    found.add(new Bundle.SignedCheckpoint(rows.getLong(1), rows.getTimestamp(2).toInstant().toString(),
                            rows.getLong(3), rows.getString(4), rows.getString(5), rows.getString(6),
                            (Long) rows.getObject(7), rows.getString(8), tokens(rows.getString(9))));
                }
            }
        }
        return found;
    }

    private static final ObjectMapper TOKENS = new ObjectMapper();

    private static List<Bundle.TimestampToken> tokens(String json) {
        try {
            List<Bundle.TimestampToken> tokens = new ArrayList<>();
            for (var pair : TOKENS.readTree(json)) {
                // PostgreSQL's base64 breaks lines every 76 characters
                tokens.add(new Bundle.TimestampToken(pair.get(0).asText(), pair.get(1).asText().replace("\n", "")));
            }
            return tokens;
        } catch (java.io.IOException e) {
            throw new IllegalStateException("Unreadable time-stamps of a checkpoint", e);
        }
    }

    /**
     * The proof that the checkpoint {@code to} extends the log of the checkpoint {@code from} (both of the second form),
     * cut from the store as it is now. {@link LogAltered} when the store no longer adds up to a log root they signed.
     */
    public Bundle.Consistency consistency(Bundle.SignedCheckpoint from, Bundle.SignedCheckpoint to) throws SQLException {
        if (from.logRoot() == null || to.logRoot() == null || from.position() > to.position()) {
            throw new IllegalArgumentException("A consistency proof needs two checkpoints of the log, the earlier first");
        }
        List<byte[]> leaves = new ArrayList<>();
        store.logLeaves(to.position(), leaves::add);
        if (leaves.size() != to.events() || !Bundle.hex(MerkleTree.root(leaves)).equals(to.logRoot())) {
            throw new LogAltered(to.position());
        }
        List<String> proof = LogTree.consistencyProof(leaves, Math.toIntExact(from.events())).stream()
                .map(Bundle::hex).toList();
        return new Bundle.Consistency(from.position(), from.events(), from.logRoot(), to.position(), to.events(),
                to.logRoot(), proof);
    }

    /**
     * The proofs that {@code to} extends the log of each earlier checkpoint of the second form (oldest first), from one
     * read of the store: what a bundle carries, so that whoever kept any of them can check it.
     */
    public List<Bundle.Consistency> consistencyFromEach(Bundle.SignedCheckpoint to) throws SQLException {
        if (to.logRoot() == null) {
            return List.of();
        }
        List<Bundle.SignedCheckpoint> earlier = before(to.position()).stream().filter(c -> c.logRoot() != null)
                .toList();
        if (earlier.isEmpty()) {
            return List.of();
        }
        List<byte[]> leaves = new ArrayList<>();
        store.logLeaves(to.position(), leaves::add);
        if (leaves.size() != to.events() || !Bundle.hex(MerkleTree.root(leaves)).equals(to.logRoot())) {
            throw new LogAltered(to.position());
        }
        List<Bundle.Consistency> proofs = new ArrayList<>();
        for (Bundle.SignedCheckpoint from : earlier) {
            if (from.events() > leaves.size()) {
                throw new LogAltered(to.position());
            }
            proofs.add(new Bundle.Consistency(from.position(), from.events(), from.logRoot(), to.position(),
                    to.events(), to.logRoot(), LogTree.consistencyProof(leaves, Math.toIntExact(from.events()))
                    .stream().map(Bundle::hex).toList()));
        }
        return proofs;
    }

    /** The store's events up to a checkpoint no longer make the log root it signed: events were changed or removed. */
    public static final class LogAltered extends RuntimeException {
        LogAltered(long position) {
            super("The events up to checkpoint " + position + " no longer make the log it signed: the event store "
                    + "was altered");
        }
    }

    public Leaves leavesAt(long position) throws SQLException {
        List<EventStoreReader.Head> heads = store.headsAt(position, null);
        List<byte[]> leaves = new ArrayList<>(heads.size());
        for (EventStoreReader.Head head : heads) {
            leaves.add(MerkleTree.leaf(head.aggregateId(), head.sequenceNumber(), head.hash()));
        }
        return new Leaves(heads, leaves);
    }

    /**
     * Do these aggregates (all, when null) still end, at the checkpoint's position, where the checkpoint
     * signed them? Aggregates the checkpoint does not know are younger than it and not judged here.
     */
    public boolean stillMatches(Bundle.SignedCheckpoint checkpoint, java.util.Set<String> aggregates)
            throws SQLException {
        var now = new java.util.HashMap<String, EventStoreReader.Head>();
        store.headsAt(checkpoint.position(), aggregates).forEach(h -> now.put(h.aggregateId(), h));
        for (EventStoreReader.Head signed : signedLeaves(checkpoint)) {
            if (aggregates != null && !aggregates.contains(signed.aggregateId())) {
                continue;
            }
            EventStoreReader.Head current = now.get(signed.aggregateId());
            if (current == null || current.sequenceNumber() != signed.sequenceNumber()
                    || !java.util.Arrays.equals(current.hash(), signed.hash())) {
                return false;
            }
        }
        return true;
    }
}
