package dev.milink.cli;

import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** A subcommand that acts on a link over live connections: link options, connection options, a journal. */
abstract class LinkCommand extends BaseCommand {

    /** Where journals go unless --journal-dir says otherwise. */
    static final String DEFAULT_JOURNAL_DIR = ".milink/journal";

    @Mixin
    LinkOptions link;

    @Mixin
    ConnectionOptions connection;

    @Option(names = "--journal-dir", paramLabel = "DIR", defaultValue = DEFAULT_JOURNAL_DIR,
            description = "Where the run journal is kept, for resume and rollback (default ${DEFAULT-VALUE}).")
    Path journalDir;

    /** @return the connections of this run, opened on first use */
    Sessions sessions() {
        return new Sessions(connection, environment());
    }

    /**
     * Prints a plan for --dry-run: its description, or the plan JSON with {@code "dryRun": true}.
     *
     * @param plan the plan
     * @return {@link ExitCodes#OK}
     */
    int dryRun(dev.milink.LinkPlan plan) {
        if (output.json()) {
            Map<String, Object> doc = Json.object();
            doc.put("dryRun", true);
            doc.put("plan", PlanJson.of(plan));
            emitJson(doc);
        } else {
            out().print(plan.describe());
            out().println("Dry run: nothing was changed. Run without --dry-run to apply, or 'milink script' for the T-SQL.");
            out().flush();
        }
        return ExitCodes.OK;
    }
}
