package dev.milink.port;

import dev.milink.DatabaseName;
import dev.milink.step.SqlServerStep;
import dev.milink.state.SqlServerState;
import java.util.Collection;

/**
 * SQL Server as milink sees it. {@code link-jdbc}'s {@code JdbcSqlServerPort} implements it over JDBC;
 * tests may implement it in memory.
 *
 * <p>Both methods cost one round trip: {@link #observe} reads everything in one batch, {@link #apply} runs
 * the step's statements and its verification in one batch.
 */
public interface SqlServerPort extends AutoCloseable {

    /**
     * Reads server facts, the given databases, certificates, the mirroring endpoint, availability groups
     * and seeding in one round trip.
     *
     * @param databases the databases to report on (others are not read)
     * @return the state
     * @throws dev.milink.LinkException when SQL Server cannot be reached or refuses
     */
    SqlServerState observe(Collection<DatabaseName> databases);

    /**
     * Runs a step's statements (which are guarded, so running them twice changes nothing).
     *
     * @param step the step
     * @param inputs values learned so far in the run
     * @return what changed
     * @throws dev.milink.LinkExecutionException when a statement fails
     */
    StepResult apply(SqlServerStep step, StepInputs inputs);

    /** Releases connections. */
    @Override
    default void close() {
    }
}
