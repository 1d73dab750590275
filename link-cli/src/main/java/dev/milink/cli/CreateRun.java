package dev.milink.cli;

import dev.milink.LinkPlan;
import dev.milink.core.LinkRun;
import dev.milink.core.LinkRunner;
import dev.milink.core.PreflightReport;
import java.io.PrintWriter;
import java.util.Map;

/**
 * The execution of {@code milink create}: preflight, then the run with a journal.
 *
 * <pre>{@code
 * PreflightReport report = Preflight.check(plan, sql, mi, probe);     // errors: exit 3, nothing changed
 * LinkRun run = LinkRunner.with(sql, mi).journal(JournalStore.directory(journalDir)).secrets(secrets)
 *         .listener(progress).run(plan);
 * }</pre>
 */
final class CreateRun {

    private CreateRun() {
    }

    /**
     * @param command the command
     * @param plan the creation plan
     * @return the exit code
     */
    static int execute(CreateCommand command, LinkPlan plan) {
        try (Sessions sessions = command.sessions()) {
            PreflightReport report = CheckRun.check(sessions, plan);
            PrintWriter human = command.output.json() ? command.err() : command.out();
            human.print(report.render());
            human.flush();
            if (report.hasErrors()) {
                Map<String, Object> doc = CheckRun.json(plan, report);
                dev.milink.LinkException error = new dev.milink.LinkException(dev.milink.LinkErrorCode.PREFLIGHT_FAILED,
                        "preflight failed: " + report.errors().size() + " check(s) do not hold; nothing was changed.",
                        "fix the checks marked ERROR above, then run 'milink check' again");
                return Failures.report(command, error, ExitCodes.PREFLIGHT_FAILED, doc);
            }
            LinkRun run = Runs.run(command, sessions, plan, LinkRunner::run);
            return Runs.report(command, run);
        }
    }
}
