package org.compliance.platform.operations;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.deadletter.jdbc.JdbcDeadLetter;
import org.axonframework.messaging.deadletter.Cause;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.SequencedDeadLetterProcessor;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.compliance.platform.axon.AxonRuntime;
import org.compliance.platform.axon.ParkingPolicy;

/**
 * The events the service's processing groups parked, as operators see and handle them: per group, per sequence
 * (an aggregate), in order. A retry runs the group's handlers again on the sequence's letters, oldest first, and
 * stops at the first that fails again; an eviction drops the sequence's letters unhandled.
 */
@ApplicationScoped
public class DeadLetters {

    /** One parked event. */
    public record ParkedEvent(String eventId, String eventType, Long globalPosition, String aggregateId,
                              Long aggregateSequenceNumber, String causeType, String causeMessage,
                              Instant enqueuedAt, Instant lastTouched, long retries) {
    }

    /** The parked events of one aggregate (or of one event without aggregate), in the order they wait. */
    public record ParkedSequence(String sequence, long letters, List<ParkedEvent> events) {
    }

    public record ParkedGroup(String processingGroup, long letters, long sequences, List<ParkedSequence> parked) {
    }

    /** What a retry did: whether every letter of the sequence was handled, and what is left. */
    public record RetryOutcome(String processingGroup, String sequence, boolean handled, long remainingLetters,
                               String causeType, String causeMessage) {
    }

    public record RetryAllOutcome(String processingGroup, int sequencesHandled, int sequencesStillParked,
                                  long remainingLetters) {
    }

    private final AxonRuntime axon;

    public DeadLetters(AxonRuntime axon) {
        this.axon = axon;
    }

    public List<ParkedGroup> list(int sequencesPerGroup) {
        return axon.processingGroups().stream().map(group -> list(group, sequencesPerGroup)).toList();
    }

    public ParkedGroup list(String group, int sequences) {
        SequencedDeadLetterQueue<EventMessage<?>> queue = queue(group);
        List<ParkedSequence> parked = new ArrayList<>();
        for (Iterable<DeadLetter<? extends EventMessage<?>>> sequence : queue.deadLetters()) {
            if (parked.size() >= sequences) {
                break;
            }
            List<ParkedEvent> events = new ArrayList<>();
            String sequenceId = null;
            for (DeadLetter<? extends EventMessage<?>> letter : sequence) {
                sequenceId = sequenceId != null ? sequenceId : sequenceOf(letter);
                events.add(event(letter));
            }
            if (sequenceId != null) {
                parked.add(new ParkedSequence(sequenceId, events.size(), events));
            }
        }
        return new ParkedGroup(group, queue.size(), queue.amountOfSequences(), parked);
    }

    /** Letters parked per processing group. */
    public Map<String, Long> counts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        axon.processingGroups().forEach(group -> counts.put(group, queue(group).size()));
        return counts;
    }

    public RetryOutcome retry(String group, String sequence) {
        SequencedDeadLetterQueue<EventMessage<?>> queue = queue(group);
        if (!queue.contains(sequence)) {
            throw new NotFoundException("No dead letters of sequence " + sequence + " in processing group " + group);
        }
        boolean handled = processor(group).process(inSequence(sequence));
        long remaining = queue.sequenceSize(sequence);
        Cause cause = remaining == 0 ? null : first(queue, sequence).cause().orElse(null);
        return new RetryOutcome(group, sequence, handled && remaining == 0, remaining,
                cause == null ? null : cause.type(), cause == null ? null : cause.message());
    }

    /** Each sequence parked now is retried once; those that fail again stay parked. */
    public RetryAllOutcome retryAll(String group) {
        SequencedDeadLetterQueue<EventMessage<?>> queue = queue(group);
        List<String> sequences = new ArrayList<>();
        for (Iterable<DeadLetter<? extends EventMessage<?>>> sequence : queue.deadLetters()) {
            for (DeadLetter<? extends EventMessage<?>> letter : sequence) {
                sequences.add(sequenceOf(letter));
                break;
            }
        }
        SequencedDeadLetterProcessor<EventMessage<?>> processor = processor(group);
        int handled = 0;
        for (String sequence : sequences) {
            if (processor.process(inSequence(sequence)) && !queue.contains(sequence)) {
                handled++;
            }
        }
        return new RetryAllOutcome(group, handled, sequences.size() - handled, queue.size());
    }

    /** Drops every letter of the sequence: the group will never handle those events. */
    @Transactional
    public long evict(String group, String sequence) {
        SequencedDeadLetterQueue<EventMessage<?>> queue = queue(group);
        List<DeadLetter<? extends EventMessage<?>>> letters = new ArrayList<>();
        queue.deadLetterSequence(sequence).forEach(letters::add);
        if (letters.isEmpty()) {
            throw new NotFoundException("No dead letters of sequence " + sequence + " in processing group " + group);
        }
        letters.forEach(queue::evict);
        return letters.size();
    }

    private SequencedDeadLetterQueue<EventMessage<?>> queue(String group) {
        return axon.deadLetterQueue(group)
                .orElseThrow(() -> new NotFoundException("No processing group " + group + " in this service"));
    }

    private SequencedDeadLetterProcessor<EventMessage<?>> processor(String group) {
        return axon.deadLetterProcessor(group)
                .orElseThrow(() -> new NotFoundException("No processing group " + group + " in this service"));
    }

    private static DeadLetter<? extends EventMessage<?>> first(SequencedDeadLetterQueue<EventMessage<?>> queue,
                                                               String sequence) {
        return queue.deadLetterSequence(sequence).iterator().next();
    }

    private static Predicate<DeadLetter<? extends EventMessage<?>>> inSequence(String sequence) {
        return letter -> sequence.equals(sequenceOf(letter));
    }

    private static String sequenceOf(DeadLetter<? extends EventMessage<?>> letter) {
        return letter instanceof JdbcDeadLetter<?> jdbc ? jdbc.getSequenceIdentifier()
                : letter.message() instanceof DomainEventMessage<?> domain ? domain.getAggregateIdentifier()
                : letter.message().getIdentifier();
    }

    private static ParkedEvent event(DeadLetter<? extends EventMessage<?>> letter) {
        EventMessage<?> message = letter.message();
        Long position = message instanceof TrackedEventMessage<?> tracked && tracked.trackingToken() != null
                && tracked.trackingToken().position().isPresent() ? tracked.trackingToken().position().getAsLong()
                : null;
        DomainEventMessage<?> domain = message instanceof DomainEventMessage<?> d ? d : null;
        Cause cause = letter.cause().orElse(null);
        Object retries = letter.diagnostics().get(ParkingPolicy.RETRIES);
        return new ParkedEvent(message.getIdentifier(), message.getPayloadType().getSimpleName(), position,
                domain == null ? null : domain.getAggregateIdentifier(),
                domain == null ? null : domain.getSequenceNumber(),
                cause == null ? null : cause.type(), cause == null ? null : cause.message(),
                letter.enqueuedAt(), letter.lastTouched(), retries instanceof Number n ? n.longValue() : 0);
    }
}
