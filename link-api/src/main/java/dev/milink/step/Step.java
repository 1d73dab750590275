package dev.milink.step;

import dev.milink.DatabaseName;
import java.util.Optional;
import java.util.Set;

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

    /**
     * @return the run-time values the step uses; the runner fills them in before applying it
     */
    default Set<RunValue<?>> needs() {
        return Set.of();
    }

    /**
     * @return the run-time values the step yields for later steps (and for rollback); the runner keeps them
     */
    default Set<RunValue<?>> produces() {
        return Set.of();
    }

    /**
     * Dispatches to the visitor method for this step's family; each family then dispatches per kind with its own
     * visitor ({@link SqlServerStep.Visitor}, {@link ManagedInstanceStep.Visitor}, {@link CheckStep.Visitor}).
     *
     * @param visitor what to do per family
     * @param <R> the result type
     * @return the visitor's result
     */
    <R> R accept(Visitor<R> visitor);

    /**
     * One method per step family.
     *
     * @param <R> the result type
     */
    interface Visitor<R> {

        /**
         * @param step a step that runs T-SQL on SQL Server
         * @return the result for it
         */
        R sqlServer(SqlServerStep step);

        /**
         * @param step a step that calls ARM for the Managed Instance
         * @return the result for it
         */
        R managedInstance(ManagedInstanceStep step);

        /**
         * @param step a check or a wait
         * @return the result for it
         */
        R check(CheckStep step);
    }
}
