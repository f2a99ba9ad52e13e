package org.compliance.notifications.application;

import io.agroal.api.AgroalDataSource;
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
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.compliance.notifications.domain.WebhookEndpointPolicy;
import org.compliance.notifications.domain.WebhookSignature;

/**
 * The webhook channel: calls an organisation's endpoint with one delivery of the webhook outbox, JSON signed
 * after the Standard Webhooks specification ({@link WebhookSignature}), the delivery id as {@code webhook-id}
 * on every attempt. Any answer but 2xx, or none within the timeout, is a failed attempt, which the relay
 * retries with back-off until the attempts run out (DEAD, listed for the organisation to redeliver).
 *
 * <p>Every delivery resolves the endpoint's host again and checks the addresses (a name may have been
 * pointed inside since it was registered), then connects to the very address it checked: the HTTP client is
 * given the socket address, so it makes no lookup of its own that could answer differently. The host name
 * still goes in the Host header, SNI and the certificate check. An endpoint refused at delivery is
 * dead-lettered at once with the reason; one whose name does not resolve is retried like any failure.
 */
@ApplicationScoped
public class WebhookSender implements ChannelSender {

    private record Call(UUID id, String url, String secret, String type, String payload) {
    }

    private final AgroalDataSource dataSource;
    private final Clock clock;
    private final WebhookEndpointPolicy endpoints;
    private final Duration timeout;
    private final HttpClient http;

    public WebhookSender(AgroalDataSource dataSource, Clock clock, WebhookEndpointPolicy endpoints,
                         WebhookSettings settings, Vertx vertx) {
        this.dataSource = dataSource;
        this.clock = clock;
        this.endpoints = endpoints;
        this.timeout = settings.timeout();
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

    @Override
    public OutboxTable outbox() {
        return OutboxTable.WEBHOOK;
    }

    @Override
    public Outcome send(UUID deliveryId) throws SQLException {
        Call call = call(deliveryId);
        WebhookEndpointPolicy.Destination destination;
        try {
            destination = endpoints.destination(call.url());
        } catch (WebhookEndpointPolicy.Refused refused) {
            return new Refused("Refused: " + refused.getMessage());
        } catch (UnknownHostException e) {
            return new Failed("The endpoint's host does not resolve", null);
        }
        try {
            int status = send(call, destination, clock.instant().getEpochSecond());
            return status / 100 == 2 ? new Sent(status) : new Failed("The endpoint answered " + status, status);
        } catch (ExecutionException e) {
            return new Failed("No answer: " + e.getCause().getMessage(), null);
        } catch (TimeoutException e) {
            return new Failed("No answer within " + timeout, null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Failed("Interrupted", null);
        }
    }

    private int send(Call call, WebhookEndpointPolicy.Destination destination, long timestamp)
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
                .putHeader(WebhookSignature.ID_HEADER, call.id().toString())
                .putHeader(WebhookSignature.TIMESTAMP_HEADER, String.valueOf(timestamp))
                .putHeader(WebhookSignature.SIGNATURE_HEADER,
                        WebhookSignature.sign(call.secret(), call.id().toString(), timestamp, call.payload()))
                .putHeader(WebhookSignature.TYPE_HEADER, call.type());
        return http.request(request)
                .compose(sending -> sending.send(Buffer.buffer(call.payload()))
                        // The body is read to its end and dropped: a receiver cannot make us hold it.
                        .compose(response -> response.end().map(ended -> response.statusCode())))
                .toCompletionStage().toCompletableFuture()
                .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    private Call call(UUID deliveryId) throws SQLException {
        try (var connection = dataSource.getConnection(); var select = connection.prepareStatement("""
                SELECT s.url, s.secret, d.type, d.payload FROM notification_service.webhook_delivery d
                JOIN notification_service.webhook_subscription s ON s.id = d.subscription_id
                WHERE d.id = ?""")) {
            select.setObject(1, deliveryId);
            try (var row = select.executeQuery()) {
                row.next();
                return new Call(deliveryId, row.getString(1), row.getString(2), row.getString(3), row.getString(4));
            }
        }
    }
}
