package dev.milink.step;

import dev.milink.DatabaseName;
import java.util.Optional;

/**
 * One side effect or one check of a plan. Steps are immutable records holding only the data they need;
 * {@code link-tsql} renders SQL Server steps as T-SQL, the ARM adapter runs Managed Instance steps, and
 * the runner evaluates checks and waits.
 */
public sealed interface Step permits SqlServerStep, ManagedInstanceStep, CheckStep {

    /** @return the step's stable id within its plan */
    StepId id();

    /** @return where the step runs */
    Side side();

    /** @return what the step does, in one line */
    String summary();

    /** @return why the plan needs it, in one line */
    String reason();

    /** @return the database the step is for; empty for steps shared by all links */
    default Optional<DatabaseName> database() {
        return Optional.empty();
    }
}
