package org.compliance.audit.chain;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Checks one aggregate's events against their chain: each event must hash to its recorded link, each link
 * must follow the previous one, and sequence numbers must run from 0 without a gap. Answers the first
 * problem in sequence order, or nothing when the chain holds.
 */
public final class ChainCheck {

    /** What is wrong, and where: the first event (by sequence number) that does not match. */
    public record Problem(String aggregateId, long sequenceNumber, String eventId, Long globalIndex, String reason) {
    }

    private ChainCheck() {
    }

    public static Optional<Problem> of(String aggregateId, List<StoredEvent> events, List<ChainLink> links) {
        Map<Long, StoredEvent> bySequence = new TreeMap<>();
        events.forEach(e -> bySequence.put(e.sequenceNumber(), e));
        Map<Long, ChainLink> linkBySequence = new TreeMap<>();
        links.forEach(l -> linkBySequence.put(l.sequenceNumber(), l));
        long last = Math.max(bySequence.keySet().stream().mapToLong(Long::longValue).max().orElse(-1),
                linkBySequence.keySet().stream().mapToLong(Long::longValue).max().orElse(-1));
        byte[] previous = null;
        for (long sequence = 0; sequence <= last; sequence++) {
            StoredEvent event = bySequence.get(sequence);
            ChainLink link = linkBySequence.get(sequence);
            if (event == null && link != null) {
                return problem(aggregateId, sequence, link.eventId(), null, "the event is missing from the store "
                        + "(deleted): its chain link " + hex(link.hash()) + " remains");
            }
            if (event == null) {
                return problem(aggregateId, sequence, null, null, "sequence number " + sequence
                        + " is missing: the events of this aggregate have a gap (deleted, with its chain link)");
            }
            if (link == null) {
                return problem(aggregateId, sequence, event.eventId(), event.globalIndex(),
                        "the event has no chain link: it was stored without the store's trigger");
            }
            if (!Arrays.equals(link.previousHash(), previous)) {
                return problem(aggregateId, sequence, event.eventId(), event.globalIndex(),
                        "the chain link does not follow the previous event's hash (the chain was rewritten)");
            }
            byte[] expected = EventHash.of(event, previous);
            if (!Arrays.equals(expected, link.hash())) {
                return problem(aggregateId, sequence, event.eventId(), event.globalIndex(),
                        "the event does not match its hash: recorded " + hex(link.hash()) + ", the stored event "
                                + "now hashes to " + hex(expected) + " (altered after it was stored)");
            }
            previous = link.hash();
        }
        return Optional.empty();
    }

    private static Optional<Problem> problem(String aggregateId, long sequence, String eventId, Long globalIndex,
                                             String reason) {
        return Optional.of(new Problem(aggregateId, sequence, eventId, globalIndex, reason));
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}
