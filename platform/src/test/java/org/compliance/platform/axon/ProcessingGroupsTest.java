package org.compliance.platform.axon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.axonframework.config.ProcessingGroup;
import org.junit.jupiter.api.Test;

class ProcessingGroupsTest {

    @ProcessingGroup("views")
    @Projection
    static class Views {
    }

    @ProcessingGroup("views")
    @Projection
    static class MoreViews {
    }

    /** As CDI hands a bean over: a client proxy subclass without the annotations. */
    static class Views_ClientProxy extends Views {
    }

    @ProcessingGroup("policy")
    static class Policy {
    }

    @ProcessingGroup("views")
    static class PolicyAmongViews {
    }

    static class Nameless {
    }

    @Test
    void handlers_are_grouped_by_their_processing_group_in_the_order_listed_and_only_marked_groups_are_projections() {
        Views views = new Views_ClientProxy();
        MoreViews more = new MoreViews();
        Policy policy = new Policy();

        ProcessingGroups groups = ProcessingGroups.of(List.of(policy, views, more));

        assertThat(groups.names()).containsExactly("policy", "views");
        assertThat(groups.projections()).containsExactly("views");
        assertThat(groups.groups().get("views").handlers()).containsExactly(views, more);
        assertThat(groups.groups().get("policy").projection()).isFalse();
    }

    @Test
    void a_handler_without_a_group_or_a_group_mixing_projections_and_effects_is_refused_at_start() {
        assertThatThrownBy(() -> ProcessingGroups.of(List.of(new Nameless())))
                .hasMessageContaining("names no @ProcessingGroup");
        assertThatThrownBy(() -> ProcessingGroups.of(List.of(new Views(), new PolicyAmongViews())))
                .hasMessageContaining("mixes projections");
    }

    @Test
    void a_service_without_event_handlers_has_no_groups() {
        assertThat(ProcessingGroups.of(List.of()).names()).isEmpty();
    }
}
