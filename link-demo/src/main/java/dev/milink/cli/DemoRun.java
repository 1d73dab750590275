package dev.milink.cli;

import dev.milink.FailoverOptions;
import dev.milink.LinkHealth;
import dev.milink.LinkPlan;
import dev.milink.core.JournalStore;
import dev.milink.event.LinkEvent;
import dev.milink.core.LinkRun;
import dev.milink.core.LinkRunner;
import dev.milink.core.Preflight;
import dev.milink.core.PreflightReport;
import dev.milink.demo.SimulatedEnvironment;
import dev.milink.step.Step;
import dev.milink.step.Side;
import dev.milink.tsql.TsqlScript;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The execution of {@code milink demo}: a whole link lifecycle (preflight, plan, create, seeding, health,
 * planned failover under a workload, fail back, drop) with milink's real runner and adapters against the
 * simulators on loopback. Every wait is bounded; everything is closed on the way out.
 */
final class DemoRun {

    private static final Duration LSN_STABLE = Duration.ofSeconds(2);
    private static final Duration MAX_WAIT = Duration.ofSeconds(60);

    private final DemoCommand command;
    private final PrintWriter out;
    private final SimulatedEnvironment env;
    private int stage;

    private DemoRun(DemoCommand command, SimulatedEnvironment env) {
        this.command = command;
        this.out = command.out();
        this.env = env;
    }

    /**
     * @param command the command
     * @return the exit code: 0 when every stage passed
     */
    static int execute(DemoCommand command) {
        PrintWriter out = command.out();
        Instant start = Instant.now();
        out.println("milink demo: a whole Managed Instance link lifecycle, run by milink's real runner, JDBC and ARM");
        out.println("adapters against milink's SIMULATORS (test doubles on 127.0.0.1), not SQL Server and not Azure.");
        out.flush();
        try (SimulatedEnvironment env = DemoWorld.start()) {
            new DemoRun(command, env).stages();
        } catch (DemoFailure e) {
            out.flush();
            command.err().println("milink demo: FAILED at stage " + e.getMessage());
            command.err().flush();
            return ExitCodes.EXECUTION_FAILED;
        }
        out.println();
        out.println("Demo finished in " + ProgressRenderer.duration(Duration.between(start, Instant.now()))
                + ": every stage passed.");
        out.flush();
        return ExitCodes.OK;
    }

    private void stages() {
        LinkPlan plan = env.linkFromSqlServer(DemoWorld.DATABASE).plan();
        run("World", () -> out.println("  SQL Server " + env.world().sqlServer().serverName() + " (simulated 2022) on 127.0.0.1:"
                + env.world().sqlServerPort() + " with " + DemoWorld.DATABASE + ".dbo." + DemoWorld.TABLE + " ("
                + DemoWorld.INITIAL_ROWS + " rows); Managed Instance " + env.world().managedInstanceFqdn()
                + " (simulated, ARM in memory)"));
        run("Preflight: what must hold before anything changes", () -> {
            PreflightReport report = Preflight.check(plan, env.sqlServer(), env.managedInstance(),
                    (host, port) -> java.util.Optional.of("not probed: simulated endpoint"));
            out.print(indent(report.render()));
            check(!report.hasErrors(), "preflight reported errors");
        });
        run("Plan: typed steps; the same plan renders the T-SQL script", () -> {
            long sql = plan.steps().stream().filter(s -> s.side() == Side.SQL_SERVER).count();
            out.println("  " + plan.steps().size() + " steps (" + sql + " on SQL Server, " + (plan.steps().size() - sql)
                    + " on the Managed Instance), plan hash " + plan.hash().substring(0, 12));
            long checks = plan.steps().stream().filter(s -> s instanceof dev.milink.step.VerifyPrerequisite).count();
            out.println("    - " + checks + " checks (as in stage 2), then:");
            for (Step s : plan.steps()) {
                if (!(s instanceof dev.milink.step.VerifyPrerequisite)) {
                    out.println("    - [" + s.side().displayName() + "] " + s.summary());
                }
            }
            writeScript(plan);
        });
        run("Create the link (progress as seeding runs)", () -> {
            LinkRun run = runner().run(plan);
            check(run.succeeded(), run.failure().map(Throwable::getMessage).orElse("the create did not succeed"));
        });
        run("Synchronized: health from both sides", () -> out.print(indent(HealthTable.render(awaitHealthy(plan)))));
        run("Planned failover to the Managed Instance while an application writes", () -> failover(plan));
        run("Fail back to SQL Server", () -> {
            LinkPlan back = env.linkFromSqlServer(DemoWorld.DATABASE)
                    .planFailover(FailoverOptions.plannedToSqlServer().workloadStopped(true).lsnStableFor(LSN_STABLE));
            LinkRun run = runner().run(back);
            check(run.succeeded(), run.failure().map(Throwable::getMessage).orElse("the fail back did not succeed"));
            out.println("  roles now: " + roles(awaitHealthy(plan)));
        });
        run("Drop the link", () -> {
            LinkPlan drop = env.linkFromSqlServer(DemoWorld.DATABASE).planDrop(new dev.milink.DropOptions(true, false, false));
            LinkRun run = runner().run(drop);
            check(run.succeeded(), run.failure().map(Throwable::getMessage).orElse("the drop did not succeed"));
            List<LinkHealth> after = env.monitor().health(plan.spec());
            out.println("  link status after drop: " + after.stream().map(h -> h.status().name()).toList());
        });
    }

