package dev.milink.jdbc.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.milink.plan.PlanAccess;
import dev.milink.LinkExecutionException;
import dev.milink.step.FailoverOnSqlServer;
import dev.milink.step.SetSqlServerReplicationMode;
import dev.milink.DatabaseName;
import dev.milink.DropOptions;
import dev.milink.FailoverOptions;
import dev.milink.InitialPrimary;
import dev.milink.LinkPlan;
import dev.milink.port.StepInputs;
import dev.milink.port.StepResult;
import dev.milink.state.AvailabilityGroupState;
import dev.milink.state.ReplicaState;
import dev.milink.state.SqlServerState;
import dev.milink.step.CreateEndpointCertificate;
import dev.milink.step.SqlServerStep;
import dev.milink.testkit.sql.catalog.CatalogSnapshot;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Every SQL Server step of the plans: applied (catalog changes), re-applied (nothing changes), observed. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ApplyStepsTest {

    private static final List<DatabaseName> SALES = List.of(DatabaseName.of("SalesDb"));

    /** Applies each step twice; the first run must change the catalog, the second must not. */
    private static StepInputs applyTwice(SimulatedSql env, LinkPlan plan, StepInputs inputs) {
        for (SqlServerStep step : SimulatedSteps.of(plan)) {
            CatalogSnapshot before = env.sql.catalog().snapshot();
            long trips = env.tds.journal().roundTrips();
            StepResult result = env.port.apply(step, inputs);
            assertThat(env.tds.journal().roundTrips() - trips).as("round trips of %s", step.id()).isEqualTo(1);
            CatalogSnapshot applied = env.sql.catalog().snapshot();
            assertThat(applied).as("%s changes the catalog", step.id()).isNotEqualTo(before);
            if (step instanceof CreateEndpointCertificate c) {
                byte[] der = env.sql.catalog().certificate(c.name()).orElseThrow().der();
                assertThat(result.produced().get(dev.milink.step.RunValue.SQL_SERVER_CERTIFICATE)).hasValueSatisfying(d -> assertThat(d).isEqualTo(der));
                inputs = inputs.withSqlServerCertificate(der);
            }
            StepResult again = env.port.apply(step, inputs);
            assertThat(env.sql.catalog().snapshot()).as("%s re-applied changes nothing", step.id()).isEqualTo(applied);
            if (step instanceof CreateEndpointCertificate) {
                assertThat(again.produced().get(dev.milink.step.RunValue.SQL_SERVER_CERTIFICATE)).hasValueSatisfying(d -> assertThat(d).isEqualTo(result.produced().get(dev.milink.step.RunValue.SQL_SERVER_CERTIFICATE).get()));
            }
        }
        return inputs;
    }

    @Test
    void createWithSqlServerPrimary() {
        try (SimulatedSql env = SimulatedSql.start()) {
            applyTwice(env, SimulatedSql.salesDb().plan(), SimulatedSql.inputs());
            SqlServerState state = env.port.observe(SALES);
            assertThat(state.server().masterKeyPresent()).isTrue();
            assertThat(state.mirroringEndpoint()).hasValueSatisfying(e -> assertThat(e.suitsLink()).isTrue());
            assertThat(state.databases().get(0).availabilityGroup()).contains("AG_SalesDb");
            assertThat(group(state, "DAG_SalesDb").replicas()).extracting(ReplicaState::name)
                    .containsExactlyInAnyOrder("AG_SalesDb", "AG_SalesDb_MI");
            assertThat(env.sql.catalog().issuers()).hasSize(2);
        }
    }

    @Test
    void createWithManagedInstancePrimary() {
        try (SimulatedSql env = SimulatedSql.start()) {
            applyTwice(env, SimulatedSql.managedInstancePrimary().plan(), SimulatedSql.inputs());
            SqlServerState state = env.port.observe(SALES);
            AvailabilityGroupState ag = state.availabilityGroups().stream().filter(g -> !g.distributed()).findFirst()
                    .orElseThrow();
            assertThat(ag.databases()).isEmpty();
            AvailabilityGroupState dag = state.availabilityGroups().stream().filter(AvailabilityGroupState::distributed)
                    .findFirst().orElseThrow();
            assertThat(dag.replicas().stream().filter(ReplicaState::local).findFirst().orElseThrow().role())
                    .contains(dev.milink.LinkRole.SECONDARY);
        }
    }

    @Test
    void dropRemovesGroupsAndTrust() {
        try (SimulatedSql env = SimulatedSql.start()) {
            SimulatedSteps.applyAll(env, SimulatedSql.salesDb().plan());
            applyTwice(env, SimulatedSql.salesDb().planDrop(new DropOptions(true, true, true)), SimulatedSql.inputs());
            SqlServerState state = env.port.observe(SALES);
            assertThat(state.availabilityGroups()).isEmpty();
            assertThat(state.databases().get(0).availabilityGroup()).isEmpty();
            assertThat(state.certificates()).extracting(c -> c.name()).doesNotContain(SimulatedSql.FQDN)
                    .contains("Cert_SQLBOX01_endpoint");
        }
    }

    @Test
    void plannedFailoverSwitchesToSynchronousCommit() {
        try (SimulatedSql env = SimulatedSql.start()) {
            SimulatedSteps.applyAll(env, SimulatedSql.salesDb().plan());
            LinkPlan failover = SimulatedSql.salesDb().planFailover(FailoverOptions.plannedToManagedInstance().workloadStopped(true));
            SqlServerStep syncMode = SimulatedSteps.of(failover).stream()
                    .filter(SetSqlServerReplicationMode.class::isInstance).findFirst().orElseThrow();
            SqlServerStep failoverStep = SimulatedSteps.of(failover).stream()
                    .filter(FailoverOnSqlServer.class::isInstance).findFirst().orElseThrow();
            applyTwice(env, PlanAccess.plan(failover.kind(), failover.spec(), List.of(syncMode)), SimulatedSql.inputs());
            assertThat(group(env.port.observe(SALES), "DAG_SalesDb").replicas()).extracting(ReplicaState::availabilityMode)
                    .containsOnly("SYNCHRONOUS_COMMIT");
            // Without a partner that has caught up (no linked world here), the planned FAILOVER is refused: 41142.
            assertThatThrownBy(() -> env.port.apply(failoverStep, SimulatedSql.inputs()))
                    .isInstanceOfSatisfying(LinkExecutionException.class,
                            e -> assertThat(e.sqlErrorNumber()).contains(41142));
        }
    }

    @Test
    void certificateRotationSwitchesTheEndpoint() {
        try (SimulatedSql env = SimulatedSql.start()) {
            SimulatedSteps.applyAll(env, SimulatedSql.salesDb().plan());
            LinkPlan rotation = SimulatedSql.salesDb().planCertificateRotation("Cert_SQLBOX01_endpoint_2028",
                    LocalDate.of(2028, 12, 31));
            applyTwice(env, rotation, SimulatedSql.inputs());
            SqlServerState state = env.port.observe(SALES);
            assertThat(state.mirroringEndpoint().orElseThrow().certificateName()).isEqualTo("Cert_SQLBOX01_endpoint_2028");
            assertThat(state.certificates()).extracting(c -> c.name()).contains("Cert_SQLBOX01_endpoint_2028")
                    .doesNotContain("Cert_SQLBOX01_endpoint");
        }
    }

    @Test
    void forcedFailoverToSqlServerPromotesIt() {
        try (SimulatedSql env = SimulatedSql.start()) {
            SimulatedSteps.applyAll(env, SimulatedSql.salesDb().plan());
            env.sql.catalog().groups().setLocalRole("DAG_SalesDb", "SECONDARY");
            LinkPlan forced = SimulatedSql.salesDb().planFailover(
                    FailoverOptions.forcedTo(InitialPrimary.SQL_SERVER).allowDataLoss(true));
            assertThat(SimulatedSteps.of(forced)).isNotEmpty();
            applyTwice(env, forced, SimulatedSql.inputs());
            ReplicaState local = group(env.port.observe(SALES), "DAG_SalesDb").replicas().stream()
                    .filter(ReplicaState::local).findFirst().orElseThrow();
            assertThat(local.role()).contains(dev.milink.LinkRole.PRIMARY);
        }
    }

    @Test
    void splitBrainRepairDemotesSqlServer() {
        try (SimulatedSql env = SimulatedSql.start()) {
            SimulatedSteps.applyAll(env, SimulatedSql.salesDb().plan());
            LinkPlan repair = SimulatedSql.salesDb().planSplitBrainRepair(InitialPrimary.SQL_SERVER,
                    "/var/opt/mssql/backup/SalesDb_tail.trn");
            assertThat(SimulatedSteps.of(repair)).hasSize(2);
            applyTwice(env, repair, SimulatedSql.inputs());
            SqlServerState state = env.port.observe(SALES);
            assertThat(state.databases().get(0).state()).isEqualTo("RESTORING");
            ReplicaState local = group(state, "DAG_SalesDb").replicas().stream().filter(ReplicaState::local)
                    .findFirst().orElseThrow();
            assertThat(local.role()).contains(dev.milink.LinkRole.SECONDARY);
        }
    }

    private static AvailabilityGroupState group(SqlServerState state, String name) {
        return state.availabilityGroups().stream().filter(g -> g.name().equals(name)).findFirst().orElseThrow();
    }
}
