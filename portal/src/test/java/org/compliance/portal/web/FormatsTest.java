package org.compliance.portal.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class FormatsTest {

    @Test
    void moments_are_shown_in_uk_time_in_winter_and_summer() {
        assertThat(Formats.london("2026-12-07T23:59:59Z")).isEqualTo("Mon 7 Dec 2026, 23:59:59 GMT");
        assertThat(Formats.london("2026-07-07T22:59:59Z")).isEqualTo("Tue 7 Jul 2026, 23:59:59 BST");
        assertThat(Formats.london("not a moment")).isEqualTo("not a moment");
    }

    @Test
    void a_chosen_day_is_due_at_its_last_second_in_uk_time() {
        assertThat(Formats.endOfDayInLondon("2026-12-07")).isEqualTo(Instant.parse("2026-12-07T23:59:59Z"));
        assertThat(Formats.endOfDayInLondon("2026-07-07")).isEqualTo(Instant.parse("2026-07-07T22:59:59Z"));
        assertThat(Formats.londonMoment("2026-07-07T10:15:30.250")).isEqualTo(Instant.parse("2026-07-07T09:15:30.250Z"));
    }

    @Test
    void time_left_reads_as_words_and_says_when_it_is_overdue() {
        assertThat(Formats.timeLeft(14 * 86400 + 3 * 3600)).isEqualTo("14 days 3 hours left");
        assertThat(Formats.timeLeft(3600 + 60)).isEqualTo("1 hour 1 minute left");
        assertThat(Formats.timeLeft(59)).isEqualTo("59 seconds left");
        assertThat(Formats.timeLeft(-2 * 86400)).isEqualTo("overdue by 2 days");
    }

    @Test
    void codes_sizes_and_ids_are_written_for_people() {
        assertThat(Formats.label("DECISION_ISSUED")).isEqualTo("Decision issued");
        assertThat(Formats.bytes(999)).isEqualTo("999 bytes");
        assertThat(Formats.bytes(2_500_000_000L)).isEqualTo("2.5 GB");
        assertThat(Formats.brief("13f21c29-0000-4000-8000-000000000000")).isEqualTo("13f21c29");
    }
}
