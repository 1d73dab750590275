package dev.milink.cli;

import dev.milink.LinkErrorCode;
import dev.milink.LinkException;
import dev.milink.LinkPlan;
import dev.milink.PlanKind;
import dev.milink.core.Journal;

/**
 * The execution of {@code milink resume}: continues a stopped run from its journal.
 *
 * <pre>{@code
 * LinkRunner.with(sql, mi).journal(JournalStore.directory(journalDir)).secrets(secrets).listener(progress).resume(plan);
 * }</pre>
 * No journal is a usage error (exit 2) rather than a whole new run; a damaged one is {@code JOURNAL_CORRUPT};
 * another runner holding the lock, or a journal of another plan, is {@code JOURNAL_CONFLICT}: exit 1.
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
        return Runs.execute(command, plan, (runner, p) -> {
            requireJournal(command, p);
            return runner.resume(p);
        });
    }

    /** Checked once the connection options are known good, so a usage error about them still comes first. */
    private static void requireJournal(ResumeCommand command, LinkPlan plan) {
        // With --discard-journal the point is to start over, so an absent journal is what is asked for.
        if (!command.discardJournal && command.journalStore().load(Journal.keyOf(plan)).isEmpty()) {
            String start = plan.kind() == PlanKind.DROP ? "milink drop" : "milink create";
            throw new LinkException(LinkErrorCode.INVALID_INPUT, "No journal of " + Journal.keyOf(plan) + " in "
                    + command.journalDir + ": there is no stopped run of these links to resume.",
                    "pass the --journal-dir and link options of the stopped run; to start a new run use '" + start
                            + "' (it observes the live state first)");
        }
    }
}
