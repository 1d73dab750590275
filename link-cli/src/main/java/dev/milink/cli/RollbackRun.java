package dev.milink.cli;

import dev.milink.LinkPlan;
import dev.milink.core.RollbackReport;
import java.util.Map;

/**
 * The execution of {@code milink rollback}: undoes in reverse what the journal records the plan's run created;
 * never drops a user database.
 *
 * <pre>{@code
 * RollbackReport report = LinkRunner.with(sql, mi).journal(JournalStore.directory(journalDir)).rollback(plan);
 * }</pre>
 */
final class RollbackRun {

    private RollbackRun() {
    }

    /**
     * @param command the command
     * @param plan the plan whose run is undone
     * @return the exit code
     */
    static int execute(RollbackCommand command, LinkPlan plan) {
        if (command.discardJournal) {
            throw new OptionException(command.spec.commandLine(), "--discard-journal", "rollback undoes what the journal"
                    + " records; without it there is nothing to undo.", "drop --discard-journal; to remove the link use"
                    + " 'milink drop'");
        }
        try (Sessions sessions = command.sessions()) {
            RollbackReport report;
            try (Interruption interruption = Interruption.watch(command, plan)) {
                report = Runs.runner(command, sessions, plan).rollback(plan);
            }
            Map<String, Object> doc = Json.object();
            doc.put("hash", plan.hash());
            doc.put("succeeded", report.succeeded());
            doc.put("undone", report.undone().stream().map(id -> id.value()).toList());
            doc.put("leftInPlace", report.leftInPlace());
            if (report.failure().isPresent()) {
                return Failures.report(command, report.failure().get(), ExitCodes.of(report.failure().get()), doc);
            }
            if (command.output.json()) {
                command.emitJson(doc);
                return ExitCodes.OK;
            }
            command.out().println("Rollback finished: " + report.undone().size() + " step(s) undone.");
            report.undone().forEach(id -> command.out().println("  undone: " + id.value()));
            report.leftInPlace().forEach(l -> command.out().println("  left in place: " + l));
            command.out().flush();
            return ExitCodes.OK;
        }
    }
}
