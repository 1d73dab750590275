package dev.milink.core;

import static org.assertj.core.api.Assertions.assertThat;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import dev.milink.archrules.ExposureRules;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

class ArchitectureTest {

    private final JavaClasses core = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.milink.core");

    @Test
    void coreSpeaksOnlyToThePorts() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("java.sql..", "javax.sql..", "com.azure..",
                "com.microsoft..", "dev.milink.tsql..", "dev.milink.jdbc..", "dev.milink.azure..", "reactor..").check(core);
    }

    @Test
    void publicApiDoesNotLeakInternals() {
        noClasses().that().resideInAPackage("dev.milink.core").and().arePublic().should().dependOnClassesThat()
                .resideInAPackage("io.github.resilience4j..").check(core);
    }

    @Test
    void exportedPackagesExposeNoUnexportedTypes() {
        ExposureRules.noInternalTypesInPublicSignatures(core);
    }

    @Test
    void testsRunInsideTheModuleOnTheModulePath() {
        // Fails when surefire falls back to the class path: then module-info would go untested.
        assertThat(LinkRunner.class.getModule().getName()).isEqualTo("dev.milink.core");
        assertThat(getClass().getModule()).isSameAs(LinkRunner.class.getModule());
    }
}
