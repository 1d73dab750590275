package dev.milink.cli;

import dev.milink.LinkPlan;
import dev.milink.core.LinkRunner;

/**
 * The execution of {@code milink rotate-certificate}: the rotation of SQL Server's endpoint certificate.
 *
 * <pre>{@code
 * LinkRunner.with(sessions.sqlServer(), sessions.managedInstance(mi)).journal(JournalStore.directory(journalDir))
 *         .listener(progress).run(plan);
 * }</pre>
 */
final class RotateCertificateRun {

    private RotateCertificateRun() {
    }

    /**
     * @param command the command
     * @param plan the plan (from link-api's planner)
     * @return the exit code
     */
    static int execute(RotateCertificateCommand command, LinkPlan plan) {
        return Runs.execute(command, plan, LinkRunner::run);
    }
}
