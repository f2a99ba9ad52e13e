package org.compliance.platform.axon;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Axon settings of one service; keys under {@code compliance.axon}. */
@ConfigMapping(prefix = "compliance.axon")
public interface AxonSettings {

    /** Token table of the service, schema-qualified, e.g. {@code case_service.token_entry}. */
    String tokenTable();

    /** Schema of the shared event store tables. */
    @WithDefault("event_store")
    String eventStoreSchema();

    /** Segments each processor's stream is split into when its tokens are first created. */
    @WithDefault("4")
    int initialSegments();

    /** Events a processor of a policy or notifier group handles in one transaction, at most. */
    @WithDefault("100")
    int batchSize();

    /**
     * Events a projection group's processor folds in one transaction, at most (docs/decisions/0023-projections-in-batches.md):
     * each row a batch touches is read and written once. A processor takes what has arrived, up to this, so live
     * batches stay small; a rebuild, which finds the whole store waiting, handles up to this many at a time. Axon's pooled
     * processor queues at most 1024 events per segment (those of the other segments counted too), so more than that
     * gains nothing.
     */
    @WithDefault("1000")
    int projectionBatchSize();

    /** Events the event store reads in one query when a processor catches up or replays. */
    @WithDefault("1000")
    int readBatchSize();

    /**
     * How often the event store is polled for events appended by other services (or other instances). With
     * {@link #listenForAppends()} this is the fallback: a notification has the store read at once.
     */
    @WithDefault("100ms")
    Duration pollInterval();

    /**
     * Whether each instance listens for PostgreSQL's notification of appended events, so that its processors handle
     * events appended by any process at once rather than at the next poll (docs/decisions/0022-waking-processors.md).
     * Polling goes on either way.
     */
    @WithDefault("true")
    boolean listenForAppends();

    /** How long the listener waits quietly for a notification before it checks that its connection still works. */
    @WithDefault("10s")
    Duration appendListenerCheckInterval();

    /** How long a segment claimed by a dead node stays claimed before another node may take it. */
    @WithDefault("10s")
    Duration claimTimeout();

    /**
     * How often a processor looks for segments it may claim: unclaimed ones, those another instance released, and those
     * whose claim has run past {@link #claimTimeout()} (a dead instance's). Taking over a dead instance's segments
     * takes the claim timeout plus at most this.
     */
    @WithDefault("2s")
    Duration tokenClaimInterval();

    /**
     * How often an instance announces itself to the other instances of its service, shares the segments out (each
     * of the live instances holds its part of every group) and follows read-model rebuilds asked of any instance.
     */
    @WithDefault("1s")
    Duration clusterInterval();

    /**
     * After how many events loaded or applied an aggregate is snapshotted (Axon's event-count trigger, a Jackson
     * snapshot in {@code event_store.snapshot_event_entry}), so that a command on a long-lived aggregate reads its
     * latest snapshot and the events after it rather than its whole history. 0 (the default): no snapshots; a service
     * that turns them on needs the right to write snapshots (decision 15, docs/decisions/0024-snapshots.md).
     */
    @WithDefault("0")
    int snapshotThreshold();

    /** How long a gap in the global index is waited for before it is assumed to be a rolled-back insert. */
    @WithDefault("60s")
    Duration gapTimeout();

    /**
     * Dead-letter table of the service, schema-qualified, e.g. {@code case_service.dead_letter_entry}: where every
     * processing group parks the events its handlers keep failing on. Required when the service has event handlers.
     */
    java.util.Optional<String> deadLetterTable();

    /** How many times in a row an event must fail in a processing group (not for an outage) before it is parked. */
    @WithDefault("3")
    int parkAfterAttempts();

    /** How often the parked letters are counted for the metric {@code compliance_dead_letters}. */
    @WithDefault("5s")
    Duration deadLetterCountInterval();

    /**
     * How often the processors' lag behind the store's head and the deadline table are counted for
     * {@code /q/metrics} (docs/operations/observability.md), so that a scrape never waits for the database.
     */
    @WithDefault("5s")
    Duration metricsInterval();

    /** How often due deadlines are looked for. */
    @WithDefault("1s")
    Duration deadlinePollInterval();

    /**
     * How long a read waits at most for this service's projection groups to reach a position in the store (a client's
     * {@code Read-After}, or the store's head when a read or check finds nothing): docs/decisions/0012-reading-ones-own-writes.md.
     */
    @WithDefault("5s")
    Duration viewWait();
}
