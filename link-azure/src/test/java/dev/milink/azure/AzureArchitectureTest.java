package dev.milink.azure;

import static org.assertj.core.api.Assertions.assertThat;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import dev.milink.archrules.ExposureRules;
import org.junit.jupiter.api.Test;

class AzureArchitectureTest {

    static final JavaClasses AZURE = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.milink.azure");

    @Test
    void theAzureAdapterKnowsNeitherTheRendererNorTheDriver() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("java.sql..", "com.microsoft.sqlserver..",
                "dev.milink.tsql..", "dev.milink.jdbc..", "dev.milink.core..").check(AZURE);
    }

    @Test
    void exportedPackagesExposeNoInternalTypes() {
        ExposureRules.noInternalTypesInPublicSignatures(AZURE);
    }

    @Test
    void testsRunInsideTheModuleOnTheModulePath() {
        // Fails when surefire falls back to the class path: then module-info would go untested.
        assertThat(ArmManagedInstancePort.class.getModule().getName()).isEqualTo("dev.milink.azure");
        assertThat(getClass().getModule()).isSameAs(ArmManagedInstancePort.class.getModule());
    }
}
