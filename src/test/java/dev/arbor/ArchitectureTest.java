package dev.arbor;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The layering the product depends on: a pure policy core with adapters around it. */
@AnalyzeClasses(packages = "dev.arbor", importOptions = {ImportOption.DoNotIncludeTests.class,
        ArchitectureTest.ExtensionClassesOnly.class})
class ArchitectureTest {

    /**
     * The extension's own classes: the client libraries (dev.arbor.client…) share the namespace and are on the
     * test classpath, but they are separate artifacts outside the extension's layering.
     */
    static final class ExtensionClassesOnly implements ImportOption {

        private static final String EXTENSION =
                dev.arbor.core.Policy.class.getProtectionDomain().getCodeSource().getLocation().toString();

        @Override
        public boolean includes(Location location) {
            return location.contains(EXTENSION);
        }
    }

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

    @ArchTest
    static final ArchRule serviceKnowsNoHttp = noClasses()
            .that().resideInAPackage("dev.arbor.service..")
            .should().dependOnClassesThat().resideInAnyPackage("jakarta.ws.rs..", "dev.arbor.rest..",
                    "dev.arbor.login..", "dev.arbor.token..", "dev.arbor.realmfile..")
            .because("the service refuses with domain exceptions; only the adapters know HTTP and Keycloak's realm"
                    + " files");

    /**
     * The store's entry points and its conflicts. Adapters read and change the tenancy through the service, which
     * decides with the core, audits and counts; from the store they use only values (an invitation, a stored
     * schema) and Keycloak-facing helpers (which clients carry the claim, who is a realm administrator, metrics).
     */
    @ArchTest
    static final ArchRule adaptersGoThroughTheService = noClasses()
            .that().resideInAnyPackage("dev.arbor.rest..", "dev.arbor.login..", "dev.arbor.token..",
                    "dev.arbor.realmfile..")
            .should().dependOnClassesThat().haveFullyQualifiedName("dev.arbor.store.TenancyStore")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("dev.arbor.store.Policies")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("dev.arbor.store.ConflictException")
            .orShould().dependOnClassesThat().resideInAPackage("dev.arbor.store.jpa..")
            .because("every read and change of the tenancy goes through dev.arbor.service.TenancyProvider");

    /** The realm-file adapter reads and writes the tenancy only through the service's realm-file use cases. */
    @ArchTest
    static final ArchRule realmFilesGoThroughTheService = noClasses()
            .that().resideInAPackage("dev.arbor.realmfile..")
            .should().dependOnClassesThat().resideInAPackage("dev.arbor.store..")
            .because("a realm file's tenancy is imported and exported by dev.arbor.service.TenancyProvider, which"
                    + " checks it with the core");

    /** Every package of the product, so that a new one has to be placed in these rules before it compiles in. */
    @ArchTest
    static final ArchRule everyClassIsInALayer = classes()
            .should().resideInAnyPackage("dev.arbor.core..", "dev.arbor.store..", "dev.arbor.service..",
                    "dev.arbor.rest..", "dev.arbor.login..", "dev.arbor.token..", "dev.arbor.events..",
                    "dev.arbor.realmfile..")
            .because("the layering below covers these packages; a class elsewhere would escape it");

    @ArchTest
    static final ArchRule storeKnowsOnlyTheCore = noClasses()
            .that().resideInAPackage("dev.arbor.store..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.arbor.service..", "dev.arbor.rest..",
                    "dev.arbor.login..", "dev.arbor.token..", "dev.arbor.events..", "dev.arbor.realmfile..")
            .because("storage is below the service and the adapters");

    @ArchTest
    static final ArchRule adaptersDoNotUseEachOther = com.tngtech.archunit.library.dependencies.SlicesRuleDefinition
            .slices().matching("dev.arbor.(rest|login|token|events|realmfile)..")
            .should().notDependOnEachOther()
            .because("each adapter talks to the service, the core and the store, never to another adapter");

    @ArchTest
    static final ArchRule listenersKnowOnlyTheStoreAndTheCore = classes()
            .that().resideInAPackage("dev.arbor.events..")
            .should().onlyDependOnClassesThat().resideOutsideOfPackages("dev.arbor.service..", "dev.arbor.rest..",
                    "dev.arbor.login..", "dev.arbor.token..", "dev.arbor.realmfile..")
            .because("the service's factory wires the listeners; they only clean up storage");
}
