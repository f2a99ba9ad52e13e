package org.compliance.testing;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The layout every service follows (the root README's table), as rules each service's architecture test checks
 * against its own classes:
 * <ul>
 * <li>{@code domain}: aggregates, deciders and their rules; no Quarkus, Jakarta, Vert.x, Hibernate or SmallRye,
 * none of the service's other layers and none of the platform's adapters;</li>
 * <li>{@code application}: use cases and ports, on the domain;</li>
 * <li>read side ({@code query}, {@code inbox}, {@code roster}): views and projections;</li>
 * <li>{@code rest}: the HTTP resources, which nothing in the service calls back into;</li>
 * <li>{@code adapters}: implementations of the application's ports, reached only through CDI.</li>
 * </ul>
 * Layers a service does not have are skipped; packages of a service never form a cycle.
 */
public final class ServiceArchitecture {

    /** What the domain must not know: frameworks, and the platform's parts that are adapters. */
    private static final String[] FRAMEWORKS = {
            "io.quarkus..", "jakarta..", "io.smallrye..", "io.vertx..", "org.hibernate..", "io.agroal..",
            "java.sql..", "java.net.http..", "com.fasterxml.jackson.databind..",
            "org.compliance.platform.axon..", "org.compliance.platform.identity..",
            "org.compliance.platform.problem..", "org.compliance.platform.messaging..",
            "org.compliance.platform.input..", "org.compliance.platform.operations..",
            "org.compliance.platform.openapi..", "org.compliance.platform.reactive..",
            "org.compliance.platform.views.."};

    private final String root;
    private final JavaClasses classes;

    private ServiceArchitecture(String root) {
        this.root = root;
        this.classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(root);
        if (classes.isEmpty()) {
            throw new IllegalArgumentException("No production classes under " + root);
        }
    }

    /** The production classes of the service whose code lives under {@code rootPackage}. */
    public static ServiceArchitecture of(String rootPackage) {
        return new ServiceArchitecture(rootPackage);
    }

    public JavaClasses classes() {
        return classes;
    }

    public ArchRule domainIsFreeOfFrameworksAndOuterLayers() {
        return noClasses().that().resideInAPackage(root + ".domain..")
                .should().dependOnClassesThat().resideInAnyPackage(FRAMEWORKS)
                .orShould().dependOnClassesThat().resideInAnyPackage(root + ".application..", root + ".query..",
                        root + ".inbox..", root + ".roster..", root + ".rest..", root + ".adapters..",
                        root + ".web..", root + ".backend..")
                .allowEmptyShould(true)
                .because("the domain reads as the regulator's rules, testable without a running service");
    }

    public ArchRule layersDependInwardsOnly() {
        return layeredArchitecture().consideringOnlyDependenciesInLayers()
                .withOptionalLayers(true)
                .layer("Domain").definedBy(root + ".domain..")
                .layer("Application").definedBy(root + ".application..")
                .layer("Read side").definedBy(root + ".query..", root + ".inbox..", root + ".roster..")
                .layer("REST").definedBy(root + ".rest..")
                .layer("Adapters").definedBy(root + ".adapters..")
                .whereLayer("REST").mayNotBeAccessedByAnyLayer()
                .whereLayer("Adapters").mayNotBeAccessedByAnyLayer()
                .whereLayer("Application").mayOnlyBeAccessedByLayers("Read side", "REST", "Adapters")
                .because("requests come in through REST, ports are implemented by adapters, and the core knows neither");
    }

    public ArchRule packagesAreFreeOfCycles() {
        return slices().matching(root + ".(*)..").should().beFreeOfCycles();
    }
}
