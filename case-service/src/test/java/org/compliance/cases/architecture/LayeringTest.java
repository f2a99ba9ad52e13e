package org.compliance.cases.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

class LayeringTest {

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.compliance.cases");

    @Test
    void domain_code_depends_on_no_framework_and_no_adapter() {
        assertThat(classes.stream().filter(c -> c.getPackageName().endsWith(".domain"))).isNotEmpty();
        noClasses().that().resideInAPackage("..cases.domain..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "io.quarkus..", "jakarta.ws.rs..", "jakarta.persistence..", "jakarta.enterprise..",
                        "io.smallrye..", "io.vertx..", "org.hibernate..",
                        "..cases.rest..", "..cases.query..", "..cases.application..",
                        "org.compliance.platform.axon..", "org.compliance.platform.identity..",
                        "org.compliance.platform.problem..", "org.compliance.platform.messaging..")
                .check(classes);
    }
}
