package dev.milink.cli;

import dev.milink.LinkPlan;
import dev.milink.core.LinkRunner;

/**
 * The execution of {@code milink failover}: the planned or forced failover; a gate refusal (GATE_REFUSED) exits 4.
 *
 * <pre>{@code
 * LinkRunner.with(sessions.sqlServer(), sessions.managedInstance(mi)).journal(JournalStore.directory(journalDir))
 *         .listener(progress).run(plan);
 * }</pre>
 */
final class FailoverRun {

    private FailoverRun() {
    }

    /**
     * @param command the command
     * @param plan the plan (from link-api's planner)
     * @return the exit code
     */
    static int execute(FailoverCommand command, LinkPlan plan) {
        return Runs.execute(command, plan, LinkRunner::run);
    }
}
