package org.compliance.platform.axon;

import com.github.kagkarlsson.scheduler.Scheduler;
import io.agroal.api.AgroalDataSource;
import io.agroal.api.configuration.AgroalConnectionFactoryConfiguration;
import io.opentelemetry.api.trace.Tracer;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.AxonThreadFactory;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.DataSourceConnectionProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.AggregateConfigurer;
import org.axonframework.config.Configuration;
import org.axonframework.config.ConfigurationScopeAwareProvider;
import org.axonframework.config.Configurer;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.dbscheduler.DbSchedulerDeadlineManager;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventMessageHandler;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.deadletter.jdbc.DeadLetterSchema;
import org.axonframework.eventhandling.deadletter.jdbc.JdbcSequencedDeadLetterQueue;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.snapshotting.SnapshotFilter;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.micrometer.GlobalMetricRegistry;
import org.axonframework.messaging.deadletter.SequencedDeadLetterProcessor;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.axonframework.serialization.AnnotationRevisionResolver;
import org.axonframework.serialization.RevisionResolver;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.UnknownSerializedType;
import org.compliance.platform.messaging.CallerOnCommands;
import org.compliance.platform.messaging.EventMetadata;
import org.compliance.platform.messaging.TraceOnMessages;
import org.compliance.platform.messaging.Tracing;
import org.compliance.platform.personaldata.Sealing;
import org.compliance.platform.personaldata.SubjectKeys;
import org.jboss.logging.Logger;

/**
 * Builds, starts and stops the service's Axon configuration: the shared JDBC event store, the service's
 * own token store, a streaming processor and a dead-letter queue for each of its processing groups, the suite's
 * metadata on every message, Jackson everywhere, JTA transactions through Narayana, a span for every command and
 * every group's handling of an event, in the trace the message carries (decision 16), Axon's message monitors on
 * Quarkus' meter registry (decision 17), and processors woken when events are appended, by PostgreSQL's
 * notification or the store's poll (decision 22). Started from a plain startup observer (after Flyway has migrated)
 * rather than a CDI extension.
 */
@ApplicationScoped
public class AxonRuntime {

    private static final Logger LOG = Logger.getLogger(AxonRuntime.class);

    private final AgroalDataSource dataSource;
    private final jakarta.transaction.TransactionManager jta;
    private final AxonSettings settings;
    private final ServiceComponents components;
    private final Clock clock;
    private final CallerOnCommands caller;
    private final ProcessingGroups groups;
    private final Tracer tracer;
    private final MeterRegistry meters;
    private volatile Configuration configuration;
    private volatile TokenTable tokens;
    private volatile ProcessorCluster cluster;
    private final SubjectKeys subjectKeys;
    private volatile AppendListener appendListener;
    private volatile AppendAnnouncer appendAnnouncer;

    public AxonRuntime(AgroalDataSource dataSource, jakarta.transaction.TransactionManager jta, AxonSettings settings,
                       ServiceComponents components, Clock clock, CallerOnCommands caller, Tracing tracing,
                       MeterRegistry meters, SubjectKeys subjectKeys) {
        this.dataSource = dataSource;
        this.subjectKeys = subjectKeys;
        this.jta = jta;
        this.settings = settings;
        this.components = components;
        this.clock = clock;
        this.caller = caller;
        this.meters = meters;
        this.groups = ProcessingGroups.of(components.eventHandlers());
        this.tracer = tracing.tracer();
    }

