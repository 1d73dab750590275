package dev.milink.tsql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.milink.plan.PlanAccess;
import dev.milink.DatabaseName;
import dev.milink.EndpointUrl;
import dev.milink.FailoverType;
import dev.milink.LinkPlan;
import dev.milink.arm.ArmRequest;
import dev.milink.arm.ArmRequests;
import dev.milink.LinkRole;
import dev.milink.PlanKind;
import dev.milink.ReplicationMode;
import dev.milink.SeedingMode;
import dev.milink.step.AwaitLsnAlignment;
import dev.milink.step.AwaitSynchronization;
import dev.milink.step.BackupLog;
import dev.milink.step.CreateAvailabilityGroup;
import dev.milink.step.CreateDistributedAvailabilityGroup;
import dev.milink.step.CreateEndpointCertificate;
import dev.milink.step.CreateManagedInstanceLink;
import dev.milink.step.CreateMasterKey;
import dev.milink.step.CreateMirroringEndpoint;
import dev.milink.step.DeleteManagedInstanceLink;
import dev.milink.step.DeleteTrustCertificate;
import dev.milink.step.DemoteSqlServer;
import dev.milink.step.DropAvailabilityGroup;
import dev.milink.step.DropCertificate;
import dev.milink.step.DropEndpoint;
import dev.milink.step.DropManagedInstanceCertificate;
import dev.milink.step.DropMasterKey;
import dev.milink.step.FailoverManagedInstanceLink;
import dev.milink.step.FailoverOnSqlServer;
import dev.milink.step.ImportAzureRootCertificates;
import dev.milink.step.ImportManagedInstanceCertificate;
import dev.milink.step.ManagedInstanceStep;
import dev.milink.step.Prerequisite;
import dev.milink.step.RootCertificate;
import dev.milink.step.SetLinkReplicationMode;
import dev.milink.step.SetManagedInstanceRole;
import dev.milink.step.SetSqlServerReplicationMode;
import dev.milink.step.SqlServerStep;
import dev.milink.step.Step;
import dev.milink.step.SwitchEndpointCertificate;
import dev.milink.step.UploadTrustCertificate;
import dev.milink.step.VerifyPrerequisite;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Renders one fixture of every step kind. The set of kinds is read from the sealed hierarchy, so a new
 * step kind without a fixture (and therefore without proven rendering) fails {@link #everyStepKindHasAFixture()}.
 */
class StepRenderingTest {

    static final DatabaseName DB = DatabaseName.of("SalesDb");
    static final EndpointUrl ENDPOINT = EndpointUrl.parse("TCP://10.0.1.8:5022");

    /** One instance of every concrete step kind, with realistic values. */
    static List<Step> fixtures() {
        List<Step> steps = new ArrayList<>();
        steps.add(new CreateMasterKey());
        steps.add(new CreateEndpointCertificate("Cert_SQLBOX01_endpoint", "Certificate for Cert_SQLBOX01_endpoint",
                Optional.of(LocalDate.of(2027, 12, 31))));
        steps.add(new ImportManagedInstanceCertificate("sqlmi-prod-01", Optional.empty()));
        steps.add(new ImportAzureRootCertificates(List.of(new RootCertificate("TestRoot", new byte[] {0x30, 0x01})),
                "*.database.windows.net"));
        steps.add(new CreateMirroringEndpoint("database_mirroring_endpoint", 5022, "Cert_SQLBOX01_endpoint"));
        steps.add(new CreateAvailabilityGroup("AG_SalesDb", DB, "SQLBOX01", ENDPOINT, true, true, SeedingMode.AUTOMATIC));
        steps.add(new CreateDistributedAvailabilityGroup("DAG_SalesDb", DB, "AG_SalesDb", ENDPOINT, "AG_SalesDb_MI",
                "sqlmi-prod-01", Optional.empty(), false, SeedingMode.AUTOMATIC));
        steps.add(new BackupLog(DB, "D:\\backup\\SalesDb_first.trn", false));
        steps.add(new DropAvailabilityGroup("DAG_SalesDb", DB, true));
        steps.add(new DropCertificate("Cert_SQLBOX01_endpoint_old", "rotated out"));
        steps.add(new DropManagedInstanceCertificate(Optional.empty()));
        steps.add(new DropEndpoint("database_mirroring_endpoint", "rolled back"));
        steps.add(new DropMasterKey("rolled back"));
        steps.add(new SetSqlServerReplicationMode("DAG_SalesDb", DB, "AG_SalesDb", "AG_SalesDb_MI", ReplicationMode.SYNC));
        steps.add(new FailoverOnSqlServer("DAG_SalesDb", DB, FailoverType.PLANNED));
        steps.add(new DemoteSqlServer("DAG_SalesDb", DB));
        steps.add(new SwitchEndpointCertificate("database_mirroring_endpoint", "Cert_SQLBOX01_endpoint_2028"));
        steps.add(new UploadTrustCertificate("Cert_SQLBOX01_endpoint"));
        steps.add(new CreateManagedInstanceLink("DAG_SalesDb", DB, ENDPOINT, "AG_SalesDb", "AG_SalesDb_MI",
                LinkRole.SECONDARY, true, SeedingMode.AUTOMATIC));
        steps.add(new DeleteManagedInstanceLink("DAG_SalesDb", DB));
        steps.add(new DeleteTrustCertificate("Cert_SQLBOX01_endpoint"));
        steps.add(new SetLinkReplicationMode("DAG_SalesDb", DB, ReplicationMode.SYNC));
        steps.add(new FailoverManagedInstanceLink("DAG_SalesDb", DB, FailoverType.FORCED_ALLOW_DATA_LOSS));
        steps.add(new SetManagedInstanceRole("DAG_SalesDb", DB, LinkRole.SECONDARY, true));
        steps.add(new VerifyPrerequisite(Prerequisite.HADR_ENABLED, Optional.empty()));
        steps.add(new AwaitSynchronization("DAG_SalesDb", DB));
        steps.add(new AwaitLsnAlignment("DAG_SalesDb", DB, Duration.ofSeconds(30)));
        return steps;
    }

    static Set<Class<?>> concreteStepKinds() {
        Set<Class<?>> kinds = new LinkedHashSet<>();
        collect(Step.class, kinds);
        return kinds;
    }

    private static void collect(Class<?> type, Set<Class<?>> out) {
        if (type.isSealed()) {
            for (Class<?> sub : type.getPermittedSubclasses()) {
                collect(sub, out);
            }
        } else {
            out.add(type);
        }
    }

    @Test
    void everyStepKindHasAFixture() {
        Set<Class<?>> covered = fixtures().stream().map(Object::getClass).collect(Collectors.toSet());
        assertThat(concreteStepKinds()).isNotEmpty().allSatisfy(kind -> assertThat(kind).isIn(covered));
        assertThat(covered).containsExactlyInAnyOrderElementsOf(concreteStepKinds());
    }

    @Test
    void everySqlServerStepRendersGuardedStatementsFromItsOwnData() {
        for (Step step : fixtures()) {
            if (!(step instanceof SqlServerStep sql)) {
                continue;
            }
            List<String> batches = TsqlScript.statements(sql);
            assertThat(batches).as("%s", step.id()).isNotEmpty().allSatisfy(b -> {
                assertThat(b).isNotBlank().doesNotContain("\nGO").doesNotStartWith("GO");
                assertThat(b.strip()).matches("(?s).*(;|\\nEND)").doesNotContain("null");
            });
            String all = String.join("\n", batches);
            // the step's names appear quoted, never bare inside a statement
            for (String name : quotedNames(step)) {
                assertThat(all).as("%s names %s", step.id(), name)
                        .containsAnyOf(TsqlQuoting.identifier(name), TsqlQuoting.literal(name));
            }
            assertThat(TsqlTokens.balanced(all)).as("%s tokenises", step.id()).isTrue();
        }
    }

    @Test
    void everyStepRendersInAPlanScript() {
        for (Step step : fixtures()) {
            LinkPlan plan = PlanAccess.plan(PlanKind.CREATE, Scenarios.salesDbTwoWay().spec(), List.of(step));
            String script = TsqlScript.render(plan);
            String body = script.substring(script.indexOf("-- Step 1 ["));
            body = body.substring(0, body.indexOf("PRINT N'milink: all SQL Server steps"));
            List<String> lines = body.lines().filter(l -> !l.isBlank()).toList();
            assertThat(lines).as("%s renders more than its two heading comments", step.id()).hasSizeGreaterThan(2);
            if (step instanceof ManagedInstanceStep arm) {
                assertThat(body).as("%s", step.id()).contains("REST: ").contains("PRINT N'[ARM] step 1: ");
                // The printed request is the one model the Azure adapter sends (ArmRequestTieTest ties that half).
                ArmRequest request = ArmRequests.forScript(arm, plan.spec().managedInstance().resourceId());
                assertThat(body).as("%s", step.id())
                        .contains("--   REST: " + request.method() + " https://management.azure.com" + request.path()
                                + "?api-version=" + request.apiVersion() + "\n");
                String shown = body;
                request.body().ifPresent(json -> assertThat(shown).as("%s", step.id()).contains("--         " + json + "\n"));
            } else if (step instanceof SqlServerStep sql) {
                for (String batch : TsqlScript.statements(sql)) {
                    assertThat(body).contains(batch + "\nGO\n");
                }
            } else {
                assertThat(body).as("%s", step.id()).containsPattern("(?m)^(IF|SELECT|DBCC) ");
            }
            assertThat(TsqlTokens.balanced(script)).isTrue();
        }
    }

    @Test
    void drSecondStepsRenderTheDocumentedVerbs() {
        List<String> failover = TsqlScript.statements(new FailoverOnSqlServer("DAG_SalesDb", DB, FailoverType.FORCED_ALLOW_DATA_LOSS));
        assertThat(String.join("\n", failover)).contains("ALTER AVAILABILITY GROUP [DAG_SalesDb] FORCE_FAILOVER_ALLOW_DATA_LOSS;");
        assertThat(String.join("\n", failover)).contains("IF NOT EXISTS (SELECT 1 FROM sys.dm_hadr_availability_replica_states");
        // a planned FAILOVER runs on the current primary: guarded to run only while this side is still primary
        assertThat(String.join("\n", TsqlScript.statements(new FailoverOnSqlServer("DAG_SalesDb", DB, FailoverType.PLANNED))))
                .contains("ALTER AVAILABILITY GROUP [DAG_SalesDb] FAILOVER;")
                .contains("\nIF EXISTS (SELECT 1 FROM sys.dm_hadr_availability_replica_states").doesNotContain("IF NOT EXISTS");
        assertThat(String.join("\n", TsqlScript.statements(new DemoteSqlServer("DAG_SalesDb", DB))))
                .contains("SET (ROLE = SECONDARY);");
    }

    private static List<String> quotedNames(Step step) {
        if (step instanceof CreateAvailabilityGroup s) {
            return List.of(s.name(), s.target().value(), s.replicaServerName(), s.endpoint().toString());
        } else if (step instanceof CreateDistributedAvailabilityGroup s) {
            return List.of(s.name(), s.localAvailabilityGroup(), s.managedInstanceAvailabilityGroup(), s.localEndpoint().toString());
        } else if (step instanceof CreateEndpointCertificate s) {
            return List.of(s.name(), s.subject());
        } else if (step instanceof CreateMirroringEndpoint s) {
            return List.of(s.name(), s.certificateName());
        } else if (step instanceof DropAvailabilityGroup s) {
            return List.of(s.name());
        } else if (step instanceof DropCertificate s) {
            return List.of(s.name());
        } else if (step instanceof SetSqlServerReplicationMode s) {
            return List.of(s.linkName(), s.localAvailabilityGroup(), s.managedInstanceAvailabilityGroup());
        } else if (step instanceof FailoverOnSqlServer s) {
            return List.of(s.linkName());
        } else if (step instanceof DemoteSqlServer s) {
            return List.of(s.linkName());
        } else if (step instanceof SwitchEndpointCertificate s) {
            return List.of(s.endpointName(), s.certificateName());
        } else if (step instanceof BackupLog s) {
            return List.of(s.target().value(), s.path());
        } else if (step instanceof ImportAzureRootCertificates s) {
            return List.of(s.issuerDnsName(), s.roots().get(0).name());
        }
        return List.of();
    }
}