    private void failover(LinkPlan plan) throws Exception {
        long before = DemoWorld.rowsOnPrimary(env);
        DemoWorld.Writer writer = new DemoWorld.Writer(env);
        int committed;
        try {
            Thread.sleep(1500);
        } finally {
            committed = writer.stop();
        }
        out.println("  application wrote " + committed + " orders on SQL Server, then stopped (workload stopped: confirmed)");
        LinkPlan failover = env.linkFromSqlServer(DemoWorld.DATABASE)
                .planFailover(FailoverOptions.plannedToManagedInstance().workloadStopped(true).lsnStableFor(LSN_STABLE));
        LinkRun run = runner().run(failover);
        check(run.succeeded(), run.failure().map(Throwable::getMessage).orElse("the failover did not succeed"));
        List<LinkHealth> health = awaitHealthy(plan);
        long after = DemoWorld.rowsOnPrimary(env);
        long lost = before + committed - after;
        out.println("  roles now: " + roles(health));
        out.println("  rows before " + before + " + committed " + committed + " = " + (before + committed)
                + "; rows on the new primary (Managed Instance): " + after);
        check(lost == 0 && writer.failures() == 0, lost + " transactions lost, " + writer.failures() + " failed writes");
        out.println("  0 transactions lost");
    }

    private LinkRunner runner() {
        ProgressRenderer progress = command.progress();
        // The demo narrates stages itself: show only progress of long waits, failures and the end of each run.
        return env.runner().journal(JournalStore.inMemory()).awaitTimeout(MAX_WAIT).pollInterval(Duration.ofMillis(500))
                .listener(e -> {
                    if (e instanceof LinkEvent.Progress || e instanceof LinkEvent.StepFailed
                            || e instanceof LinkEvent.PlanFinished) {
                        progress.onEvent(e);
                    }
                });
    }

    private List<LinkHealth> awaitHealthy(LinkPlan plan) throws InterruptedException {
        Instant deadline = Instant.now().plus(MAX_WAIT);
        while (true) {
            List<LinkHealth> health = env.monitor().health(plan.spec());
            if (health.stream().allMatch(h -> h.status() == LinkHealth.Status.HEALTHY && h.lsnsEqual())) {
                return health;
            }
            check(Instant.now().isBefore(deadline), "the link did not become healthy within " + MAX_WAIT.toSeconds()
                    + " s: " + health.stream().map(h -> h.status().name()).toList());
            Thread.sleep(250);
        }
    }

    private static String roles(List<LinkHealth> health) {
        return health.stream().map(h -> "SQL Server " + h.sqlServerRole().map(Enum::name).orElse("-")
                + ", Managed Instance " + h.managedInstanceRole().map(Enum::name).orElse("-")).toList().toString();
    }

    private void writeScript(LinkPlan plan) throws IOException {
        if (command.script != null) {
            Files.writeString(command.script, TsqlScript.render(plan));
            out.println("  wrote the SQLCMD script to " + command.script);
        }
    }

    private static String indent(String text) {
        return text.lines().map(l -> "  " + l + System.lineSeparator()).reduce("", String::concat);
    }

    private static void check(boolean condition, String problem) {
        if (!condition) {
            throw new IllegalStateException(problem);
        }
    }

    private void run(String title, Stage body) {
        stage++;
        out.println();
        out.println("[" + stage + "] " + title);
        out.flush();
        Instant start = Instant.now();
        try {
            body.run();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DemoFailure(stage + " (" + title + "): interrupted");
        } catch (Exception e) {
            String message = e instanceof dev.milink.LinkException l ? OptionExceptions.problem(l) : String.valueOf(e.getMessage());
            throw new DemoFailure(stage + " (" + title + "): " + message);
        }
        out.println("  (" + ProgressRenderer.duration(Duration.between(start, Instant.now())) + ")");
        out.flush();
    }

    /** One stage of the demo. */
    @FunctionalInterface
    private interface Stage {
        void run() throws Exception;
    }

    /** A stage failed; the message names it. */
    private static final class DemoFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        DemoFailure(String message) {
            super(message);
        }
    }
}
