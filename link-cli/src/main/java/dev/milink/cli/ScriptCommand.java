package dev.milink.cli;

import dev.milink.LinkPlan;
import dev.milink.tsql.TsqlScript;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code milink script}: prints exactly {@code TsqlScript.render(plan)}, a SQLCMD runbook a DBA can review and
 * run. Secrets appear only as SQLCMD variables. Connects to nothing.
 */
@Command(name = "script", description = "Write the SQLCMD script (with the Azure steps as az/REST comments) "
        + "that creates (or with --drop removes) the link. Connects to nothing.")
final class ScriptCommand extends BaseCommand {

    @Mixin
    LinkOptions link;

    @Mixin
    PlanSelection selection;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write the script to FILE instead of stdout.")
    Path outputFile;

    @Override
    protected int run() throws IOException {
        LinkPlan plan = selection.plan(link);
        String script = TsqlScript.render(plan);
        if (outputFile != null) {
            Path parent = outputFile.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(outputFile, script, StandardCharsets.UTF_8);
        }
        if (output.json()) {
            Map<String, Object> doc = Json.object();
            doc.put("kind", PlanJson.kind(plan));
            doc.put("hash", plan.hash());
            doc.put("output", outputFile == null ? null : outputFile.toString());
            doc.put("script", outputFile == null ? script : null);
            emitJson(doc);
        } else if (outputFile == null) {
            out().print(script);
            out().flush();
        } else {
            err().println("Wrote " + plan.steps().size() + "-step " + PlanJson.kind(plan) + " script " + plan.hash()
                    + " to " + outputFile);
            err().flush();
        }
        return ExitCodes.OK;
    }
}
