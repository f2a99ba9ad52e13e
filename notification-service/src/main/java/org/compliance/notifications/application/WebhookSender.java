package org.compliance.notifications.application;

import io.agroal.api.AgroalDataSource;
import io.quarkus.scheduler.Scheduled;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.UnknownHostException;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.compliance.notifications.domain.RetrySchedule;
import org.compliance.notifications.domain.WebhookEndpointPolicy;
import org.compliance.notifications.domain.WebhookSignature;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Calls organisations' webhook endpoints from the outbox: JSON signed with HMAC-SHA256 over the timestamp
 * and body, the stable delivery id in a header; any answer but 2xx, or none within the timeout, is retried
 * with back-off and jitter until the attempts run out (DEAD, listed for the organisation to redeliver).
 * A claim whose sender died is simply retried: receivers de-duplicate by delivery id.
 *
 * <p>Every delivery resolves the endpoint's host again and checks the addresses (a name may have been
 * pointed inside since it was registered), then connects to the very address it checked: the HTTP client is
 * given the socket address, so it makes no lookup of its own that could answer differently. The host name
 * still goes in the Host header, SNI and the certificate check. An endpoint refused at delivery is
 * dead-lettered at once with the reason; one whose name does not resolve is retried like any failure.
 */
@ApplicationScoped
public class WebhookSender {

    private static final Logger LOG = Logger.getLogger(WebhookSender.class);

    private record Claimed(UUID id, String url, String secret, String type, String payload, int attempts) {
    }

    private final AgroalDataSource dataSource;
    private final Clock clock;
    private final RetrySchedule retries;
    private final WebhookEndpointPolicy endpoints;
    private final Duration timeout;
    private final Duration claimTimeout;
    private final HttpClient http;

    public WebhookSender(AgroalDataSource dataSource, Clock clock, RetrySchedule retries,
                         WebhookEndpointPolicy endpoints, WebhookSettings settings, Vertx vertx,
                         @ConfigProperty(name = "compliance.notifications.claim-timeout", defaultValue = "5m")
                         Duration claimTimeout) {
        this.dataSource = dataSource;
        this.clock = clock;
        this.retries = retries;
        this.endpoints = endpoints;
        this.timeout = settings.timeout();
        this.claimTimeout = claimTimeout;
        // Redirects are not followed (the default): a redirect could lead anywhere, unchecked.
        this.http = vertx.createHttpClient(new HttpClientOptions()
                .setConnectTimeout((int) timeout.toMillis())
                .setVerifyHost(true)
                .setForceSni(true));
    }

    @PreDestroy
    void close() {
        http.close();
    }

    @Scheduled(every = "${compliance.notifications.delivery-interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sendDue() throws SQLException {
        for (Claimed call : claim(20)) {
            WebhookEndpointPolicy.Destination destination;
            try {
                destination = endpoints.destination(call.url());
            } catch (WebhookEndpointPolicy.Refused refused) {
                finish(call, null, "Refused: " + refused.getMessage(), true);
                continue;
            } catch (UnknownHostException e) {
                finish(call, null, "The endpoint's host does not resolve", false);
                continue;
            }
            long timestamp = clock.instant().getEpochSecond();
            Integer status = null;
            String error;
            try {
                status = send(call, destination, timestamp);
                error = status / 100 == 2 ? null : "The endpoint answered " + status;
            } catch (ExecutionException e) {
                error = "No answer: " + e.getCause().getMessage();
            } catch (TimeoutException e) {
                error = "No answer within " + timeout;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                error = "Interrupted";
            }
            finish(call, status, error, false);
        }
    }

