package dev.milink.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import dev.milink.archrules.ExposureRules;
import org.junit.jupiter.api.Test;

class JdbcArchitectureTest {

    static final JavaClasses JDBC = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.milink.jdbc");

    @Test
    void theSqlServerAdapterKnowsNeitherTheCloudNorTheRuntime() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("com.azure..", "reactor..", "dev.milink.azure..",
                "dev.milink.core..").check(JDBC);
    }

    @Test
    void exportedPackagesExposeNoInternalTypes() {
        ExposureRules.noInternalTypesInPublicSignatures(JDBC);
    }

    @Test
    void testsRunInsideTheModuleOnTheModulePath() {
        // Fails when surefire falls back to the class path: then module-info would go untested.
        assertThat(JdbcSqlServerPort.class.getModule().getName()).isEqualTo("dev.milink.jdbc");
        assertThat(getClass().getModule()).isSameAs(JdbcSqlServerPort.class.getModule());
    }
}
