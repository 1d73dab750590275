package dev.milink.tsql;

import static org.assertj.core.api.Assertions.assertThat;
import dev.milink.archrules.ExposureRules;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

class TsqlArchitectureTest {

    static final JavaClasses TSQL = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.milink.tsql");

    @Test
    void theRendererDependsOnNoCloudSdk() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("com.azure..", "reactor..").check(TSQL);
    }

    @Test
    void theRendererIsPureNoJdbcDriverAndNoAdapter() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("java.sql..", "javax.sql..", "com.microsoft..",
                "dev.milink.jdbc..", "dev.milink.azure..", "dev.milink.core..").check(TSQL);
    }

    @Test
    void exportedPackagesExposeNoInternalTypes() {
        ExposureRules.noInternalTypesInPublicSignatures(TSQL);
    }

    @Test
    void testsRunInsideTheModuleOnTheModulePath() {
        // Fails when surefire falls back to the class path: then module-info would go untested.
        assertThat(TsqlScript.class.getModule().getName()).isEqualTo("dev.milink.tsql");
        assertThat(getClass().getModule()).isSameAs(TsqlScript.class.getModule());
    }
}
