package dev.milink.cli;

import dev.milink.LinkPlan;
import dev.milink.core.LinkRunner;

/**
 * The execution of {@code milink resume}: continues a stopped run from its journal.
 *
 * <pre>{@code
 * LinkRunner.with(sql, mi).journal(JournalStore.directory(journalDir)).secrets(secrets).listener(progress).resume(plan);
 * }</pre>
 * Another runner holding the lock, or a journal of another plan, is {@code JOURNAL_CONFLICT}: exit 1.
 */
final class ResumeRun {

    private ResumeRun() {
    }

    /**
     * @param command the command
     * @param plan the plan of the stopped run (its hash must match the journal)
     * @return the exit code
     */
    static int execute(ResumeCommand command, LinkPlan plan) {
        return Runs.execute(command, plan, LinkRunner::resume);
    }
}
