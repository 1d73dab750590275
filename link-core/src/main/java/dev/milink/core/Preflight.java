package dev.milink.core;

import dev.milink.DatabaseName;
import dev.milink.LinkPlan;
import dev.milink.core.internal.PrerequisiteRules;
import dev.milink.port.ManagedInstancePort;
import dev.milink.port.SqlServerPort;
import dev.milink.state.InstanceFacts;
import dev.milink.state.LinkResourceState;
import dev.milink.state.SqlServerState;
import dev.milink.step.Prerequisite;
import dev.milink.step.Step;
import dev.milink.step.StepQuery;
import dev.milink.step.VerifyPrerequisite;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Evaluates a plan's prerequisites without changing anything.
 */
public final class Preflight {

    private Preflight() {
    }

    /**
     * Reads SQL Server once, the instance and its database names (and its links when the plan checks link names),
     * then evaluates every check of the plan. The endpoint is probed over TCP with a 3 s timeout.
     *
     * @param plan the plan
     * @param sql SQL Server
     * @param mi the Managed Instance
     * @return the report
     */
    public static PreflightReport check(LinkPlan plan, SqlServerPort sql, ManagedInstancePort mi) {
        return check(plan, sql, mi, EndpointProbe.tcp(Duration.ofSeconds(3)));
    }

    /**
     * @param plan the plan
     * @param sql SQL Server
     * @param mi the Managed Instance
     * @param probe how the SQL Server endpoint is probed
     * @return the report
     */
    public static PreflightReport check(LinkPlan plan, SqlServerPort sql, ManagedInstancePort mi, EndpointProbe probe) {
        List<VerifyPrerequisite> checks = checksOf(plan);
        SqlServerState state = sql.observe(databasesOf(plan));
        boolean needsMi = checks.stream().anyMatch(c -> c.prerequisite().side() != dev.milink.step.Side.SQL_SERVER);
        InstanceFacts facts = needsMi ? mi.instance() : null;
        List<String> miDatabases = checks.stream().anyMatch(c -> needsDatabaseNames(c.prerequisite()))
                ? mi.databaseNames() : List.of();
        Optional<List<LinkResourceState>> links = checks.stream().anyMatch(c -> c.prerequisite() == Prerequisite.LINK_NAME_FREE
                || readsLinks(c.prerequisite())) ? Optional.of(mi.links()) : Optional.empty();
        return evaluate(plan, state, facts, miDatabases, links, probe);
    }

    /**
     * Pure evaluation from state already read, so the runner reuses its own observation.
     *
     * @param plan the plan
     * @param sqlServer SQL Server's state
     * @param instance the instance's facts; may be null when the plan has no Managed Instance checks
     * @param miDatabases the instance's database names
     * @param miLinks the instance's links when read; empty makes the link-name check NOT_EVALUATED
     * @param probe how the SQL Server endpoint is probed
     * @return the report
     */
    public static PreflightReport evaluate(LinkPlan plan, SqlServerState sqlServer, InstanceFacts instance,
            List<String> miDatabases, Optional<List<LinkResourceState>> miLinks, EndpointProbe probe) {
        return evaluate(plan, sqlServer, instance, miDatabases, miLinks, probe, PrerequisiteRules.DEFAULT_MAX_LAG);
    }

    /**
     * Pure evaluation with a chosen lag limit for the {@code LINK_SYNCHRONIZED} gate.
     *
     * @param plan the plan
     * @param sqlServer SQL Server's state
     * @param instance the instance's facts; may be null when the plan has no Managed Instance checks
     * @param miDatabases the instance's database names
     * @param miLinks the instance's links when read; empty makes link checks and gates NOT_EVALUATED
     * @param probe how the SQL Server endpoint is probed
     * @param maxLag the largest replication lag a planned failover accepts
     * @return the report
     */
    public static PreflightReport evaluate(LinkPlan plan, SqlServerState sqlServer, InstanceFacts instance,
            List<String> miDatabases, Optional<List<LinkResourceState>> miLinks, EndpointProbe probe, Duration maxLag) {
        PrerequisiteRules rules = new PrerequisiteRules(plan, sqlServer, instance, miDatabases, miLinks, probe, maxLag);
        List<CheckResult> results = new ArrayList<>();
        for (VerifyPrerequisite check : checksOf(plan)) {
            results.add(rules.evaluate(check.prerequisite(), check.target()));
        }
        return new PreflightReport(results);
    }

    /**
     * @param plan a plan
     * @return its check steps
     */
    public static List<VerifyPrerequisite> checksOf(LinkPlan plan) {
        return plan.steps().stream().map(CHECK::ask).flatMap(Optional::stream).toList();
    }

    private static final StepQuery<Optional<VerifyPrerequisite>> CHECK = new StepQuery<>() {
        @Override
        protected Optional<VerifyPrerequisite> otherwise(Step step) {
            return Optional.empty();
        }

        @Override
        public Optional<VerifyPrerequisite> visit(VerifyPrerequisite step) {
            return Optional.of(step);
        }
    };

    /**
     * @param plan a plan
     * @return the databases of its links
     */
    public static List<DatabaseName> databasesOf(LinkPlan plan) {
        return plan.spec().links().stream().map(dev.milink.DatabaseLink::database).toList();
    }

    /**
     * @param p a prerequisite
     * @return whether it needs the instance's database list
     */
    public static boolean needsDatabaseNames(Prerequisite p) {
        return p == Prerequisite.DATABASE_NAME_FREE || p == Prerequisite.DATABASE_ON_MANAGED_INSTANCE
                || p == Prerequisite.LINK_CAPACITY;
    }

    /**
     * @param p a prerequisite
     * @return whether it reads the Managed Instance's links on every run (the lifecycle gates)
     */
    public static boolean readsLinks(Prerequisite p) {
        return p == Prerequisite.LSNS_IN_SYNC || p == Prerequisite.FAILOVER_ROLES || p == Prerequisite.LINK_SYNCHRONIZED
                || p == Prerequisite.SPLIT_BRAIN;
    }

    /**
     * @param plan a plan
     * @param p one of its checks
     * @return whether a failure is a refused safety gate ({@code GATE_REFUSED}) rather than an unready environment
     */
    public static boolean isGate(LinkPlan plan, Prerequisite p) {
        return readsLinks(p) || p == Prerequisite.UPDATE_POLICY && plan.kind() != dev.milink.PlanKind.CREATE;
    }
}
