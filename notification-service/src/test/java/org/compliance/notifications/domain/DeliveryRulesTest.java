package org.compliance.notifications.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Preferences, retries and webhook signatures: the rules the delivery side follows. */
class DeliveryRulesTest {

    @Test
    void a_channel_switched_off_is_not_used_except_for_legal_notices() {
        var preferences = new Preferences(Set.of("EXTENSION_GRANTED/EMAIL", "REQUEST_ISSUED/INBOX"), false);
        assertThat(preferences.wants(NoticeKind.EXTENSION_GRANTED, Channel.EMAIL)).isFalse();
        assertThat(preferences.wants(NoticeKind.EXTENSION_GRANTED, Channel.INBOX)).isTrue();
        assertThat(preferences.wants(NoticeKind.REQUEST_ISSUED, Channel.INBOX)).isTrue();
    }

    @Test
    void the_digest_holds_everything_but_legal_notices() {
        var digest = new Preferences(Set.of(), true);
        assertThat(digest.holdsForDigest(NoticeKind.EXTENSION_REFUSED)).isTrue();
        assertThat(digest.holdsForDigest(NoticeKind.DECISION_ISSUED)).isFalse();
        assertThat(Preferences.DEFAULTS.holdsForDigest(NoticeKind.EXTENSION_REFUSED)).isFalse();
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
    void a_webhook_signature_verifies_only_for_the_same_secret_timestamp_and_body() {
        String header = WebhookSignature.header("whsec_1", 1_790_000_000L, "{\"id\":\"d-1\"}");
        assertThat(header).startsWith("t=1790000000,v1=");
        assertThat(WebhookSignature.verify("whsec_1", header, "{\"id\":\"d-1\"}")).isTrue();
        assertThat(WebhookSignature.verify("whsec_2", header, "{\"id\":\"d-1\"}")).isFalse();
        assertThat(WebhookSignature.verify("whsec_1", header, "{\"id\":\"d-2\"}")).isFalse();
        assertThat(WebhookSignature.verify("whsec_1", header.replace("t=1790000000", "t=1790000001"),
                "{\"id\":\"d-1\"}")).isFalse();
    }
}
