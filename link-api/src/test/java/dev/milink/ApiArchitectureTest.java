package dev.milink;

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
}
