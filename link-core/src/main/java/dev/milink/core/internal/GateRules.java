package dev.milink.core.internal;

import dev.milink.DatabaseLink;
import dev.milink.DatabaseName;
import dev.milink.FailoverType;
import dev.milink.LinkPlan;
import dev.milink.LinkRole;
import dev.milink.core.CheckResult;
import dev.milink.core.CheckStatus;
import dev.milink.state.AvailabilityGroupState;
import dev.milink.state.DatabaseReplicaState;
import dev.milink.state.LinkDatabaseState;
import dev.milink.state.LinkResourceState;
import dev.milink.state.ReplicaState;
import dev.milink.state.SqlServerState;
import dev.milink.state.SynchronizationState;
import dev.milink.step.FailoverManagedInstanceLink;
import dev.milink.step.FailoverOnSqlServer;
import dev.milink.step.Prerequisite;
import dev.milink.step.Step;
import dev.milink.step.StepQuery;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The lifecycle gates that read both sides' roles and synchronization: {@code FAILOVER_ROLES},
 * {@code LINK_SYNCHRONIZED} and {@code SPLIT_BRAIN}. Pure: evaluated from the run's SQL Server observation and one
 * list of the Managed Instance's links.
 */
final class GateRules {

    private final LinkPlan plan;
    private final SqlServerState sql;
    private final Optional<List<LinkResourceState>> miLinks;
    private final Duration maxLag;

    GateRules(LinkPlan plan, SqlServerState sql, Optional<List<LinkResourceState>> miLinks, Duration maxLag) {
        this.plan = plan;
        this.sql = sql;
        this.miLinks = miLinks;
        this.maxLag = maxLag;
    }

    /**
     * @param plan a plan
     * @return whether its failover makes SQL Server the primary (fail back, or forced to SQL Server)
     */
    static boolean towardsSqlServer(LinkPlan plan) {
        return plan.steps().stream().anyMatch(TOWARDS_SQL_SERVER::ask);
    }

    /** A failback (planned, through ARM) or a forced failover to SQL Server. */
    private static final StepQuery<Boolean> TOWARDS_SQL_SERVER = new StepQuery<>() {
        @Override
        protected Boolean otherwise(Step step) {
            return false;
        }

        @Override
        public Boolean visit(FailoverManagedInstanceLink step) {
            return step.type() == FailoverType.PLANNED;
        }

        @Override
        public Boolean visit(FailoverOnSqlServer step) {
            return step.type() == FailoverType.FORCED_ALLOW_DATA_LOSS;
        }
    };

    CheckResult evaluate(Prerequisite p, Optional<DatabaseName> db) {
        if (miLinks.isEmpty()) {
            return new CheckResult(p, db, CheckStatus.NOT_EVALUATED, "the Managed Instance's links were not read", p.rule(), p.fix());
        }
        DatabaseLink link = plan.spec().link(db.orElseThrow());
        Optional<AvailabilityGroupState> dag = sql.availabilityGroup(link.linkName()).filter(AvailabilityGroupState::distributed);
        Optional<LinkResourceState> onMi = miLinks.get().stream().filter(l -> l.name().equalsIgnoreCase(link.linkName())).findFirst();
        if (dag.isEmpty() || onMi.isEmpty()) {
            return failed(p, db, "link [" + link.linkName() + "] is missing on "
                    + (dag.isEmpty() ? "SQL Server (no distributed availability group)" : "the Managed Instance (no link resource)"));
        }
        Optional<LinkRole> sqlRole = dag.get().localReplica().flatMap(ReplicaState::role);
        LinkRole miRole = onMi.get().instanceRole();
        String roles = "SQL Server is " + sqlRole.map(Enum::name).orElse("UNKNOWN") + ", the Managed Instance is " + miRole;
        return switch (p) {
            case FAILOVER_ROLES -> roles(p, db, sqlRole, miRole, roles);
            case SPLIT_BRAIN -> result(p, db, sqlRole.equals(Optional.of(LinkRole.PRIMARY)) && miRole == LinkRole.PRIMARY, roles);
            case LINK_SYNCHRONIZED -> synchronizedLink(p, db, dag.get(), onMi.get());
            default -> throw new IllegalArgumentException(p + " is not a lifecycle gate");
        };
    }

