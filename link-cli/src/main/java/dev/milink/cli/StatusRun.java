package dev.milink.cli;

import dev.milink.LinkHealth;
import dev.milink.LinkSpec;
import dev.milink.core.LinkMonitor;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The execution of {@code milink status}: the health of every link of the spec, merged from both sides.
 *
 * <pre>{@code
 * List<LinkHealth> health = LinkMonitor.of(sql, mi).health(spec);
 * }</pre>
 * Exit 0 when every link is healthy or seeding, 1 otherwise. {@code --watch N} prints the tables again every N
 * seconds until interrupted (Ctrl-C).
 */
final class StatusRun {

    private StatusRun() {
    }

    /**
     * @param command the command
     * @param spec the link definition
     * @return the exit code
     */
    static int execute(StatusCommand command, LinkSpec spec) {
        try (Sessions sessions = command.sessions()) {
            LinkMonitor monitor = LinkMonitor.of(sessions.sqlServer(), sessions.managedInstance(spec.managedInstance()))
                    .clock(sessions.clock());
            monitor = sessions.managedInstanceSql().map(monitor::withManagedInstanceSql).orElse(monitor);
            if (command.watchSeconds == null) {
                return show(command, monitor.health(spec), false);
            }
            int code = ExitCodes.OK;
            Duration interval = Duration.ofSeconds(command.watchSeconds);
            for (long i = 0; command.watchCount <= 0 || i < command.watchCount; i++) {
                if (i > 0) {
                    try {
                        sessions.sleeper().sleep(interval);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        break;
                    }
                }
                code = show(command, monitor.health(spec), true);
            }
            return code;
        }
    }

    private static int show(StatusCommand command, List<LinkHealth> health, boolean watching) {
        int code = HealthTable.allWell(health) ? ExitCodes.OK : ExitCodes.EXECUTION_FAILED;
        if (command.output.json()) {
            Map<String, Object> doc = Json.object();
            doc.put("healthy", code == ExitCodes.OK);
            doc.put("links", HealthTable.json(health));
            command.emitJson(doc);
        } else {
            PrintWriter out = command.out();
            if (watching) {
                out.println("-- " + health.stream().findFirst().map(h -> h.observedAt().toString()).orElse("")
                        + " (every " + command.watchSeconds + "s; Ctrl-C to stop)");
            }
            out.print(health.isEmpty() ? "No links in this definition.\n" : HealthTable.render(health));
            out.flush();
        }
        return code;
    }
}
