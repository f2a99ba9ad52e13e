package org.compliance.platform.axon;

import com.github.kagkarlsson.scheduler.Scheduler;
import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.jdbc.DataSourceConnectionProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.AggregateConfigurer;
import org.axonframework.config.Configuration;
import org.axonframework.config.ConfigurationScopeAwareProvider;
import org.axonframework.config.Configurer;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.dbscheduler.DbSchedulerDeadlineManager;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.compliance.platform.messaging.AuditCorrelationDataProvider;
import org.jboss.logging.Logger;

/**
 * Builds, starts and stops the service's Axon configuration: the shared JDBC event store, the service's
 * own token store and streaming processor, Jackson everywhere, and JTA transactions through Narayana.
 * Started from a plain startup observer (after Flyway has migrated) rather than a CDI extension.
 */
@ApplicationScoped
public class AxonRuntime {

    private static final Logger LOG = Logger.getLogger(AxonRuntime.class);

    private final AgroalDataSource dataSource;
    private final jakarta.transaction.TransactionManager jta;
    private final AxonSettings settings;
    private final ServiceComponents components;
    private final Clock clock;
    private volatile Configuration configuration;

    public AxonRuntime(AgroalDataSource dataSource, jakarta.transaction.TransactionManager jta, AxonSettings settings,
                       ServiceComponents components, Clock clock) {
        this.dataSource = dataSource;
        this.jta = jta;
        this.settings = settings;
        this.components = components;
        this.clock = clock;
    }

    void start(@Observes @Priority(100) StartupEvent event) {
        Serializer serializer = EventSerialization.serializer();
        TransactionManager transactions = new NarayanaTransactionManager(jta);
        var connections = new DataSourceConnectionProvider(dataSource);
        String processor = settings.processorName();

        Configurer configurer = DefaultConfigurer.defaultConfiguration(false)
                .configureSerializer(c -> serializer)
                .configureEventSerializer(c -> serializer)
                .configureMessageSerializer(c -> serializer)
                .configureTransactionManager(c -> transactions)
                .registerComponent(Clock.class, c -> clock)
                .configureCorrelationDataProviders(c -> List.of(new AuditCorrelationDataProvider()))
                .configureEventStore(c -> EmbeddedEventStore.builder()
                        .storageEngine(storageEngine(connections, serializer, transactions))
                        .fetchDelay(settings.pollInterval().toMillis())
                        .timeUnit(TimeUnit.MILLISECONDS)
                        .build());
        components.deadlineTable().ifPresent(table -> configurer.configureDeadlineManager(
                c -> deadlineManager(c, table, serializer, transactions)));
        components.aggregates().forEach(type -> configurer.configureAggregate(aggregate(type)));
        components.resources().forEach((type, resource) -> register(configurer, type, resource));
        TokenStore tokenStore = JdbcTokenStore.builder()
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
        configurer.eventProcessing(processing -> {
            processing.registerPooledStreamingEventProcessor(processor, Configuration::eventStore,
                    (c, builder) -> builder.initialSegmentCount(settings.initialSegments())
                            .batchSize(settings.batchSize()));
            processing.registerTokenStore(processor, c -> tokenStore);
            // A handler that fails must not be skipped (Axon's default only logs): the batch rolls back, the
            // token stays, and the processor retries with back-off until it succeeds.
            processing.registerDefaultListenerInvocationErrorHandler(c -> PropagatingErrorHandler.instance());
            processing.byDefaultAssignTo(processor);
            components.eventHandlers().forEach(handler -> processing.registerEventHandler(c -> handler));
        });

        configuration = configurer.start();
        LOG.infof("Axon started: %d aggregate type(s), %d event handler bean(s) in processor '%s'",
                components.aggregates().size(), components.eventHandlers().size(), processor);
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

    private static <A> AggregateConfigurer<A> aggregate(Class<A> type) {
        return AggregateConfigurer.defaultConfiguration(type)
                .configureCommandTargetResolver(c -> new AddressedTargetResolver());
    }

    private static <T> void register(Configurer configurer, Class<T> type, Object resource) {
        configurer.registerComponent(type, c -> type.cast(resource));
    }

    void stop(@Observes ShutdownEvent event) {
        if (configuration != null) {
            LOG.info("Axon shutting down: processors release their segment claims");
            configuration.shutdown();
            configuration = null;
        }
    }

    private JdbcEventStorageEngine storageEngine(DataSourceConnectionProvider connections, Serializer serializer,
                                                 TransactionManager transactions) {
        String schema = settings.eventStoreSchema();
        return JdbcEventStorageEngine.builder()
                .connectionProvider(connections)
                .transactionManager(transactions)
                .eventSerializer(serializer)
                .snapshotSerializer(serializer)
                .dataType(byte[].class)
                .gapTimeout((int) settings.gapTimeout().toMillis())
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
     * Empties this service's read models and rebuilds them from the whole event store: the processor stops
     * (releasing its claims), its tokens go back to the start of the stream, its {@code @ResetHandler}s run,
     * and it starts again, replaying. Handlers marked {@code @DisallowReplay} do not run again.
     */
    public void rebuildReadModels() {
        StreamingEventProcessor processor = processor();
        LOG.infof("Rebuilding the read models of processor '%s' from the event store", processor.getName());
        try {
            processor.shutdownAsync().get(settings.claimTimeout().toMillis() * 3, TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("Processor " + processor.getName() + " did not stop", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        processor.resetTokens();
        processor.start();
    }

    public StreamingEventProcessor processor() {
        return configuration().eventProcessingConfiguration()
                .eventProcessor(settings.processorName(), StreamingEventProcessor.class)
                .orElseThrow(() -> new IllegalStateException("No processor " + settings.processorName()));
    }

    /** How many events of the store this service's processor has still to handle (its slowest segment). */
    public long processorLag() {
        var head = configuration().eventStore().createHeadToken();
        long headPosition = head == null ? 0 : head.position().orElse(0);
        return processor().processingStatus().values().stream()
                .mapToLong(status -> status.getCurrentPosition().orElse(-1))
                .map(position -> Math.max(0, headPosition - position)).max().orElse(0);
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
