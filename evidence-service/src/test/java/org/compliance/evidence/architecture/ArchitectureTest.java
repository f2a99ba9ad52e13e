package org.compliance.evidence.architecture;

import org.compliance.testing.ServiceArchitectureTest;

/** The service keeps the suite's layout: the rules shared from test-support. */
class ArchitectureTest extends ServiceArchitectureTest {

    ArchitectureTest() {
        super("org.compliance.evidence");
    }
}
