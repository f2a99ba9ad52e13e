package org.compliance.platform.views;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Collection;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.compliance.platform.axon.AxonRuntime;
import org.compliance.platform.axon.AxonSettings;
import org.compliance.platform.axon.TokenTable;
import org.compliance.platform.reactive.CallerContext;

/**
 * Reading one's own writes (decision 12): waits, bounded by {@code compliance.axon.view-wait}, until this service's
 * projection groups have handled the shared event store up to a global position. The condition is the processors'
 * own status (each segment's token), looked at again every few milliseconds on a Mutiny timer: no thread is held
 * and the event loop is never blocked. A position from any service means the same here: the store is one. Segments
 * another instance of the service holds are judged by their committed tokens in the shared token table.
 */
@ApplicationScoped
public class Consistency {

    /** Axon's pooled processor, once caught up, looks for new events every 500 ms: checking more often costs little. */
    private static final Duration RECHECK = Duration.ofMillis(20);

    private final AxonRuntime axon;
    private final Duration within;

    public Consistency(AxonRuntime axon, AxonSettings settings) {
        this.axon = axon;
        this.within = settings.viewWait();
    }

    /** The store's head: the global position of the last event appended (0 for an empty store); off the event loop. */
    public Uni<Long> head() {
        return Uni.createFrom().item(this::headNow)
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                .emitOn(CallerContext.current());
    }

    /** As {@link #head()}, for a caller already off the event loop. */
    public long headNow() {
        if (!axon.isRunning()) {
            return 0;
        }
        return axon.storeHead();
    }

    /**
     * Whether {@code position} lies past the store's head, so that no change can have answered it (false while this
     * service's Axon is not running: it then knows no head).
     */
    public Uni<Boolean> pastHead(long position) {
        if (!axon.isRunning()) {
            return Uni.createFrom().item(false);
        }
        return head().map(head -> position > head);
    }

    /** True once every projection group of the service has reached {@code position}, false when the bound passed. */
    public Uni<Boolean> reached(long position) {
        return reached(position, axon.isRunning() ? axon.projectionGroups() : List.of());
    }

    /** True once the given processing groups have reached {@code position}, false when the bound passed first. */
    public Uni<Boolean> reached(long position, Collection<String> groups) {
        long giveUp = System.nanoTime() + within.toNanos();
        return Uni.createFrom().deferred(() -> check(position, groups, giveUp))
                .emitOn(CallerContext.current());
    }

    /** True once the given groups have reached the store's head as it stands now, false when the bound passed first. */
    public Uni<Boolean> caughtUp(Collection<String> groups) {
        return head().chain(position -> reached(position, groups));
    }

    private Uni<Boolean> check(long position, Collection<String> groups, long giveUp) {
        List<String> elsewhere = new ArrayList<>();
        for (String group : groups) {
            Optional<Boolean> here = reachedHere(axon.processor(group), position);
            if (here.isPresent() && !here.get()) {
                return again(position, groups, giveUp);
            }
            if (here.isEmpty()) {
                elsewhere.add(group);
            }
        }
        if (elsewhere.isEmpty()) {
            return Uni.createFrom().item(true);
        }
        // Some segments are held by other instances (or by none, for a moment): their tokens as committed say.
        return Uni.createFrom().item(() -> elsewhere.stream().allMatch(group -> hasReached(axon.processor(group),
                        axon.tokens().rows(group), position)))
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                .emitOn(CallerContext.current())
                .chain(reached -> reached ? Uni.createFrom().item(true) : again(position, groups, giveUp));
    }

    private Uni<Boolean> again(long position, Collection<String> groups, long giveUp) {
        if (System.nanoTime() >= giveUp) {
            return Uni.createFrom().item(false);
        }
        return Uni.createFrom().voidItem().onItem().delayIt().by(RECHECK)
                .chain(() -> check(position, groups, giveUp));
    }

    /** Alone: whether every segment of the group has handled the events up to {@code position}. */
    static boolean hasReached(StreamingEventProcessor processor, long position) {
        return reachedHere(processor, position).orElse(false);
    }

    /**
     * Whether the segments this instance holds have reached {@code position}: false as soon as one has not (or is in
     * error), true when they cover the whole stream, empty when the others (held elsewhere) must be asked.
     */
    static Optional<Boolean> reachedHere(StreamingEventProcessor processor, long position) {
        if (position <= 0) {
            return Optional.of(true);
        }
        double covered = 0;
        for (EventTrackerStatus status : processor.processingStatus().values()) {
            if (status.isErrorState() || !covers(status.getTrackingToken(), position)) {
                return Optional.of(false);
            }
            covered += 1.0 / (status.getSegment().getMask() + 1L);
        }
        return covered >= 1.0 - 1e-9 ? Optional.of(true) : Optional.empty();
    }

    /**
     * Every segment of the group in the shared token table has handled the events up to {@code position}: those held
     * here as their processor reports, the others as their committed token says (a segment's token moves in the
     * transaction of the batch it ends, so its views are there too).
     */
    static boolean hasReached(StreamingEventProcessor processor, List<TokenTable.Row> rows, long position) {
        var here = processor.processingStatus();
        if (rows.isEmpty()) {
            return false;
        }
        for (TokenTable.Row row : rows) {
            EventTrackerStatus status = here.get(row.segment());
            boolean reached = status != null
                    ? !status.isErrorState() && covers(status.getTrackingToken(), position)
                    : covers(row.token(), position);
            if (!reached) {
                return false;
            }
        }
        return true;
    }

    private static boolean covers(TrackingToken token, long position) {
        if (position <= 0) {
            return true;
        }
        // A replaying segment is where its replay has got to, not where it stood when the rebuild began; a merging
        // one where the slower of its halves is.
        TrackingToken current = WrappedToken.unwrapLowerBound(
                token instanceof ReplayToken replay ? replay.getCurrentToken() : token);
        if (current instanceof GapAwareTrackingToken gapAware) {
            return gapAware.getIndex() >= position && !gapAware.getGaps().contains(position);
        }
        return current != null && current.position().orElse(-1) >= position;
    }
}