    private CheckResult roles(Prerequisite p, Optional<DatabaseName> db, Optional<LinkRole> sqlRole, LinkRole miRole, String roles) {
        boolean toSql = towardsSqlServer(plan);
        LinkRole wantSql = toSql ? LinkRole.SECONDARY : LinkRole.PRIMARY;
        LinkRole wantMi = toSql ? LinkRole.PRIMARY : LinkRole.SECONDARY;
        boolean ok = sqlRole.equals(Optional.of(wantSql)) && miRole == wantMi;
        return result(p, db, ok, roles + "; a failover to " + (toSql ? "SQL Server" : "the Managed Instance") + " needs SQL Server "
                + wantSql + " and the Managed Instance " + wantMi);
    }

    private CheckResult synchronizedLink(Prerequisite p, Optional<DatabaseName> db, AvailabilityGroupState dag, LinkResourceState onMi) {
        String name = db.orElseThrow().value();
        Optional<ReplicaState> remote = dag.remoteReplica();
        Optional<DatabaseReplicaState> state = dag.replicas().stream().sorted((a, b) -> Boolean.compare(a.local(), b.local()))
                .flatMap(r -> r.databases().stream()).filter(d -> d.database().equalsIgnoreCase(name))
                .filter(d -> d.synchronizationState() != null).findFirst();
        Optional<LinkDatabaseState> arm = onMi.database(name);
        String connected = remote.map(ReplicaState::connectedState).orElse("UNKNOWN");
        String health = remote.map(ReplicaState::synchronizationHealth).orElse("UNKNOWN");
        String sync = state.map(DatabaseReplicaState::synchronizationState).orElse("UNKNOWN");
        Optional<Long> lagSeconds = state.flatMap(DatabaseReplicaState::secondaryLagSeconds)
                .or(() -> arm.flatMap(a -> a.sendLagSeconds().map(s -> s + a.redoLagSeconds().orElse(0L))));
        StringBuilder observed = new StringBuilder("connected " + connected + ", health " + health + ", state " + sync
                + ", lag " + lagSeconds.map(s -> s + " s").orElse("unknown") + " (max " + maxLag.toSeconds() + " s)");
        arm.ifPresent(a -> observed.append(", Managed Instance replica state ").append(a.replicaState()).append(' ')
                .append(a.connectedState()));
        boolean ok = "CONNECTED".equalsIgnoreCase(connected) && "HEALTHY".equalsIgnoreCase(health)
                && SynchronizationState.of(sync).flowing()
                && arm.map(a -> !a.inError() && !"CreatingLink".equalsIgnoreCase(a.replicaState())
                        && !"DISCONNECTED".equalsIgnoreCase(a.connectedState())).orElse(true)
                && lagSeconds.map(s -> s <= maxLag.toSeconds()).orElse(true);
        if (!ok && lagSeconds.filter(s -> s > maxLag.toSeconds()).isPresent()) {
            observed.append("; the lag exceeds the maximum: let the secondary catch up, or raise LinkRunner.maxFailoverLag");
        }
        return result(p, db, ok, observed.toString());
    }

    private static CheckResult failed(Prerequisite p, Optional<DatabaseName> db, String observed) {
        return new CheckResult(p, db, CheckStatus.FAILED, observed, p.rule(), p.fix());
    }

    private static CheckResult result(Prerequisite p, Optional<DatabaseName> db, boolean holds, String observed) {
        return new CheckResult(p, db, holds ? CheckStatus.PASSED : CheckStatus.FAILED, observed, p.rule(), p.fix());
    }
}
