package dev.milink.cli;

import dev.milink.LinkPlan;
import dev.milink.core.LinkRunner;

/**
 * The execution of {@code milink failback}: the planned failback to SQL Server; gates as for a planned failover.
 *
 * <pre>{@code
 * LinkRunner.with(sessions.sqlServer(), sessions.managedInstance(mi)).journal(JournalStore.directory(journalDir))
 *         .listener(progress).run(plan);
 * }</pre>
 */
final class FailbackRun {

    private FailbackRun() {
    }

    /**
     * @param command the command
     * @param plan the plan (from link-api's planner)
     * @return the exit code
     */
    static int execute(FailbackCommand command, LinkPlan plan) {
        return Runs.execute(command, plan, LinkRunner::run);
    }
}
