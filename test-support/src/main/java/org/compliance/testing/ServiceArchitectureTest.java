package org.compliance.testing;

import org.junit.jupiter.api.Test;

/**
 * The architecture test every service runs: extend it with the service's root package. The rules are
 * {@link ServiceArchitecture}'s.
 */
public abstract class ServiceArchitectureTest {

    private final ServiceArchitecture service;

    protected ServiceArchitectureTest(String rootPackage) {
        this.service = ServiceArchitecture.of(rootPackage);
    }

    @Test
    void domain_code_depends_on_no_framework_and_no_outer_layer() {
        service.domainIsFreeOfFrameworksAndOuterLayers().check(service.classes());
    }

    @Test
    void layers_depend_inwards_only() {
        service.layersDependInwardsOnly().check(service.classes());
    }

    @Test
    void packages_are_free_of_cycles() {
        service.packagesAreFreeOfCycles().check(service.classes());
    }
}
