package org.compliance.notifications.application;

import io.agroal.api.AgroalDataSource;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.compliance.notifications.application.ChannelSender.Failed;
import org.compliance.notifications.application.ChannelSender.Outcome;
import org.compliance.notifications.application.ChannelSender.Refused;
import org.compliance.notifications.application.ChannelSender.Sent;
import org.compliance.notifications.domain.RetrySchedule;
import org.compliance.platform.messaging.TraceContext;
import org.compliance.platform.messaging.Tracing;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Sends what the notifier wrote to the outbox, the same way for every channel: claims due deliveries (SENDING,
 * committed, {@code FOR UPDATE SKIP LOCKED} so that instances never claim the same row), sends each through its
 * channel's sender, and records the outcome: SENT; FAILED with the next attempt after the retry schedule's
 * back-off and jitter; DEAD when the attempts run out or the delivery was refused. A claim older than
 * {@code compliance.notifications.claim-timeout} belongs to a sender that stopped; what becomes of it is the
 * channel's rule ({@link OutboxTable}). Each channel has its own schedule, so a slow endpoint never holds up
 * e-mail. Each attempt is a span of the trace of the event that caused the delivery (kept in its row).
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    private static final int CLAIMED_AT_ONCE = 20;

    /** A claimed delivery, with the W3C trace entries of the event that caused it. */
    private record Claim(UUID id, int attempts, Map<String, String> trace) {
    }

    private final AgroalDataSource dataSource;
    private final Clock clock;
    private final RetrySchedule retries;
    private final Duration claimTimeout;
    private final EmailSender email;
    private final WebhookSender webhooks;
    private final Tracer tracer;

    public OutboxRelay(AgroalDataSource dataSource, Clock clock, RetrySchedule retries,
                       @ConfigProperty(name = "compliance.notifications.claim-timeout", defaultValue = "5m")
                       Duration claimTimeout, EmailSender email, WebhookSender webhooks, Tracing tracing) {
        this.dataSource = dataSource;
        this.clock = clock;
        this.retries = retries;
        this.claimTimeout = claimTimeout;
        this.email = email;
        this.webhooks = webhooks;
        this.tracer = tracing.tracer();
    }

    @Scheduled(every = "${compliance.notifications.delivery-interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void relayEmail() throws SQLException {
        relay(email);
    }

    @Scheduled(every = "${compliance.notifications.delivery-interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void relayWebhooks() throws SQLException {
        relay(webhooks);
    }

    void relay(ChannelSender sender) throws SQLException {
        OutboxTable outbox = sender.outbox();
        releaseStaleClaims(outbox);
        for (Claim claim : claim(outbox)) {
            Span span = tracer.spanBuilder("send " + outbox.noun.toLowerCase())
                    .setParent(TraceContext.from(claim.trace()))
                    .setSpanKind(SpanKind.CLIENT)
                    .setAttribute("compliance.delivery_id", claim.id().toString())
                    .setAttribute("compliance.attempt", claim.attempts())
                    .startSpan();
            Outcome outcome;
            try (Scope ignored = span.makeCurrent()) {
                outcome = sender.send(claim.id());
            } catch (RuntimeException e) {
                span.recordException(e);
                outcome = new Failed(e.getMessage(), null);
            }
            if (!(outcome instanceof Sent)) {
                span.setStatus(StatusCode.ERROR, outcome.toString());
            }
            span.setAttribute("compliance.outcome", outcome.getClass().getSimpleName());
            span.end();
            record(outbox, claim, outcome);
        }
    }

    private List<Claim> claim(OutboxTable outbox) throws SQLException {
        try (var connection = dataSource.getConnection(); var claim = connection.prepareStatement("""
                UPDATE %1$s d SET status = 'SENDING', attempts = d.attempts + 1, claimed_at = ?
                WHERE d.id IN (SELECT w.id FROM %1$s w
                               WHERE w.status IN ('PENDING', 'FAILED') AND w.next_attempt_at <= ? %2$s
                               ORDER BY w.next_attempt_at LIMIT ? FOR UPDATE OF w SKIP LOCKED)
                RETURNING d.id, d.attempts, d.traceparent, d.tracestate""".formatted(outbox.table, outbox.claimableOnlyIf))) {
            Timestamp now = Timestamp.from(clock.instant());
            claim.setTimestamp(1, now);
            claim.setTimestamp(2, now);
            claim.setInt(3, CLAIMED_AT_ONCE);
            List<Claim> claimed = new ArrayList<>();
            try (var rows = claim.executeQuery()) {
                while (rows.next()) {
                    Map<String, String> trace = new HashMap<>();
                    if (rows.getString(3) != null) {
                        trace.put(TraceContext.TRACEPARENT, rows.getString(3));
                    }
                    if (rows.getString(4) != null) {
                        trace.put(TraceContext.TRACESTATE, rows.getString(4));
                    }
                    claimed.add(new Claim(rows.getObject(1, UUID.class), rows.getInt(2), trace));
                }
            }
            return claimed;
        }
    }

    private void record(OutboxTable outbox, Claim claim, Outcome outcome) throws SQLException {
        switch (outcome) {
            case Sent sent -> {
                finish(outbox, claim, "SENT", null, sent.answer(), null);
                LOG.infof("%s %s sent (attempt %d)", outbox.noun, claim.id(), claim.attempts());
            }
            case Failed failed -> {
                boolean dead = retries.exhausted(claim.attempts());
                Instant next = clock.instant().plus(retries.delayAfter(claim.attempts(),
                        ThreadLocalRandom.current().nextDouble()));
                finish(outbox, claim, dead ? "DEAD" : "FAILED", failed.reason(), failed.answer(), next);
                LOG.warnf("%s %s failed (attempt %d%s): %s", outbox.noun, claim.id(), claim.attempts(),
                        dead ? ", dead-lettered" : ", retry at " + next, failed.reason());
            }
            case Refused refused -> {
                finish(outbox, claim, "DEAD", refused.reason(), null, null);
                LOG.warnf("%s %s dead-lettered: %s", outbox.noun, claim.id(), refused.reason());
            }
        }
    }

    private void finish(OutboxTable outbox, Claim claim, String status, String error, Integer answer,
                        Instant nextAttempt) throws SQLException {
        try (var connection = dataSource.getConnection(); var update = connection.prepareStatement("""
                UPDATE %s SET status = ?, last_error = ?, next_attempt_at = COALESCE(?, next_attempt_at),
                    %s = ?, claimed_at = NULL%s
                WHERE id = ?""".formatted(outbox.table, outbox.sentAtColumn,
                outbox.keepsAnswer ? ", last_status = ?" : ""))) {
            int i = 0;
            update.setString(++i, status);
            update.setString(++i, error);
            update.setTimestamp(++i, nextAttempt == null ? null : Timestamp.from(nextAttempt));
            update.setTimestamp(++i, "SENT".equals(status) ? Timestamp.from(clock.instant()) : null);
            if (outbox.keepsAnswer) {
                update.setObject(++i, answer);
            }
            update.setObject(++i, claim.id());
            update.executeUpdate();
        }
    }

    private void releaseStaleClaims(OutboxTable outbox) throws SQLException {
        try (var connection = dataSource.getConnection(); var update = connection.prepareStatement("""
                UPDATE %s SET status = ?, last_error = ?, claimed_at = NULL
                WHERE status = 'SENDING' AND claimed_at < ?""".formatted(outbox.table))) {
            update.setString(1, outbox.afterSenderStopped);
            update.setString(2, outbox.senderStoppedError);
            update.setTimestamp(3, Timestamp.from(clock.instant().minus(claimTimeout)));
            int released = update.executeUpdate();
            if (released > 0) {
                LOG.warnf("%d %s deliveries were being sent when a sender stopped: now %s (%s)", released,
                        outbox.noun, outbox.afterSenderStopped, outbox.senderStoppedError);
            }
        }
    }
}