    void start(@Observes @Priority(100) StartupEvent event) {
        Sealing.install(subjectKeys);
        Serializer serializer = EventSerialization.serializer();
        TransactionManager transactions = new NarayanaTransactionManager(jta);
        var connections = new DataSourceConnectionProvider(dataSource);

        Configurer configurer = DefaultConfigurer.defaultConfiguration(false)
                .configureSerializer(c -> serializer)
                .configureEventSerializer(c -> serializer)
                .configureMessageSerializer(c -> serializer)
                .configureTransactionManager(c -> transactions)
                .registerComponent(Clock.class, c -> clock)
                .configureCorrelationDataProviders(c -> EventMetadata.correlationDataProviders())
                .configureEventStore(c -> eventStore(storageEngine(connections, serializer, transactions,
                        settings.eventStoreSchema(), settings.gapTimeout(), settings.readBatchSize()),
                        settings.pollInterval(),
                        new AxonThreadFactory("EventStore")));
        // Timers, counters, latency and capacity of every processor (tag processorName, and payloadType), of the
        // command bus and of the event store, on /q/metrics (docs/operations/observability.md).
        new GlobalMetricRegistry(meters).registerWithConfigurerWithDefaultTags(configurer);
        components.deadlineTable().ifPresent(table -> configurer.configureDeadlineManager(
                c -> deadlineManager(c, table, serializer, transactions)));
        components.aggregates().forEach(type -> configurer.configureAggregate(aggregate(type,
                settings.snapshotThreshold())));
        components.resources().forEach((type, resource) -> register(configurer, type, resource));
        // Unique per run, so that a restarted instance waits out the claims of the one that died like any other would.
        String node = ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID().toString().substring(0, 8);
        TokenStore tokenStore = JdbcTokenStore.builder()
                .nodeId(node)
                .connectionProvider(connections)
                .serializer(serializer)
                .schema(TokenSchema.builder()
                        .setTokenTable(settings.tokenTable())
                        .setProcessorNameColumn("processor_name")
                        .setTokenTypeColumn("token_type")
                        .build())
                .claimTimeout(settings.claimTimeout())
                .contentType(byte[].class)
                .build();
        tokens = new TokenTable(dataSource, serializer, settings.tokenTable());
        cluster = new ProcessorCluster(dataSource, settings, node, tokens, tokenStore);
        configurer.eventProcessing(processing -> {
            // One processor per processing group, named like it (Axon's default assignment): each group keeps its
            // own token, so a projection can be rebuilt while a policy or notifier goes on where it stands.
            groups.names().forEach(group -> {
                processing.registerPooledStreamingEventProcessor(group, Configuration::eventStore,
                        (c, builder) -> builder.initialSegmentCount(settings.initialSegments())
                                .batchSize(groups.projections().contains(group)
                                        ? settings.projectionBatchSize() : settings.batchSize())
                                .tokenClaimInterval(settings.tokenClaimInterval().toMillis())
                                // with other instances, this one claims only its part (ProcessorCluster)
                                .maxSegmentProvider(cluster.maxSegments()));
                processing.registerTokenStore(group, c -> tokenStore);
            });
            // A handler that fails must not be skipped (Axon's default only logs): the batch rolls back, the
            // token stays, and the processor retries with back-off; an event that keeps failing is parked (below).
            processing.registerDefaultListenerInvocationErrorHandler(c -> PropagatingErrorHandler.instance());
            components.eventHandlers().forEach(handler -> processing.registerEventHandler(c -> handler));
            deadLetters(processing, connections, serializer, transactions);
        });

        Configuration built = configurer.buildConfiguration();
        built.commandBus().registerDispatchInterceptor(caller);
        built.commandBus().registerDispatchInterceptor(new TraceOnMessages());
        built.commandBus().registerHandlerInterceptor(new TracedCommandHandling(tracer));
        built.start();
        configuration = built;
        listenForAppends((WakingEventStore) built.eventStore());
        cluster.start(this::processor, groups.names(), groups.projections());
        LOG.infof("Axon started: %d aggregate type(s), %d event handler bean(s); processing groups %s, of which "
                        + "projections %s", components.aggregates().size(), components.eventHandlers().size(),
                groups.names(), groups.projections());
    }

    /**
     * Every processing group parks the events its handlers keep failing on in the service's dead-letter table,
     * per aggregate: the failing event and the later events of its aggregate wait, in order, while the other
     * aggregates go on. Each group handles an event inside a savepoint, so a failed statement leaves nothing behind
     * and does not doom the batch's transaction (see docs/decisions/0006-dead-letters.md).
     */
    private void deadLetters(EventProcessingConfigurer processing,
                             DataSourceConnectionProvider connections, Serializer serializer,
                             TransactionManager transactions) {
        if (groups.names().isEmpty()) {
            return;
        }
        String table = settings.deadLetterTable().orElseThrow(() -> new IllegalStateException(
                "compliance.axon.dead-letter-table is required: the service has event handlers"));
        TransactionManager savepoints = new SavepointTransactionManager(dataSource, jta, transactions);
        processing.registerDeadLetterQueueProvider(group -> c -> deadLetterQueue(group, table, connections,
                serializer, transactions));
        groups.groups().forEach((group, members) -> {
            List<Object> handlers = members.handlers();
            // Assigned by instance, so the group Axon uses is the one named here.
            processing.assignHandlerInstancesMatching(group,
                    candidate -> handlers.stream().anyMatch(handler -> handler == candidate));
            ParkingPolicy parking = new ParkingPolicy(group, settings.parkAfterAttempts());
            processing.registerDeadLetterPolicy(group, c -> parking);
            processing.registerDeadLetteringEventHandlerInvokerConfiguration(group, (c, invoker) -> invoker
                    .eventHandlers(List.of(new TracedGroupHandling(group, new GroupHandlersInSavepoint(
                            handlers.stream().<EventMessageHandler>map(invoker::wrapEventMessageHandler).toList(),
                            savepoints), tracer)))
                    .transactionManager(savepoints)
                    // Remembers per segment which aggregates have letters, sparing a query per event when none do.
                    .enableSequenceIdentifierCache()
                    // A rebuild replays every event: the letters of the old run would be parked a second time.
                    .allowReset(true));
        });
    }

