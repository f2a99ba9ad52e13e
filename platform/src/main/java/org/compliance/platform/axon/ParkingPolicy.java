package org.compliance.platform.axon;

import java.io.IOException;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeoutException;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventProcessingException;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.Decisions;
import org.axonframework.messaging.deadletter.EnqueueDecision;
import org.axonframework.messaging.deadletter.EnqueuePolicy;
import org.axonframework.messaging.deadletter.ThrowableCause;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.jboss.logging.Logger;

/**
 * When a processing group's handler failed on an event, whether the event is parked as a dead letter.
 * <ul>
 *   <li>A failure of the infrastructure (the database unreachable, a serialization conflict or deadlock, a peer
 *   that did not answer) is not the event's fault: it is thrown on, the batch rolls back and the processor
 *   retries with back-off, as it always did. An outage therefore never parks events.</li>
 *   <li>Any other failure parks the event once it has failed {@code parkAfterAttempts} times in a row, so a
 *   hiccup that clears on the next try does not need an operator. A failure in a batch (decision 23) counts as an
 *   attempt but never parks: the batch's other events would go with it; handled again one by one, the event is
 *   parked alone.</li>
 *   <li>A dead letter that an operator retries and that fails again stays parked, with the new cause.</li>
 * </ul>
 */
public final class ParkingPolicy implements EnqueuePolicy<EventMessage<?>> {

    /** Diagnostics key of a dead letter: how often operators retried it in vain. */
    public static final String RETRIES = "retries";
    private static final Set<String> TRANSIENT_SQL_STATES = Set.of("08", "40", "53", "57", "58");
    private static final int REMEMBERED_FAILURES = 1000;

    private static final Logger LOG = Logger.getLogger(ParkingPolicy.class);

    private final String processingGroup;
    private final int parkAfterAttempts;
    private final Map<String, Integer> failures = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Integer> eldest) {
            return size() > REMEMBERED_FAILURES;
        }
    };

    ParkingPolicy(String processingGroup, int parkAfterAttempts) {
        this.processingGroup = processingGroup;
        this.parkAfterAttempts = parkAfterAttempts;
    }

    @Override
    public EnqueueDecision<EventMessage<?>> decide(DeadLetter<? extends EventMessage<?>> letter, Throwable cause) {
        if (retryingDeadLetter()) {
            long retries = letter.diagnostics().get(RETRIES) instanceof Number n ? n.longValue() : 0;
            return Decisions.requeue(cause(cause), l -> l.diagnostics().and(RETRIES, retries + 1));
        }
        String eventId = letter.message().getIdentifier();
        if (isTransient(cause)) {
            throw new EventProcessingException("Event " + eventId + " failed for a reason outside the event; "
                    + "retried, not parked", cause);
        }
        int attempts;
        synchronized (failures) {
            attempts = failures.merge(eventId, 1, Integer::sum);
            if (attempts >= parkAfterAttempts && !ProcessingBatch.handlingInBatch()) {
                failures.remove(eventId);
            }
        }
        if (ProcessingBatch.handlingInBatch()) {
            // Handled in a batch, the event's failure dooms the batch's deferred writes of every event: the batch
            // rolls back and is handled again one event at a time up to this one, where it can be parked alone.
            throw new EventProcessingException("Event " + eventId + " failed in a batch (attempt " + attempts
                    + "); the batch is handled again one event at a time", cause);
        }
        if (attempts < parkAfterAttempts) {
            throw new EventProcessingException("Event " + eventId + " failed (attempt " + attempts + " of "
                    + parkAfterAttempts + " before it is parked)", cause);
        }
        LOG.warnf(cause, "Event %s (%s) parked in processing group %s after %d attempts; it and the later events "
                + "of its aggregate wait for an operator at /operations/dead-letters", eventId,
                letter.message().getPayloadType().getSimpleName(), processingGroup, attempts);
        return Decisions.enqueue(cause(cause));
    }

    /** Axon processes a dead letter in a unit of work that holds the letter as a resource. */
    private static boolean retryingDeadLetter() {
        return CurrentUnitOfWork.isStarted()
                && CurrentUnitOfWork.get().resources().containsKey(DeadLetter.class.getName());
    }

    static boolean isTransient(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof PeerUnavailable || t instanceof IOException || t instanceof TimeoutException
                    || t instanceof SQLTransientException || t instanceof SQLRecoverableException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null && (sql.getSQLState().equals("55P03")
                    || TRANSIENT_SQL_STATES.contains(sql.getSQLState().substring(0, 2)))) {
                return true;
            }
        }
        return false;
    }

    /**
     * The cause as it is stored and shown to operators: without PostgreSQL's "Detail" (the refused row's
     * content, which operators do not see), without U+0000 or unpaired surrogates (PostgreSQL keeps neither in
     * text, and a failure caused by such text may quote it), at most 1023 characters (the column).
     */
    static ThrowableCause cause(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String rootMessage = withoutDetail(root.getMessage());
        String message = failure.getMessage() != null ? withoutDetail(failure.getMessage()) : rootMessage;
        if (root != failure && rootMessage != null && message != null && !message.contains(rootMessage)) {
            message = message + " (caused by " + root.getClass().getName() + ": " + rootMessage + ")";
        }
        return new ThrowableCause(failure.getClass().getName(), storable(message));
    }

    private static String withoutDetail(String message) {
        int detail = message == null ? -1 : message.indexOf("\n  Detail:");
        return detail < 0 ? message : message.substring(0, detail);
    }

    private static String storable(String text) {
        if (text == null) {
            return null;
        }
        StringBuilder kept = new StringBuilder(Math.min(text.length(), ThrowableCause.TRUNCATED_MESSAGE_SIZE));
        for (int i = 0; i < text.length() && kept.length() < ThrowableCause.TRUNCATED_MESSAGE_SIZE; i++) {
            char c = text.charAt(i);
            boolean control = c < 0x20 && c != '\t' && c != '\n' && c != '\r';
            boolean lonelySurrogate = Character.isSurrogate(c) && !(Character.isHighSurrogate(c)
                    && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1)));
            if (Character.isHighSurrogate(c) && !lonelySurrogate) {
                if (kept.length() + 2 > ThrowableCause.TRUNCATED_MESSAGE_SIZE) {
                    break;
                }
                kept.append(c).append(text.charAt(++i));
            } else {
                kept.append(control || lonelySurrogate ? '\uFFFD' : c);
            }
        }
        return kept.toString();
    }
}
