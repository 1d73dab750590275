package dev.milink.bench;

import dev.milink.demo.SimulatedEnvironment;
import dev.milink.testkit.arm.RequestJournal;
import dev.milink.testkit.tds.StatementJournal;
import java.util.List;

/**
 * Remote calls read from the simulators' journals, split the way the manual baseline counts them: SQL round trips
 * that create (the run's one observation plus every statement), SQL status reads of the waits (later
 * observations), logins (connection set-up, not counted by the baseline), ARM calls that create, ARM LRO polls, and
 * ARM status reads of the waits (GETs of a link resource).
 *
 * @param sql SQL round trips that create the links
 * @param sqlWaitReads SQL observations made while waiting for seeding
 * @param logins SQL logins
 * @param arm ARM requests that create the links, polls excluded
 * @param armPolls ARM LRO polls
 * @param armWaitReads ARM reads of link resources while waiting
 */
public record Counts(long sql, long sqlWaitReads, long logins, long arm, long armPolls, long armWaitReads) {

    /** Clears both journals. */
    public static void reset(SimulatedEnvironment env) {
        env.world().sqlServerTds().journal().clear();
        env.world().managedInstanceTds().journal().clear();
        env.world().arm().journal().clear();
    }

    /** @return the counts since the last reset (SQL Server's endpoint and ARM) */
    public static Counts of(SimulatedEnvironment env) {
        List<StatementJournal.Entry> entries = env.world().sqlServerTds().journal().entries();
        long statements = entries.stream().filter(e -> e.kind() == StatementJournal.Kind.SQL_BATCH
                || e.kind() == StatementJournal.Kind.RPC).count();
        long observations = entries.stream().filter(e -> e.text().contains("N'facts' AS q")).count();
        long logins = entries.stream().filter(e -> e.kind() == StatementJournal.Kind.LOGIN).count();
        long waits = Math.max(0, observations - 1);
        List<RequestJournal.Entry> arm = env.world().arm().journal().entries();
        long polls = arm.stream().filter(RequestJournal.Entry::poll).count();
        long armWaits = arm.stream().filter(e -> !e.poll() && e.method().equals("GET")
                && e.path().matches(".*/distributedAvailabilityGroups/[^/]+$")).count();
        return new Counts(statements - waits, waits, logins, arm.size() - polls - armWaits, polls, armWaits);
    }

    /** @return this minus {@code other}, divided by {@code n} (per further link) */
    public double[] perFurther(Counts other, int n) {
        return new double[] {(sql - other.sql) / (double) n, (sqlWaitReads - other.sqlWaitReads) / (double) n,
            (arm - other.arm) / (double) n, (armPolls - other.armPolls) / (double) n,
            (armWaitReads - other.armWaitReads) / (double) n};
    }
}