    private int send(Claimed call, WebhookEndpointPolicy.Destination destination, long timestamp)
            throws ExecutionException, TimeoutException, InterruptedException {
        RequestOptions request = new RequestOptions()
                .setMethod(HttpMethod.POST)
                // The checked address as a literal: nothing left for the client to look up.
                .setServer(SocketAddress.inetSocketAddress(destination.port(),
                        destination.address().getHostAddress()))
                .setHost(destination.host().startsWith("[")
                        ? destination.host().substring(1, destination.host().length() - 1) : destination.host())
                .setPort(destination.port())
                .setSsl(destination.tls())
                .setURI(destination.requestTarget())
                .setIdleTimeout(timeout.toMillis())
                .putHeader("Content-Type", "application/json")
                .putHeader("User-Agent", "compliance-suite-webhooks/1")
                .putHeader(WebhookSignature.DELIVERY_HEADER, call.id().toString())
                .putHeader(WebhookSignature.TYPE_HEADER, call.type())
                .putHeader(WebhookSignature.SIGNATURE_HEADER,
                        WebhookSignature.header(call.secret(), timestamp, call.payload()));
        return http.request(request)
                .compose(sending -> sending.send(Buffer.buffer(call.payload()))
                        // The body is read to its end and dropped: a receiver cannot make us hold it.
                        .compose(response -> response.end().map(ended -> response.statusCode())))
                .toCompletionStage().toCompletableFuture()
                .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void finish(Claimed call, Integer status, String error, boolean refused) throws SQLException {
        boolean delivered = error == null;
        boolean dead = !delivered && (refused || retries.exhausted(call.attempts()));
        Instant next = clock.instant().plus(retries.delayAfter(call.attempts(), ThreadLocalRandom.current().nextDouble()));
        try (var connection = dataSource.getConnection(); var update = connection.prepareStatement("""
                UPDATE notification_service.webhook_delivery SET status = ?, last_error = ?, last_status = ?,
                    next_attempt_at = ?, delivered_at = ?, claimed_at = NULL
                WHERE id = ?""")) {
            update.setString(1, delivered ? "SENT" : dead ? "DEAD" : "FAILED");
            update.setString(2, error);
            update.setObject(3, status);
            update.setTimestamp(4, Timestamp.from(next));
            update.setTimestamp(5, delivered ? Timestamp.from(clock.instant()) : null);
            update.setObject(6, call.id());
            update.executeUpdate();
        }
        if (delivered) {
            LOG.infof("Webhook %s (%s) delivered to %s", call.id(), call.type(), call.url());
        } else {
            LOG.warnf("Webhook %s to %s failed (attempt %d%s): %s", call.id(), call.url(), call.attempts(),
                    dead ? ", dead-lettered" : ", retry at " + next, error);
        }
    }

    private List<Claimed> claim(int limit) throws SQLException {
        try (var connection = dataSource.getConnection(); var claim = connection.prepareStatement("""
                UPDATE notification_service.webhook_delivery d SET status = 'SENDING', attempts = d.attempts + 1,
                    claimed_at = ?
                FROM notification_service.webhook_subscription s
                WHERE s.id = d.subscription_id AND d.id IN (
                    SELECT w.id FROM notification_service.webhook_delivery w
                    JOIN notification_service.webhook_subscription a ON a.id = w.subscription_id AND a.active
                    WHERE (w.status IN ('PENDING', 'FAILED') AND w.next_attempt_at <= ?)
                       OR (w.status = 'SENDING' AND w.claimed_at < ?)
                    ORDER BY w.next_attempt_at LIMIT ? FOR UPDATE OF w SKIP LOCKED)
                RETURNING d.id, s.url, s.secret, d.type, d.payload, d.attempts""")) {
            Instant now = clock.instant();
            claim.setTimestamp(1, Timestamp.from(now));
            claim.setTimestamp(2, Timestamp.from(now));
            claim.setTimestamp(3, Timestamp.from(now.minus(claimTimeout)));
            claim.setInt(4, limit);
            List<Claimed> claimed = new ArrayList<>();
            try (var rows = claim.executeQuery()) {
                while (rows.next()) {
                    claimed.add(new Claimed(rows.getObject(1, UUID.class), rows.getString(2), rows.getString(3),
                            rows.getString(4), rows.getString(5), rows.getInt(6)));
                }
            }
            return claimed;
        }
    }
}
