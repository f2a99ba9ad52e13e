package org.compliance.platform.views;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.compliance.platform.axon.TokenTable;
import org.junit.jupiter.api.Test;

/** When a processing group has reached a store position: every segment at or past it, and all segments seen. */
class ConsistencyTest {

    private static final Segment[] HALVES = Segment.ROOT_SEGMENT.split();

    @Test
    void every_segment_must_be_at_or_past_the_position() {
        var both = processor(status(HALVES[0], token(12)), status(HALVES[1], token(10)));
        assertThat(Consistency.hasReached(both, 10)).isTrue();
        assertThat(Consistency.hasReached(both, 11)).isFalse();
    }

    @Test
    void a_position_the_token_still_waits_for_as_a_gap_is_not_reached() {
        var gapped = processor(status(Segment.ROOT_SEGMENT, GapAwareTrackingToken.newInstance(12, Set.of(9L))));
        assertThat(Consistency.hasReached(gapped, 9)).isFalse();
        assertThat(Consistency.hasReached(gapped, 10)).isTrue();
    }

    @Test
    void segments_not_processed_here_or_failing_are_not_known_to_have_reached_anything() {
        assertThat(Consistency.hasReached(processor(status(HALVES[0], token(50))), 10)).as("half the stream").isFalse();
        assertThat(Consistency.hasReached(processor(), 10)).as("nothing claimed yet").isFalse();
        assertThat(Consistency.hasReached(processor(), 0)).as("the empty store").isTrue();
    }

    @Test
    void a_replaying_segment_counts_where_it_has_got_to() {
        TrackingToken replay = ReplayToken.createReplayToken(token(100), token(20));
        assertThat(Consistency.hasReached(processor(status(Segment.ROOT_SEGMENT, replay)), 20)).isTrue();
        assertThat(Consistency.hasReached(processor(status(Segment.ROOT_SEGMENT, replay)), 21)).isFalse();
    }

    @Test
    void segments_held_by_another_instance_are_judged_by_their_committed_tokens() {
        var here = processor(status(HALVES[0], token(12)));
        assertThat(Consistency.reachedHere(here, 10)).as("half the stream is elsewhere").isEmpty();
        assertThat(Consistency.reachedHere(here, 13)).as("behind here already").contains(false);
        var rows = List.of(row(HALVES[0].getSegmentId(), token(3), "here"), row(HALVES[1].getSegmentId(), token(10),
                "elsewhere"));
        assertThat(Consistency.hasReached(here, rows, 10)).as("the held half as reported here").isTrue();
        assertThat(Consistency.hasReached(here, rows, 11)).as("the other half as committed").isFalse();
        var replaying = List.of(row(HALVES[0].getSegmentId(), token(12), "here"), row(HALVES[1].getSegmentId(),
                ReplayToken.createReplayToken(token(30), token(10)), "elsewhere"));
        assertThat(Consistency.hasReached(here, replaying, 10)).isTrue();
        assertThat(Consistency.hasReached(here, replaying, 11)).as("a replay where it has got to").isFalse();
        assertThat(Consistency.hasReached(here, List.of(), 10)).as("no tokens yet").isFalse();
    }

    @Test
    void a_segment_replays_until_it_has_reached_the_events_that_existed_at_the_reset() {
        assertThat(row(0, ReplayToken.createReplayToken(token(30), token(10)), null).replaying()).isTrue();
        assertThat(row(0, new ReplayToken(token(30), token(30)), null).replaying())
                .as("caught up, though Axon may keep the replay token").isFalse();
        assertThat(row(0, token(30), null).replaying()).isFalse();
    }

    private static TokenTable.Row row(int segment, TrackingToken token, String owner) {
        return new TokenTable.Row(segment, token, owner, Instant.now());
    }

    private static TrackingToken token(long index) {
        return GapAwareTrackingToken.newInstance(index, Set.of());
    }

    private static EventTrackerStatus status(Segment s, TrackingToken token) {
        return (EventTrackerStatus) Proxy.newProxyInstance(ConsistencyTest.class.getClassLoader(),
                new Class<?>[]{EventTrackerStatus.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getSegment" -> s;
                    case "getTrackingToken" -> token;
                    case "isErrorState" -> false;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    private static StreamingEventProcessor processor(EventTrackerStatus... statuses) {
        Map<Integer, EventTrackerStatus> byId = new HashMap<>();
        List.of(statuses).forEach(status -> byId.put(status.getSegment().getSegmentId(), status));
        return (StreamingEventProcessor) Proxy.newProxyInstance(ConsistencyTest.class.getClassLoader(),
                new Class<?>[]{StreamingEventProcessor.class}, (proxy, method, args) -> {
                    if (method.getName().equals("processingStatus")) {
                        return byId;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }
}
