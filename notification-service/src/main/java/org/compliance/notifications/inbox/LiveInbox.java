package org.compliance.notifications.inbox;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.pgclient.pubsub.PgSubscriber;
import io.vertx.pgclient.PgConnectOptions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Optional;
import org.compliance.api.notifications.views.InboxItem;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * New inbox notifications as they commit: PostgreSQL announces each insert on channel
 * {@code inbox_notification} (a trigger; NOTIFY is delivered only on commit, to every instance), and this
 * bean passes the announcements on to the live streams of their recipients.
 */
@ApplicationScoped
public class LiveInbox {

    private static final Logger LOG = Logger.getLogger(LiveInbox.class);

    private final BroadcastProcessor<InboxItem> announcements = BroadcastProcessor.create();
    private final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    private final Vertx vertx;
    private final String url;
    private final String user;
    private final String password;
    private PgSubscriber subscriber;

    public LiveInbox(Vertx vertx, @ConfigProperty(name = "quarkus.datasource.reactive.url") String url,
                     @ConfigProperty(name = "quarkus.datasource.username") String user,
                     @ConfigProperty(name = "quarkus.datasource.password") Optional<String> password) {
        this.vertx = vertx;
        this.url = url;
        this.user = user;
        this.password = password.orElse("");
    }

    void listen(@Observes StartupEvent event) {
        PgConnectOptions options = PgConnectOptions.fromUri(url).setUser(user).setPassword(password);
        subscriber = PgSubscriber.subscriber(vertx, options)
                .reconnectPolicy(retries -> 1000L);
        subscriber.channel("inbox_notification").handler(this::announce);
        subscriber.connect().subscribe().with(
                ok -> LOG.info("Listening for new inbox notifications"),
                failure -> LOG.errorf(failure, "Could not listen for new inbox notifications; live streams stay quiet"));
    }

    void stop(@Observes ShutdownEvent event) {
        if (subscriber != null) {
            subscriber.closeAndForget();
        }
    }

    /** The new notifications of one recipient, from now on (bodies longer than 4000 characters cut). */
    public Multi<InboxItem> of(String recipientId) {
        // Every stream sees every announcement before its filter: without a buffer of its own, a burst for other
        // people (more than the stream has asked for) fails the stream with a back-pressure error and the browser
        // misses what comes next. A stream that falls 1024 behind is ended; the browser reconnects.
        return announcements.onOverflow().buffer(1024).filter(a -> a.recipientId().equals(recipientId));
    }

    private void announce(String payload) {
        try {
            announcements.onNext(json.readValue(payload, InboxItem.class));
        } catch (Exception e) {
            LOG.warnf("Unreadable inbox announcement '%s': %s", payload, e.getMessage());
        }
    }
}