    private SequencedDeadLetterQueue<EventMessage<?>> deadLetterQueue(String group, String table,
                                                                      DataSourceConnectionProvider connections,
                                                                      Serializer serializer,
                                                                      TransactionManager transactions) {
        return JdbcSequencedDeadLetterQueue.<EventMessage<?>>builder()
                .processingGroup(group)
                .connectionProvider(connections)
                // Joins the processor's transaction: a letter is parked with the batch that parks it, or not at all.
                .transactionManager(transactions)
                .schema(DeadLetterSchema.builder()
                        .deadLetterTable(table)
                        .deadLetterIdentifierColumn("dead_letter_id")
                        .processingGroupColumn("processing_group")
                        .sequenceIdentifierColumn("sequence_identifier")
                        .sequenceIndexColumn("sequence_index")
                        .messageTypeColumn("message_type")
                        .eventIdentifierColumn("event_identifier")
                        .timestampColumn("time_stamp")
                        .payloadTypeColumn("payload_type")
                        .payloadRevisionColumn("payload_revision")
                        .payloadColumn("payload")
                        .metaDataColumn("meta_data")
                        .aggregateTypeColumn("aggregate_type")
                        .aggregateIdentifierColumn("aggregate_identifier")
                        .sequenceNumberColumn("sequence_number")
                        .tokenTypeColumn("token_type")
                        .tokenColumn("token")
                        .enqueuedAtColumn("enqueued_at")
                        .lastTouchedColumn("last_touched")
                        .processingStartedColumn("processing_started")
                        .causeTypeColumn("cause_type")
                        .causeMessageColumn("cause_message")
                        .diagnosticsColumn("diagnostics")
                        .build())
                .genericSerializer(serializer)
                .eventSerializer(serializer)
                // A full queue would stall the processor again: no practical bound.
                .maxSequences(Integer.MAX_VALUE)
                .maxSequenceSize(Integer.MAX_VALUE)
                .build();
    }

    /**
     * Deadlines kept in PostgreSQL by db-scheduler: scheduled through the JTA datasource, so a deadline
     * commits with the event that caused it; run when due (or at once after a restart, if due meanwhile).
     */
    private DeadlineManager deadlineManager(Configuration configuration, String table, Serializer serializer,
                                            TransactionManager transactions) {
        AtomicReference<DbSchedulerDeadlineManager> manager = new AtomicReference<>();
        Scheduler scheduler = Scheduler.create(dataSource, DbSchedulerDeadlineManager.humanReadableTask(manager::get))
                .tableName(table)
                .clock(clock::instant)
                .pollingInterval(settings.deadlinePollInterval())
                .threads(2)
                .commitWhenAutocommitDisabled(false)
                .build();
        manager.set(DbSchedulerDeadlineManager.builder()
                .scheduler(scheduler)
                .scopeAwareProvider(new ConfigurationScopeAwareProvider(configuration))
                .serializer(serializer)
                .transactionManager(transactions)
                .useBinaryPojo(false)
                .build());
        LOG.infof("Deadlines kept in %s, polled every %s", table, settings.deadlinePollInterval());
        return manager.get();
    }

    /**
     * An aggregate, snapshotted every {@code snapshotThreshold} events when that is positive: after the command that
     * crosses the threshold commits, Axon's snapshotter (the default {@code AggregateSnapshotter}, on the committing
     * thread, in a transaction of its own) folds the latest snapshot and the events after it and stores the
     * aggregate, Jackson-serialized, replacing the older snapshot (docs/decisions/0024-snapshots.md).
     */
    private static <A> AggregateConfigurer<A> aggregate(Class<A> type, int snapshotThreshold) {
        AggregateConfigurer<A> aggregate = AggregateConfigurer.defaultConfiguration(type)
                .configureCommandTargetResolver(c -> new AddressedTargetResolver());
        if (snapshotThreshold > 0) {
            aggregate.configureSnapshotTrigger(c -> new EventCountSnapshotTriggerDefinition(c.snapshotter(),
                    snapshotThreshold));
        }
        return aggregate;
    }

