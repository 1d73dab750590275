package dev.milink.cli;

import dev.milink.LinkPlan;
import dev.milink.core.LinkRunner;

/**
 * The execution of {@code milink repair-split-brain}: the demotion of one side after a forced failover left both primary.
 *
 * <pre>{@code
 * LinkRunner.with(sessions.sqlServer(), sessions.managedInstance(mi)).journal(JournalStore.directory(journalDir))
 *         .listener(progress).run(plan);
 * }</pre>
 */
final class RepairSplitBrainRun {

    private RepairSplitBrainRun() {
    }

    /**
     * @param command the command
     * @param plan the plan (from link-api's planner)
     * @return the exit code
     */
    static int execute(RepairSplitBrainCommand command, LinkPlan plan) {
        return Runs.execute(command, plan, LinkRunner::run);
    }
}
