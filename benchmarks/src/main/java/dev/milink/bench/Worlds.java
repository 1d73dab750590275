package dev.milink.bench;

import dev.milink.LinkPlan;
import dev.milink.demo.SimulatedEnvironment;
import dev.milink.testkit.world.LinkedWorld;
import dev.milink.testkit.world.LinkedWorldBuilder;
import dev.milink.testkit.world.SimulatedClock;
import java.time.Clock;
import java.time.Duration;

/** The simulated worlds the harness runs against. */
public final class Worlds {

    /** Per SQL statement (batch or RPC) latency of the realistic world. */
    public static final Duration SQL_LATENCY = Duration.ofMillis(2);
    /** Per ARM request latency of the realistic world. */
    public static final Duration ARM_LATENCY = Duration.ofMillis(200);
    /** How long seeding one database takes in the realistic world. */
    public static final Duration SEEDING = Duration.ofSeconds(1);
    /** How often the runner's waits poll in the harness (the default, 30 s, suits hours of real seeding). */
    public static final Duration RUNNER_POLL = Duration.ofMillis(50);

    private static final long DB_BYTES = 16L << 20;

    private Worlds() {
    }

    /** @return database names {@code Db000 ..} */
    public static String[] databases(int count) {
        String[] dbs = new String[count];
        for (int i = 0; i < count; i++) {
            dbs[i] = String.format("Db%03d", i);
        }
        return dbs;
    }

    private static LinkedWorldBuilder withDatabases(LinkedWorldBuilder b, int count) {
        for (String db : databases(count)) {
            b.sqlServerDatabase(db, d -> d.recoveryFull().fullBackup().logFiles(1).sizeBytes(DB_BYTES));
        }
        return b;
    }

    /**
     * @param databases how many databases SQL Server holds
     * @return real time, ARM over HTTPS on loopback, 2 ms per SQL statement, 200 ms per ARM request, 1 s seeding
     */
    public static SimulatedEnvironment realistic(int databases) {
        LinkedWorld world = withDatabases(LinkedWorld.builder(), databases).clock(Clock.systemUTC()).httpsArm(true)
                .sqlLatency(SQL_LATENCY).armLatency(ARM_LATENCY)
                .seedingBytesPerSecond(DB_BYTES * 1000 / SEEDING.toMillis()).build().start();
        return SimulatedEnvironment.of(world);
    }

    /**
     * @param links how many links to create
     * @return a world on a simulated clock without latency where {@code links} links were created and synchronize
     */
    public static SimulatedEnvironment linked(int links) {
        LinkedWorld world = withDatabases(LinkedWorld.builder(), links).clock(SimulatedClock.standard())
                .seedingBytesPerSecond(DB_BYTES).build().start();
        SimulatedEnvironment env = SimulatedEnvironment.of(world);
        try {
            env.runner().parallelism(1).run(plan(env, links)).orThrow();
            return env;
        } catch (RuntimeException e) {
            env.close();
            throw e;
        }
    }

    /** @return the create plan of links {@code Db000 ..} */
    public static LinkPlan plan(SimulatedEnvironment env, int links) {
        return env.linkFromSqlServer(databases(links)).plan();
    }
}
