package org.compliance.notifications.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Preferences, retries and webhook signatures: the rules the delivery side follows. */
class DeliveryRulesTest {

    @Test
    void a_channel_switched_off_is_not_used_except_for_legal_notices() {
        var preferences = new Preferences(Set.of("EXTENSION_GRANTED/EMAIL", "REQUEST_ISSUED/INBOX"), false, false);
        assertThat(preferences.wants(NoticeKind.EXTENSION_GRANTED, Channel.EMAIL)).isFalse();
        assertThat(preferences.wants(NoticeKind.EXTENSION_GRANTED, Channel.INBOX)).isTrue();
        assertThat(preferences.wants(NoticeKind.REQUEST_ISSUED, Channel.INBOX)).isTrue();
    }

    @Test
    void the_digest_holds_everything_but_legal_notices() {
        var digest = new Preferences(Set.of(), true, false);
        assertThat(digest.holdsForDigest(NoticeKind.EXTENSION_REFUSED)).isTrue();
        assertThat(digest.holdsForDigest(NoticeKind.DECISION_ISSUED)).isFalse();
        assertThat(Preferences.DEFAULTS.holdsForDigest(NoticeKind.EXTENSION_REFUSED)).isFalse();
    }

    @Test
    void nobody_is_told_of_their_own_action_unless_they_chose_to_be_legal_notices_included() {
        var decision = new Notice(NoticeKind.DECISION_ISSUED, Urgency.HIGH, List.of(new Audience.CaseTeam("c-1")),
                "c-1", "Training data retention", null, "Decision", "A reprimand", "u-sam");
        assertThat(Preferences.DEFAULTS.tellsOf(decision, "u-sam")).isFalse();
        assertThat(Preferences.DEFAULTS.tellsOf(decision, "u-iris")).isTrue();
        assertThat(new Preferences(Set.of(), false, true).tellsOf(decision, "u-sam")).isTrue();
        var noActor = new Notice(NoticeKind.REQUEST_OVERDUE, Urgency.URGENT, List.of(new Audience.CaseLead("c-1")),
                "c-1", "Training data retention", "r-1", "Overdue", "Overdue", null);
        assertThat(Preferences.DEFAULTS.tellsOf(noActor, "u-sam")).isTrue();
    }

    @Test
    void retries_back_off_exponentially_with_jitter_up_to_a_cap_then_stop() {
        var retries = new RetrySchedule(Duration.ofSeconds(30), Duration.ofMinutes(10), 5);
        assertThat(retries.delayAfter(1, 0.0)).isEqualTo(Duration.ofSeconds(15));
        assertThat(retries.delayAfter(1, 0.999)).isBetween(Duration.ofSeconds(29), Duration.ofSeconds(30));
        assertThat(retries.delayAfter(3, 0.0)).isEqualTo(Duration.ofSeconds(60));
        assertThat(retries.delayAfter(40, 0.5)).isLessThanOrEqualTo(Duration.ofMinutes(10));
        assertThat(retries.exhausted(4)).isFalse();
        assertThat(retries.exhausted(5)).isTrue();
    }

    @Test
    void a_webhook_is_signed_as_the_standard_webhooks_specification_says() {
        // The specification's own example: secret, webhook-id, webhook-timestamp, body and the signature it gives.
        String secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
        String body = "{\"test\": 2432232314}";
        assertThat(WebhookSignature.sign(secret, "msg_p5jXN8AQM9LWM0D4loKWxJek", 1_614_265_330L, body))
                .isEqualTo("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
        assertThat(WebhookSignature.secret(java.util.Base64.getDecoder().decode("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw")))
                .isEqualTo(secret);
    }

    @Test
    void a_webhook_signature_verifies_only_for_the_same_secret_id_timestamp_and_body() {
        String secret = WebhookSignature.secret(new byte[] {1, 2, 3, 4});
        String other = WebhookSignature.secret(new byte[] {1, 2, 3, 5});
        String signature = WebhookSignature.sign(secret, "d-1", 1_790_000_000L, "{\"id\":\"d-1\"}");
        assertThat(signature).startsWith("v1,");
        assertThat(WebhookSignature.verify(secret, "d-1", "1790000000", signature, "{\"id\":\"d-1\"}")).isTrue();
        assertThat(WebhookSignature.verify(secret, "d-1", "1790000000", "v1,other " + signature,
                "{\"id\":\"d-1\"}")).as("one of several signatures").isTrue();
        assertThat(WebhookSignature.verify(other, "d-1", "1790000000", signature, "{\"id\":\"d-1\"}")).isFalse();
        assertThat(WebhookSignature.verify(secret, "d-1", "1790000000", signature, "{\"id\":\"d-2\"}")).isFalse();
        assertThat(WebhookSignature.verify(secret, "d-2", "1790000000", signature, "{\"id\":\"d-1\"}")).isFalse();
        assertThat(WebhookSignature.verify(secret, "d-1", "1790000001", signature, "{\"id\":\"d-1\"}")).isFalse();
    }
}
