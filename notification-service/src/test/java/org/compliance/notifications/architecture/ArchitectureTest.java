package org.compliance.notifications.architecture;

import org.compliance.testing.ServiceArchitecture;
import org.junit.jupiter.api.Test;

/** The service keeps the suite's layout (test-support's {@link ServiceArchitecture}). */
class ArchitectureTest {

    private static final ServiceArchitecture SERVICE = ServiceArchitecture.of("org.compliance.notifications");

    @Test
    void domain_code_depends_on_no_framework_and_no_outer_layer() {
        SERVICE.domainIsFreeOfFrameworksAndOuterLayers().check(SERVICE.classes());
    }

    @Test
    void layers_depend_inwards_only() {
        SERVICE.layersDependInwardsOnly().check(SERVICE.classes());
    }

    @Test
    void packages_are_free_of_cycles() {
        SERVICE.packagesAreFreeOfCycles().check(SERVICE.classes());
    }
}
