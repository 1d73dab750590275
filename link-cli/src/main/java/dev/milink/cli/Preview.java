package dev.milink.cli;

import dev.milink.LinkPlan;
import dev.milink.tsql.TsqlScript;
import java.util.Map;
import picocli.CommandLine.Option;

/** Lets a changing command show its plan or its T-SQL instead of running it; connects to nothing. */
public final class Preview {

    @Option(names = "--dry-run", description = "Show the plan; connect to nothing, change nothing.")
    boolean dryRun;

    @Option(names = "--print-script", description = "Print the plan's SQLCMD script; connect to nothing, change nothing.")
    boolean printScript;

    /** @return whether the command should only show its plan or script */
    boolean requested() {
        return dryRun || printScript;
    }

    /**
     * @param command the command
     * @param plan its plan
     * @return {@link ExitCodes#OK}
     */
    int show(BaseCommand command, LinkPlan plan) {
        if (command.output.json()) {
            Map<String, Object> doc = Json.object();
            doc.put("dryRun", true);
            doc.put("plan", PlanJson.of(plan));
            if (printScript) {
                doc.put("script", TsqlScript.render(plan));
            }
            command.emitJson(doc);
        } else if (printScript) {
            command.out().print(TsqlScript.render(plan));
        } else {
            command.out().print(plan.describe());
            command.out().println("Dry run: nothing was changed. Run without --dry-run to apply.");
        }
        command.out().flush();
        return ExitCodes.OK;
    }
}