    /**
     * Only snapshots of the aggregate's present form are used: a snapshot stored under another {@code @Revision} of
     * its class (or of a class that is gone) is passed over, and the aggregate is loaded from its events. An
     * aggregate whose state changes shape bumps its revision (docs/decisions/0024-snapshots.md).
     */
    static SnapshotFilter currentRevisionsOnly(Serializer serializer) {
        RevisionResolver revisions = new AnnotationRevisionResolver();
        return snapshot -> {
            SerializedType type = snapshot.getPayload().getType();
            Class<?> stored = serializer.classForType(type);
            return !UnknownSerializedType.class.equals(stored)
                    && Objects.equals(type.getRevision(), revisions.revisionOf(stored));
        };
    }

    private static <T> void register(Configurer configurer, Class<T> type, Object resource) {
        configurer.registerComponent(type, c -> type.cast(resource));
    }

    /**
     * Every instance announces its committed appends and listens for everyone's, each on a connection of its own,
     * opened with the datasource's settings but outside its pool (they are held for good): decision 22.
     */
    private void listenForAppends(WakingEventStore store) {
        if (!settings.listenForAppends()) {
            LOG.infof("Not listening for appended events: processors see other processes' events at the next poll "
                    + "(every %s)", settings.pollInterval());
            return;
        }
        var factory = dataSource.getConfiguration().connectionPoolConfiguration().connectionFactoryConfiguration();
        appendAnnouncer = new AppendAnnouncer(() -> ownConnection(factory, "event-store-append-announcer")).start();
        store.announceAppendsWith(appendAnnouncer::appended);
        appendListener = new AppendListener(() -> ownConnection(factory, "event-store-append-listener"), store::fetchNow,
                settings.appendListenerCheckInterval()).start();
    }

    private static java.sql.Connection ownConnection(AgroalConnectionFactoryConfiguration factory, String name)
            throws java.sql.SQLException {
        Properties properties = new Properties();
        properties.putAll(factory.jdbcProperties());
        // What Agroal itself gives the driver: user and password from the configured principal and credentials.
        Stream.concat(Stream.ofNullable(factory.principal()), factory.credentials().stream())
                .forEach(secret -> factory.securityProviders().forEach(provider -> {
                    Properties given = provider.getSecurityProperties(secret);
                    if (given != null) {
                        properties.putAll(given);
                    }
                }));
        properties.setProperty("ApplicationName", name);
        java.sql.Connection connection = new org.postgresql.Driver().connect(factory.jdbcUrl(), properties);
        if (connection == null) {
            throw new java.sql.SQLException("Not a PostgreSQL URL: " + factory.jdbcUrl());
        }
        return connection;
    }

    /** What announces this instance's committed appends, while it announces them (decision 22). */
    public Optional<AppendAnnouncer> appendAnnouncer() {
        return Optional.ofNullable(appendAnnouncer);
    }

    /** The listener of appended events, while this instance listens (decision 22). */
    public Optional<AppendListener> appendListener() {
        return Optional.ofNullable(appendListener);
    }

    void stop(@Observes ShutdownEvent event) {
        if (appendListener != null) {
            appendListener.close();
            appendListener = null;
        }
        if (cluster != null) {
            cluster.stop();
        }
        if (configuration != null) {
            LOG.info("Axon shutting down: processors release their segment claims");
            configuration.shutdown();
            configuration = null;
        }
        if (appendAnnouncer != null) {
            appendAnnouncer.close();
            appendAnnouncer = null;
        }
    }

    /**
     * The shared event store, polled every {@code pollInterval}; its streams wake their processors when events arrive
     * (decision 22).
     */
    static WakingEventStore eventStore(EventStorageEngine storage, Duration pollInterval, ThreadFactory threads) {
        EventArrivals arrivals = new EventArrivals();
        return new WakingEventStore(EmbeddedEventStore.builder()
                .storageEngine(arrivals.announcedBy(storage))
                .fetchDelay(pollInterval.toMillis())
                .timeUnit(TimeUnit.MILLISECONDS)
                .threadFactory(threads), arrivals);
    }

