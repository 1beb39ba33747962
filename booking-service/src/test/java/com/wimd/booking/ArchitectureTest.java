package com.wimd.booking;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The business rules stay plain Java: testable without a container, readable without the framework. */
class ArchitectureTest {

    static final JavaClasses BOOKING = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("com.wimd.booking");

    @Test
    void domain_code_does_not_depend_on_frameworks_persistence_or_the_api() {
        noClasses().that().resideInAPackage("..domain..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "io.quarkus..", "io.smallrye..", "jakarta..", "org.hibernate..", "io.vertx..",
                        "..api..", "..persistence..", "..messaging..", "..service..")
                .check(BOOKING);
    }

    @Test
    void only_the_messaging_layer_listens_to_kafka() {
        noClasses().that().resideOutsideOfPackage("..messaging..")
                .should().dependOnClassesThat().haveFullyQualifiedName("org.eclipse.microprofile.reactive.messaging.Incoming")
                .check(BOOKING);
    }
}
