package dev.milink;

import static org.assertj.core.api.Assertions.assertThat;

import dev.milink.step.AwaitSynchronization;
import dev.milink.step.CheckStep;
import dev.milink.step.CreateAvailabilityGroup;
import dev.milink.step.CreateDistributedAvailabilityGroup;
import dev.milink.step.CreateEndpointCertificate;
import dev.milink.step.CreateManagedInstanceLink;
import dev.milink.step.CreateMasterKey;
import dev.milink.step.CreateMirroringEndpoint;
import dev.milink.step.ImportAzureRootCertificates;
import dev.milink.step.ImportManagedInstanceCertificate;
import dev.milink.step.Step;
import dev.milink.step.UploadTrustCertificate;
import dev.milink.step.VerifyPrerequisite;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class PlannerTest {

    static LinkDefinition sales() {
        return Link.from(ValueTypeValidationTest.box()).database("SalesDb").to(ValueTypeValidationTest.mi())
                .twoWayDR(true).certificateExpiry(LocalDate.of(2027, 12, 31));
    }

    static LinkDefinition three() {
        return Link.from(ValueTypeValidationTest.box()).database("SalesDb", "InventoryDb", "HrDb")
                .to(ValueTypeValidationTest.mi());
    }

    @Test
    void planningIsPure() {
        for (Supplier<LinkDefinition> d : List.<Supplier<LinkDefinition>>of(PlannerTest::sales, PlannerTest::three)) {
            LinkPlan a = d.get().plan();
            LinkPlan b = d.get().plan();
            assertThat(a.steps()).isEqualTo(b.steps());
            assertThat(a.hash()).isEqualTo(b.hash()).matches("[0-9a-f]{32}");
            assertThat(a.describe()).isEqualTo(b.describe());
            assertThat(d.get().planDrop(DropOptions.defaults()).hash()).isEqualTo(d.get().planDrop(DropOptions.defaults()).hash());
        }
    }

    @Test
    void everyOptionChangesTheHash() {
        Map<String, Function<LinkDefinition, LinkDefinition>> options = Map.of(
                "twoWayDR", d -> d.twoWayDR(false),
                "certificateExpiry", d -> d.certificateExpiry(LocalDate.of(2028, 1, 1)),
                "linkName", d -> d.linkName("DAG_Other"),
                "endpointName", d -> d.endpointName("ep"),
                "endpointPort", d -> d.endpointPort(5023),
                "certificateName", d -> d.certificateName("Cert_X"),
                "seedingMode", d -> d.seedingMode(SeedingMode.MANUAL),
                "fqdn", d -> d.managedInstanceFqdn("sqlmi-prod-01.0123.database.windows.net"),
                "firstLogBackup", d -> d.firstLogBackup("D:\\bk\\{db}.trn"),
                "sqlServerVersion", d -> d.sqlServerVersion(SqlServerVersion.SQL_SERVER_2025));
        String base = sales().plan().hash();
        List<String> hashes = new ArrayList<>(List.of(base));
        options.forEach((name, option) -> {
            String hash = option.apply(sales()).plan().hash();
            assertThat(hash).as(name).isNotEqualTo(base);
            hashes.add(hash);
        });
        assertThat(hashes).doesNotHaveDuplicates();
        assertThat(sales().planDrop(DropOptions.defaults()).hash())
                .isNotEqualTo(sales().planDrop(new DropOptions(true, true, false)).hash())
                .isNotEqualTo(sales().planDrop(new DropOptions(false, false, false)).hash());
    }

    /** The phase of each step in docs/LINK-FACTS.md section 2, in the order the section gives. */
    static int phase(Step s) {
        if (s instanceof VerifyPrerequisite) {
            return 0;
        } else if (s instanceof CreateMasterKey) {
            return 1;
        } else if (s instanceof CreateEndpointCertificate) {
            return 2;
        } else if (s instanceof UploadTrustCertificate) {
            return 3;
        } else if (s instanceof ImportManagedInstanceCertificate) {
            return 4;
        } else if (s instanceof ImportAzureRootCertificates) {
            return 5;
        } else if (s instanceof CreateMirroringEndpoint) {
            return 6;
        } else if (s instanceof CreateAvailabilityGroup) {
            return 7;
        } else if (s instanceof CreateDistributedAvailabilityGroup) {
            return 8;
        } else if (s instanceof CreateManagedInstanceLink) {
            return 9;
        } else if (s instanceof AwaitSynchronization) {
            return 10;
        }
        return -1;
    }

    @Test
    void stepsFollowTheDocumentedOrder() {
        for (LinkPlan plan : List.of(sales().plan(), three().plan(),
                Link.from(ValueTypeValidationTest.mi()).database("SalesDb").to(ValueTypeValidationTest.box()).plan())) {
            List<Integer> phases = plan.steps().stream().map(PlannerTest::phase).toList();
            assertThat(phases).doesNotContain(-1);
            int shared = (int) phases.stream().filter(p -> p <= 6).count();
            // checks, then the one-time steps 1..6 exactly once each, in order
            assertThat(phases.subList(0, shared)).isSorted();
            assertThat(phases.subList(0, shared).stream().filter(p -> p > 0).toList()).containsExactly(1, 2, 3, 4, 5, 6);
            // then per database: group, distributed group, MI link, wait - for each database in the order given
            List<Integer> perDb = phases.subList(shared, phases.size());
            int dbs = plan.spec().links().size();
            List<Integer> expected = new ArrayList<>();
            for (int i = 0; i < dbs; i++) {
                expected.addAll(List.of(7, 8, 9, 10));
            }
            assertThat(perDb).isEqualTo(expected);
            List<DatabaseName> order = plan.steps().stream().filter(s -> s instanceof CreateAvailabilityGroup)
                    .map(s -> s.database().orElseThrow()).toList();
            assertThat(order).isEqualTo(plan.spec().links().stream().map(DatabaseLink::database).toList());
            // every per-database step after the shared ones belongs to the database of its group
            for (int i = shared; i < plan.steps().size(); i++) {
                assertThat(plan.steps().get(i).database()).isEqualTo(Optional.of(order.get((i - shared) / 4)));
            }
        }
    }

    @Test
    void sharedStepsAppearOnceWithThreeDatabases() {
        LinkPlan plan = three().plan();
        Map<Class<?>, Long> counts = plan.steps().stream().collect(Collectors.groupingBy(Object::getClass, Collectors.counting()));
        for (Class<?> shared : List.of(CreateMasterKey.class, CreateEndpointCertificate.class, UploadTrustCertificate.class,
                ImportManagedInstanceCertificate.class, ImportAzureRootCertificates.class, CreateMirroringEndpoint.class)) {
            assertThat(counts.get(shared)).as(shared.getSimpleName()).isEqualTo(1L);
        }
        for (Class<?> perDb : List.of(CreateAvailabilityGroup.class, CreateDistributedAvailabilityGroup.class,
                CreateManagedInstanceLink.class, AwaitSynchronization.class)) {
            assertThat(counts.get(perDb)).as(perDb.getSimpleName()).isEqualTo(3L);
        }
        assertThat(plan.steps().stream().map(Step::id).distinct().count()).isEqualTo(plan.steps().size());
        // server-level checks once, per-database checks three times
        plan.steps().stream().filter(s -> s instanceof VerifyPrerequisite).map(s -> (VerifyPrerequisite) s)
                .collect(Collectors.groupingBy(VerifyPrerequisite::prerequisite, Collectors.counting()))
                .forEach((p, n) -> assertThat(n).as(p.name()).isEqualTo(p.perDatabase() ? 3L : 1L));
    }

    @Test
    void theLinkCarriesTheChosenDirectionAndFailoverMode() {
        CreateManagedInstanceLink twoWay = only(sales().plan(), CreateManagedInstanceLink.class);
        assertThat(twoWay.instanceLinkRole()).isEqualTo(LinkRole.SECONDARY);
        assertThat(twoWay.manualFailover()).isTrue();
        assertThat(only(sales().twoWayDR(false).plan(), CreateManagedInstanceLink.class).manualFailover()).isFalse();
        LinkPlan miPrimary = Link.from(ValueTypeValidationTest.mi()).database("SalesDb").to(ValueTypeValidationTest.box()).plan();
        assertThat(only(miPrimary, CreateManagedInstanceLink.class).instanceLinkRole()).isEqualTo(LinkRole.PRIMARY);
        assertThat(only(miPrimary, CreateAvailabilityGroup.class).holdsDatabase()).isFalse();
        assertThat(only(miPrimary, CreateDistributedAvailabilityGroup.class).databaseInListenerUrl()).isTrue();
        assertThat(only(sales().sqlServerVersion(SqlServerVersion.SQL_SERVER_2016).twoWayDR(false).plan(),
                CreateAvailabilityGroup.class).clusterTypeNone()).isFalse();
    }

    static <T> T only(LinkPlan plan, Class<T> type) {
        List<T> found = plan.steps().stream().filter(type::isInstance).map(type::cast).toList();
        assertThat(found).hasSize(1);
        return found.get(0);
    }

    @Test
    void describeNumbersEveryStepWithSideAndWhy() {
        LinkPlan plan = three().plan();
        List<String> lines = plan.describe().lines().toList();
        assertThat(lines.get(0)).contains(plan.hash()).contains("3 link(s)").contains("SQLBOX01").contains("sqlmi-prod-01");
        assertThat(lines).hasSize(1 + 2 * plan.steps().size());
        for (int i = 0; i < plan.steps().size(); i++) {
            Step step = plan.steps().get(i);
            String stepLine = lines.get(1 + 2 * i);
            assertThat(stepLine.strip()).startsWith((i + 1) + ". [" + step.side().displayName() + "] " + step.summary());
            assertThat(lines.get(2 + 2 * i).strip()).isEqualTo("why: " + step.reason());
        }
    }

    @Test
    void plansAndStepsNeverHoldSecrets() {
        String password = "Pa55word!MustNotLeak";
        SecretSource secrets = SecretSource.ofMasterKeyPassword(Secret.of(password));
        assertThat(secrets.secret(SecretSource.MASTER_KEY_PASSWORD).toString()).doesNotContain(password);
        for (LinkPlan plan : List.of(sales().plan(), three().plan(), sales().planDrop(DropOptions.defaults()))) {
            assertThat(plan.toString()).doesNotContain(password).contains(plan.hash());
            assertThat(plan.describe()).doesNotContain(password);
            assertThat(plan.spec().toString()).doesNotContain(password);
            plan.steps().forEach(s -> assertThat(s.toString()).doesNotContain(password));
        }
        assertThat(new CreateMasterKey().toString()).isEqualTo("CreateMasterKey[]");
    }

    @Test
    void checksComeFirstAndMatchTheDirection() {
        LinkPlan sqlPrimary = sales().plan();
        LinkPlan miPrimary = Link.from(ValueTypeValidationTest.mi()).database("SalesDb").to(ValueTypeValidationTest.box()).plan();
        List<String> sqlChecks = sqlPrimary.steps().stream().filter(s -> s instanceof CheckStep && !(s instanceof AwaitSynchronization))
                .map(s -> ((VerifyPrerequisite) s).prerequisite().name()).toList();
        List<String> miChecks = miPrimary.steps().stream().filter(s -> s instanceof VerifyPrerequisite)
                .map(s -> ((VerifyPrerequisite) s).prerequisite().name()).toList();
        assertThat(sqlChecks).contains("RECOVERY_FULL", "FULL_BACKUP", "SINGLE_LOG_FILE", "DATABASE_NAME_FREE", "UPDATE_POLICY")
                .doesNotContain("DATABASE_ON_MANAGED_INSTANCE");
        assertThat(miChecks).contains("DATABASE_ON_MANAGED_INSTANCE", "UPDATE_POLICY")
                .doesNotContain("RECOVERY_FULL", "FULL_BACKUP", "DATABASE_NAME_FREE");
        assertThat(sales().twoWayDR(false).plan().steps().stream().filter(s -> s instanceof VerifyPrerequisite)
                .map(s -> ((VerifyPrerequisite) s).prerequisite().name())).doesNotContain("UPDATE_POLICY");
    }
}
