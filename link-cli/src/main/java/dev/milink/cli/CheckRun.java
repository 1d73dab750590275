package dev.milink.cli;

import dev.milink.LinkPlan;
import dev.milink.core.CheckResult;
import dev.milink.core.Preflight;
import dev.milink.core.PreflightReport;
import java.util.List;
import java.util.Map;

/**
 * The execution of {@code milink check}: the preflight checks of the creation plan against both sides.
 *
 * <pre>{@code
 * PreflightReport report = Preflight.check(plan, sessions.sqlServer(), sessions.managedInstance(mi), probe);
 * }</pre>
 * Exit 3 when a check fails; nothing is changed either way.
 */
final class CheckRun {

    private CheckRun() {
    }

    /**
     * @param command the command
     * @param plan the creation plan
     * @return the exit code
     */
    static int execute(CheckCommand command, LinkPlan plan) {
        try (Sessions sessions = command.sessions()) {
            PreflightReport report = check(sessions, plan);
            if (command.output.json()) {
                Map<String, Object> doc = json(plan, report);
                if (report.hasErrors()) {
                    doc.put("ok", false);
                    doc.put("exitCode", ExitCodes.PREFLIGHT_FAILED);
                }
                command.emitJson(doc);
            } else {
                command.out().print(report.render());
                command.out().println(report.hasErrors() ? "Preflight failed: fix the errors above; nothing was changed."
                        : "Preflight passed: the link can be created.");
                command.out().flush();
            }
            return report.hasErrors() ? ExitCodes.PREFLIGHT_FAILED : ExitCodes.OK;
        }
    }

    /**
     * @param sessions the connections
     * @param plan the creation plan
     * @return the evaluated checks
     */
    static PreflightReport check(Sessions sessions, LinkPlan plan) {
        return Preflight.check(plan, sessions.sqlServer(), sessions.managedInstance(plan.spec().managedInstance()),
                sessions.endpointProbe());
    }

    /**
     * @param plan the plan checked
     * @param report the checks
     * @return {@code hash, passed, checks[{check, database, status, observed, rule, fix}]}
     */
    static Map<String, Object> json(LinkPlan plan, PreflightReport report) {
        Map<String, Object> doc = Json.object();
        doc.put("hash", plan.hash());
        doc.put("passed", !report.hasErrors());
        List<Object> checks = report.results().stream().map(CheckRun::check).toList();
        doc.put("checks", checks);
        return doc;
    }

    private static Object check(CheckResult r) {
        Map<String, Object> c = Json.object();
        c.put("check", r.prerequisite().key());
        c.put("database", r.database().map(d -> d.value()));
        c.put("status", r.status());
        c.put("observed", r.observed());
        c.put("rule", r.rule());
        c.put("fix", r.fix());
        return c;
    }
}
