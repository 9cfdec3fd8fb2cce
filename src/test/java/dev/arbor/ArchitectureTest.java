package dev.arbor;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The layering the product depends on: a pure policy core with adapters around it. */
@AnalyzeClasses(packages = "dev.arbor", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule coreDependsOnTheJdkAlone = classes()
            .that().resideInAPackage("dev.arbor.core..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "dev.arbor.core..")
            .because("the policy core must stay deterministic and testable without Keycloak, Jakarta or I/O libraries")
            .allowEmptyShould(true);

    @ArchTest
    static final ArchRule coreUsesNoIo = noClasses()
            .that().resideInAPackage("dev.arbor.core..")
            .should().dependOnClassesThat().resideInAnyPackage("java.io..", "java.nio..", "java.net..", "java.sql..")
            .because("the policy core decides; adapters read and write");
}
