package org.compliance.system.observability;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The reading of PromQL that ObservabilitySystemTest relies on: names, not functions, labels or strings. */
class PromQlTest {

    @Test
    void finds_the_metrics_not_the_functions_aggregations_labels_or_strings() {
        PromQl query = PromQl.parse("sum by (processorName) (rate(eventProcessor_successTimer_seconds_sum[5m])) "
                + "/ sum by (processorName) (rate(eventProcessor_successTimer_seconds_count[5m]))");
        assertThat(query.metrics()).containsExactly("eventProcessor_successTimer_seconds_sum",
                "eventProcessor_successTimer_seconds_count");
        assertThat(query.groupedBy()).containsExactly("processorName");
    }

    @Test
    void reads_the_matchers_of_each_selector_and_ignores_what_is_inside_strings() {
        PromQl query = PromQl.parse("max(compliance_deadlines{state=\"overdue\"}) > 0 and "
                + "max(delta(notifications_deliveries{channel=\"email\", status=~\"dead|unknown or rate(x)\"}[15m])) > 0");
        assertThat(query.metrics()).containsExactly("compliance_deadlines", "notifications_deliveries");
        assertThat(query.matchers()).containsExactly(
                new PromQl.Matcher_("compliance_deadlines", "state", "=", "overdue"),
                new PromQl.Matcher_("notifications_deliveries", "channel", "=", "email"),
                new PromQl.Matcher_("notifications_deliveries", "status", "=~", "dead|unknown or rate(x)"));
    }

    @Test
    void reads_a_scrape_in_the_text_format() {
        Map<String, List<Map<String, String>>> series = PromQl.series("""
                # HELP compliance_dead_letters Events parked
                # TYPE compliance_dead_letters gauge
                compliance_dead_letters{processing_group="case-views"} 2.0
                process_uptime_seconds 12.5
                """);
        assertThat(series).containsOnlyKeys("compliance_dead_letters", "process_uptime_seconds");
        assertThat(series.get("compliance_dead_letters")).containsExactly(Map.of("processing_group", "case-views"));
    }

    @Test
    void the_check_names_each_metric_label_and_value_that_is_not_exported() {
        Map<String, List<Map<String, String>>> exported = PromQl.series("""
                compliance_deadlines{state="overdue"} 0.0
                notifications_deliveries{channel="email",status="dead"} 1.0
                """);
        assertThat(ObservabilitySystemTest.problems("ok", PromQl.parse(
                "max by (status) (notifications_deliveries{channel=\"email\",status=~\"dead|x\"}) "
                        + "+ max(compliance_deadlines{state=\"overdue\"})"), exported)).isEmpty();
        assertThat(ObservabilitySystemTest.problems("typo", PromQl.parse(
                "max by (group) (compliance_deadline{state=\"overdue\"}) + max(compliance_deadlines{state=\"late\"}) "
                        + "+ max(notifications_deliveries{kind=\"email\"})"), exported)).containsExactly(
                "typo: metric compliance_deadline",
                "typo: compliance_deadline{state=\"overdue\"}",
                "typo: compliance_deadlines{state=\"late\"}",
                "typo: notifications_deliveries{kind=\"email\"}",
                "typo: by (group) of [compliance_deadline, compliance_deadlines, notifications_deliveries]");
    }
}
