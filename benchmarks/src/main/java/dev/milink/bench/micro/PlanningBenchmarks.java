package dev.milink.bench.micro;

import dev.milink.Link;
import dev.milink.LinkDefinition;
import dev.milink.LinkHealth;
import dev.milink.LinkPlan;
import dev.milink.ManagedInstance;
import dev.milink.SqlServerInstance;
import dev.milink.core.internal.health.HealthAssembler;
import dev.milink.tsql.TsqlScript;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Pure CPU work of milink with no I/O: planning, rendering the SQLCMD script, and assembling the health of 100
 * links from one observation per side (the observations are captured once from the simulators in setup).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class PlanningBenchmarks {

    private LinkDefinition one;
    private LinkDefinition fifty;
    private LinkPlan onePlan;
    private LinkPlan fiftyPlan;
    private HealthFixture health;

    /** Builds the definitions, plans and the captured observations of 100 synchronized links. */
    @Setup
    public void setUp() {
        one = definition(1);
        fifty = definition(50);
        onePlan = one.plan();
        fiftyPlan = fifty.plan();
        health = HealthFixture.capture(100);
    }

    static LinkDefinition definition(int links) {
        String[] dbs = new String[links];
        for (int i = 0; i < links; i++) {
            dbs[i] = "SalesDb" + i;
        }
        return Link.from(SqlServerInstance.of("SQLBOX01", "TCP://sqlbox01.contoso.com:5022")).database(dbs)
                .to(ManagedInstance.of("00000000-1111-2222-3333-444444444444", "rg-milink", "mi-link01")).twoWayDR(true);
    }

    /** @return a 1-link create plan */
    @Benchmark
    public LinkPlan plan1Link() {
        return one.plan();
    }

    /** @return a 50-link create plan */
    @Benchmark
    public LinkPlan plan50Links() {
        return fifty.plan();
    }

    /** @return the SQLCMD script of the 1-link plan */
    @Benchmark
    public String renderScript1Link() {
        return TsqlScript.render(onePlan);
    }

    /** @return the SQLCMD script of the 50-link plan */
    @Benchmark
    public String renderScript50Links() {
        return TsqlScript.render(fiftyPlan);
    }

    /** @return the health of 100 links from one SQL Server and one Managed Instance observation */
    @Benchmark
    public List<LinkHealth> assembleHealth100Links() {
        return HealthAssembler.assemble(health.spec(), health.sql(), Optional.of(health.managedInstance()), List.of(),
                Instant.now());
    }
}
