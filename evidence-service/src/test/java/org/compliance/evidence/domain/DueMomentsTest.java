package org.compliance.evidence.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The due moment: the day of issue is day 0 in Europe/London, the request is due at 23:59:59 London time on
 * the N-th calendar day after it; across a change between GMT and BST the wall-clock time stays 23:59:59,
 * so the UTC moment moves by an hour.
 */
class DueMomentsTest {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    @Test
    void the_zone_is_europe_london_and_the_standard_is_14_days() {
        assertThat(DueMoments.ZONE).isEqualTo(LONDON);
        assertThat(DueMoments.STANDARD_DAYS).isEqualTo(14);
    }

    @Test
    void fourteen_days_in_winter_end_at_23_59_59_gmt() {
        // Monday 2 November 2026 is day 0; Monday 16 November is day 14, GMT (UTC+0)
        assertThat(DueMoments.afterCalendarDays(Instant.parse("2026-11-02T09:30:00Z"), 14))
                .isEqualTo(Instant.parse("2026-11-16T23:59:59Z"));
    }

    @Test
    void fourteen_days_in_summer_end_at_23_59_59_bst_which_is_22_59_59_utc() {
        // Wednesday 1 July 2026 is day 0; Wednesday 15 July is day 14, BST (UTC+1)
        assertThat(DueMoments.afterCalendarDays(Instant.parse("2026-07-01T10:00:00Z"), 14))
                .isEqualTo(Instant.parse("2026-07-15T22:59:59Z"));
    }

    @Test
    void across_the_end_of_british_summer_time_the_due_moment_is_23_59_59_gmt() {
        // issued Tuesday 20 October 2026 in BST; BST ends Sunday 25 October; day 14 is Tuesday 3 November, GMT
        Instant due = DueMoments.afterCalendarDays(Instant.parse("2026-10-20T10:00:00Z"), 14);

        assertThat(due).isEqualTo(Instant.parse("2026-11-03T23:59:59Z"));
        assertThat(due.atZone(LONDON).getOffset()).isEqualTo(ZoneOffset.UTC);
        assertThat(due.atZone(LONDON).toLocalDateTime()).isEqualTo(LocalDateTime.of(2026, 11, 3, 23, 59, 59));
    }

    @Test
    void across_the_start_of_british_summer_time_the_due_moment_is_23_59_59_bst() {
        // issued Saturday 20 March 2027 in GMT; BST starts Sunday 28 March; day 14 is Saturday 3 April, BST
        Instant due = DueMoments.afterCalendarDays(Instant.parse("2027-03-20T10:00:00Z"), 14);

        assertThat(due).isEqualTo(Instant.parse("2027-04-03T22:59:59Z"));
        assertThat(due.atZone(LONDON).getOffset()).isEqualTo(ZoneOffset.ofHours(1));
        assertThat(due.atZone(LONDON).toLocalDateTime()).isEqualTo(LocalDateTime.of(2027, 4, 3, 23, 59, 59));
    }

    @Test
    void late_in_the_evening_utc_in_summer_is_already_the_next_day_in_london() {
        // 23:30 UTC on 1 July is 00:30 BST on 2 July: day 0 is 2 July, so day 14 is 16 July
        assertThat(DueMoments.afterCalendarDays(Instant.parse("2026-07-01T23:30:00Z"), 14))
                .isEqualTo(Instant.parse("2026-07-16T22:59:59Z"));
    }

    @Test
    void the_last_second_of_a_summer_day_in_london_is_still_that_day() {
        // 22:59:59 UTC on 1 July is 23:59:59 BST on 1 July: day 0 is 1 July
        assertThat(DueMoments.afterCalendarDays(Instant.parse("2026-07-01T22:59:59Z"), 14))
                .isEqualTo(Instant.parse("2026-07-15T22:59:59Z"));
    }

    @Test
    void late_in_the_evening_in_winter_london_and_utc_agree_on_the_day() {
        // 23:30 UTC on 1 December is 23:30 GMT on 1 December: day 0 is 1 December
        assertThat(DueMoments.afterCalendarDays(Instant.parse("2026-12-01T23:30:00Z"), 14))
                .isEqualTo(Instant.parse("2026-12-15T23:59:59Z"));
    }

    @Test
    void issued_in_the_repeated_hour_when_bst_ends_the_day_of_issue_is_that_sunday() {
        // 01:30 on Sunday 25 October 2026 happens twice in London; both are day 0 = 25 October
        assertThat(DueMoments.afterCalendarDays(Instant.parse("2026-10-25T00:30:00Z"), 1))
                .isEqualTo(Instant.parse("2026-10-26T23:59:59Z"));
        assertThat(DueMoments.afterCalendarDays(Instant.parse("2026-10-25T01:30:00Z"), 1))
                .isEqualTo(Instant.parse("2026-10-26T23:59:59Z"));
    }

    @Test
    void one_day_ending_on_the_day_bst_starts_is_23_59_59_bst() {
        // issued Saturday 27 March 2027 (GMT); day 1 is Sunday 28 March, on which BST starts at 01:00 GMT
        assertThat(DueMoments.afterCalendarDays(Instant.parse("2027-03-27T12:00:00Z"), 1))
                .isEqualTo(Instant.parse("2027-03-28T22:59:59Z"));
    }

    @Test
    void the_due_day_is_not_moved_off_a_weekend() {
        // issued Sunday 1 November 2026; day 14 is Sunday 15 November and stays so
        Instant due = DueMoments.afterCalendarDays(Instant.parse("2026-11-01T12:00:00Z"), 14);

        assertThat(due).isEqualTo(Instant.parse("2026-11-15T23:59:59Z"));
        assertThat(due.atZone(LONDON).getDayOfWeek()).isEqualTo(DayOfWeek.SUNDAY);
    }

    @ParameterizedTest
    @CsvSource({
            "1, 2026-11-03T23:59:59Z",
            "7, 2026-11-09T23:59:59Z",
            "366, 2027-11-03T23:59:59Z"})
    void a_request_may_be_due_any_number_of_calendar_days_after_issue(int days, String expected) {
        assertThat(DueMoments.afterCalendarDays(Instant.parse("2026-11-02T09:30:00Z"), days))
                .isEqualTo(Instant.parse(expected));
    }

    @Test
    void every_day_of_a_year_is_due_at_23_59_59_london_time_on_the_right_calendar_day() {
        LocalDate first = LocalDate.of(2026, 1, 1);
        for (LocalDate day = first; day.getYear() == 2026; day = day.plusDays(1)) {
            for (LocalTime time : new LocalTime[] {LocalTime.of(0, 0), LocalTime.of(12, 0), LocalTime.of(23, 59)}) {
                Instant issuedAt = ZonedDateTime.of(day, time, LONDON).toInstant();
                for (int days : new int[] {1, 3, 14, 30, 366}) {
                    ZonedDateTime due = DueMoments.afterCalendarDays(issuedAt, days).atZone(LONDON);

                    assertThat(due.toLocalDate()).as("issued %s %s + %d days", day, time, days)
                            .isEqualTo(day.plusDays(days));
                    assertThat(due.toLocalTime()).as("issued %s %s + %d days", day, time, days)
                            .isEqualTo(LocalTime.of(23, 59, 59));
                }
            }
        }
    }
}
