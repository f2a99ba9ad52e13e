package org.compliance.portal.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.compliance.portal.web.StateChanges.Change;
import org.junit.jupiter.api.Test;

/** What an event changed, field by field, from the state before it and after it as audit-service answers them. */
class StateChangesTest {

    @Test
    void only_changed_fields_in_words_with_codes_moments_and_flags_as_people_read_them() {
        Map<String, Object> before = Map.of("caseFile", Map.of("version", 3, "authority", "ICO", "status", "FINDINGS",
                "team", List.of(Map.of("userId", "u-ivan", "name", "Ivan Investigator"))));
        Map<String, Object> after = Map.of("caseFile", Map.of("version", 4, "authority", "ICO",
                "status", "DECISION_ISSUED", "decidedAt", "2026-12-02T09:15:00Z",
                "team", List.of(Map.of("userId", "u-ivan", "name", "Ivan Investigator"),
                        Map.of("userId", "u-iris", "name", "Iris Investigator"))),
                "requests", List.of(Map.of("requestId", "r-1", "organisationAlias", "northwind-cloud",
                        "items", List.of("Consent records"), "overdue", true)));

        assertThat(StateChanges.between(before, after)).containsExactlyInAnyOrder(
                new Change("Case \u203a Status", "Findings", "Decision issued"),
                new Change("Case \u203a Decided at", "", "Wed 2 Dec 2026, 09:15:00 GMT"),
                new Change("Case \u203a Team 2 \u203a User id", "", "u-iris"),
                new Change("Case \u203a Team 2 \u203a Name", "", "Iris Investigator"),
                new Change("Request \u201cConsent records\u201d (northwind-cloud) \u203a Items", "", "Consent records"),
                new Change("Request \u201cConsent records\u201d (northwind-cloud) \u203a Organisation alias", "",
                        "northwind-cloud"),
                new Change("Request \u201cConsent records\u201d (northwind-cloud) \u203a Overdue", "", "yes"));
    }

    @Test
    void before_the_case_existed_everything_it_holds_is_new_and_nothing_changed_is_no_row() {
        Map<String, Object> state = Map.of("caseFile", Map.of("title", "Cookie walls", "priority", "HIGH"));

        assertThat(StateChanges.between(null, state)).containsExactlyInAnyOrder(
                new Change("Case \u203a Title", "", "Cookie walls"), new Change("Case \u203a Priority", "", "High"));
        assertThat(StateChanges.between(state, state)).isEmpty();
    }
}