    static JdbcEventStorageEngine storageEngine(ConnectionProvider connections, Serializer serializer,
                                                TransactionManager transactions, String schema, Duration gapTimeout,
                                                int readBatchSize) {
        return JdbcEventStorageEngine.builder()
                .batchSize(readBatchSize)
                .snapshotFilter(currentRevisionsOnly(serializer))
                .connectionProvider(connections)
                .transactionManager(transactions)
                .eventSerializer(serializer)
                .snapshotSerializer(serializer)
                .dataType(byte[].class)
                .gapTimeout((int) gapTimeout.toMillis())
                .schema(EventSchema.builder()
                        .eventTable(schema + ".domain_event_entry")
                        .snapshotTable(schema + ".snapshot_event_entry")
                        .globalIndexColumn("global_index")
                        .timestampColumn("time_stamp")
                        .eventIdentifierColumn("event_identifier")
                        .aggregateIdentifierColumn("aggregate_identifier")
                        .sequenceNumberColumn("sequence_number")
                        .payloadTypeColumn("payload_type")
                        .payloadRevisionColumn("payload_revision")
                        .metaDataColumn("meta_data")
                        .build())
                .build();
    }

    /**
     * Empties this service's read models and rebuilds them from the whole event store, on every instance of the
     * service (docs/decisions/0020-cluster-rebuild.md): the processors of the projection groups stop everywhere
     * (releasing their claims), their tokens go back to the start of the stream once, their {@code @ResetHandler}s run
     * and their dead letters go, and they start again everywhere, replaying. The other groups (policies, notifiers)
     * are not touched: they keep their tokens and never handle an event twice. Alone, this instance gets as far as
     * the replay before it returns; with others, they follow within {@code compliance.axon.cluster-interval} (a dead
     * one's claims within the claim timeout).
     */
    public void rebuildReadModels() {
        LOG.infof("Rebuilding the read models of processing groups %s from the event store", groups.projections());
        groups.projections().forEach(cluster::request);
        cluster.tick();
    }

    /** What the instances of the service share: rebuilds, and who is live. */
    public ProcessorCluster cluster() {
        if (cluster == null) {
            throw new IllegalStateException("Axon is not running");
        }
        return cluster;
    }

    /** The service's token table, every instance's segments, read without claiming. */
    public TokenTable tokens() {
        if (tokens == null) {
            throw new IllegalStateException("Axon is not running");
        }
        return tokens;
    }

    /** The processors of the projection groups, which a rebuild resets; none when the service keeps no read models. */
    public List<StreamingEventProcessor> projectionProcessors() {
        return groups.projections().stream().map(this::processor).toList();
    }

    /** The processor of one processing group (named like it). */
    public StreamingEventProcessor processor(String processingGroup) {
        return configuration().eventProcessingConfiguration()
                .eventProcessor(processingGroup, StreamingEventProcessor.class)
                .orElseThrow(() -> new IllegalStateException("No processor " + processingGroup));
    }

    /** How many events of the store this service has still to handle (the slowest segment of all its groups). */
    public long processorLag() {
        long headPosition = storeHead();
        return groups.names().stream().mapToLong(group -> processorLag(group, headPosition)).max().orElse(0);
    }

    /**
     * How many events before {@code headPosition} one processing group has still to handle: the distance of its
     * slowest segment (a position counts gaps in the global index too, so this is an upper bound).
     */
    public long processorLag(String processingGroup, long headPosition) {
        return processor(processingGroup).processingStatus().values().stream()
                .mapToLong(status -> status.getCurrentPosition().orElse(-1))
                .map(position -> Math.max(0, headPosition - position)).max().orElse(0);
    }

    /** The store's head: the global position of the last event appended, 0 when there is none (a query: blocks). */
    public long storeHead() {
        var head = configuration().eventStore().createHeadToken();
        return head == null ? 0 : head.position().orElse(0);
    }

    /** The service's processing groups, each with its own dead-letter queue. */
    public List<String> processingGroups() {
        return groups.names();
    }

    /** The processing groups that are projections: what a rebuild of the read models resets. */
    public List<String> projectionGroups() {
        return groups.projections();
    }

    public Optional<SequencedDeadLetterQueue<EventMessage<?>>> deadLetterQueue(String processingGroup) {
        return groups.names().contains(processingGroup)
                ? configuration().eventProcessingConfiguration().deadLetterQueue(processingGroup) : Optional.empty();
    }

    public Optional<SequencedDeadLetterProcessor<EventMessage<?>>> deadLetterProcessor(String processingGroup) {
        return groups.names().contains(processingGroup)
                ? configuration().eventProcessingConfiguration().sequencedDeadLetterProcessor(processingGroup)
                : Optional.empty();
    }

    public boolean isRunning() {
        return configuration != null;
    }

    Configuration configuration() {
        if (configuration == null) {
            throw new IllegalStateException("Axon is not running");
        }
        return configuration;
    }

    @Produces
    @ApplicationScoped
    CommandGateway commandGateway() {
        return configuration().commandGateway();
    }

    @Produces
    @ApplicationScoped
    EventStore eventStore() {
        return configuration().eventStore();
    }
}
