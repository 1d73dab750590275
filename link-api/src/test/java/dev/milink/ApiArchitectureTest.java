package dev.milink;

import static org.assertj.core.api.Assertions.assertThat;
import dev.milink.archrules.ExposureRules;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

class ApiArchitectureTest {

    static final JavaClasses API = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.milink");

    @Test
    void theApiDependsOnNoDriverOrCloudSdk() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("java.sql..", "javax.sql..", "com.microsoft..",
                "com.azure..", "reactor..").check(API);
    }

    @Test
    void exportedPackagesExposeNoInternalTypes() {
        ExposureRules.noInternalTypesInPublicSignatures(API);
    }

    @Test
    void testsRunInsideTheModuleOnTheModulePath() {
        // Fails when surefire falls back to the class path: then module-info would go untested.
        assertThat(Link.class.getModule().getName()).isEqualTo("dev.milink.api");
        assertThat(getClass().getModule()).isSameAs(Link.class.getModule());
    }
}
