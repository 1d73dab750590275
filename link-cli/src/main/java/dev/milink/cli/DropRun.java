package dev.milink.cli;

import dev.milink.LinkPlan;
import dev.milink.core.LinkRunner;

/**
 * The execution of {@code milink drop}: the removal of the links; refused (exit 4) when not in sync unless --force.
 *
 * <pre>{@code
 * LinkRunner.with(sessions.sqlServer(), sessions.managedInstance(mi)).journal(JournalStore.directory(journalDir))
 *         .listener(progress).run(plan);
 * }</pre>
 */
final class DropRun {

    private DropRun() {
    }

    /**
     * @param command the command
     * @param plan the plan (from link-api's planner)
     * @return the exit code
     */
    static int execute(DropCommand command, LinkPlan plan) {
        return Runs.execute(command, plan, LinkRunner::run);
    }
}
