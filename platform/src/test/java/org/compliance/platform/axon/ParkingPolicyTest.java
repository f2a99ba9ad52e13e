package org.compliance.platform.axon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ConnectException;
import java.sql.SQLException;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventProcessingException;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.GenericDeadLetter;
import org.junit.jupiter.api.Test;

/** Which failures park an event, after how many attempts, and what is stored of the cause. */
class ParkingPolicyTest {

    private final ParkingPolicy policy = new ParkingPolicy("a-service", 3);

    @Test
    void a_failure_of_the_event_parks_it_at_the_third_attempt_in_a_row() {
        var letter = letter();
        var refused = new SQLException("new row violates check constraint", "23514");

        assertThatThrownBy(() -> policy.decide(letter, refused)).isInstanceOf(EventProcessingException.class)
                .hasCause(refused).hasMessageContaining("attempt 1 of 3");
        assertThatThrownBy(() -> policy.decide(letter, refused)).hasMessageContaining("attempt 2 of 3");
        var decision = policy.decide(letter, refused);

        assertThat(decision.shouldEnqueue()).isTrue();
        assertThat(decision.enqueueCause()).get().satisfies(cause -> {
            assertThat(cause.getMessage()).isEqualTo("new row violates check constraint");
        });
    }

    @Test
    void an_outage_is_never_parked_however_often_it_fails() {
        var letter = letter();
        for (int attempt = 0; attempt < 10; attempt++) {
            assertThatThrownBy(() -> policy.decide(letter, new SQLException("connection refused", "08001")))
                    .hasMessageContaining("retried, not parked");
            assertThatThrownBy(() -> policy.decide(letter, new IllegalStateException("JTA commit failed",
                    new SQLException("terminating connection due to administrator command", "57P01"))))
                    .hasMessageContaining("retried, not parked");
            assertThatThrownBy(() -> policy.decide(letter, new SQLException("deadlock detected", "40P01")))
                    .hasMessageContaining("retried, not parked");
            assertThatThrownBy(() -> policy.decide(letter, new PeerUnavailable("Keycloak could not be reached",
                    new ConnectException("Connection refused")))).hasMessageContaining("retried, not parked");
        }
    }

    @Test
    void a_stored_cause_holds_no_text_postgresql_refuses_and_fits_its_column() {
        var cause = ParkingPolicy.cause(new IllegalArgumentException("title \u0000 with \uD800 and "
                + "x".repeat(2000)));

        assertThat(cause.type()).isEqualTo(IllegalArgumentException.class.getName());
        assertThat(cause.message()).startsWith("title \uFFFD with \uFFFD and x").hasSize(1023);
    }

    @Test
    void a_stored_cause_leaves_out_the_refused_row() {
        var cause = ParkingPolicy.cause(new SQLException("ERROR: new row for relation \"case_note\" violates check "
                + "constraint \"no_secrets\"\n  Detail: Failing row contains (case-1, Confidential text).", "23514"));

        assertThat(cause.message()).isEqualTo("ERROR: new row for relation \"case_note\" violates check constraint "
                + "\"no_secrets\"");
    }

    @Test
    void a_stored_cause_names_the_root_cause() {
        var cause = ParkingPolicy.cause(new IllegalStateException("Could not read the event",
                new ArithmeticException("Number length (1002) exceeds the maximum length (1000)")));

        assertThat(cause.message()).isEqualTo("Could not read the event (caused by java.lang.ArithmeticException: "
                + "Number length (1002) exceeds the maximum length (1000))");
    }

    private static DeadLetter<EventMessage<?>> letter() {
        EventMessage<?> event = GenericEventMessage.asEventMessage("an event");
        return new GenericDeadLetter<>("sequence", event);
    }
}
