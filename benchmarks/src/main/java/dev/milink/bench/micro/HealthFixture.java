package dev.milink.bench.micro;

import dev.milink.LinkPlan;
import dev.milink.LinkSpec;
import dev.milink.bench.Worlds;
import dev.milink.demo.SimulatedEnvironment;
import dev.milink.state.SqlServerState;

/**
 * One SQL Server and one Managed Instance observation of {@code links} synchronized links, captured from the
 * simulators through the real JDBC adapter, so the health benchmark assembles realistic state.
 *
 * @param spec the links
 * @param sql SQL Server's observation
 * @param managedInstance the Managed Instance's observation (its SQL endpoint)
 */
record HealthFixture(LinkSpec spec, SqlServerState sql, SqlServerState managedInstance) {

    static HealthFixture capture(int links) {
        try (SimulatedEnvironment env = Worlds.linked(links)) {
            LinkPlan plan = Worlds.plan(env, links);
            var dbs = plan.spec().links().stream().map(dev.milink.DatabaseLink::database).toList();
            return new HealthFixture(plan.spec(), env.sqlServer().observe(dbs), env.managedInstanceSql().observe(dbs));
        }
    }
}
