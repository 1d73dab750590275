package dev.milink.cli;

import dev.milink.LinkException;
import dev.milink.LinkPlan;
import dev.milink.core.Journal;
import dev.milink.core.JournalStore;
import dev.milink.core.LinkOutcome;
import dev.milink.core.LinkRun;
import dev.milink.core.LinkRunner;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * What the commands that run a plan share: one runner configured from the command and its sessions, and one way
 * to report a {@link LinkRun} as text or JSON with an exit code.
 */
final class Runs {

    private Runs() {
    }

    /**
     * @param command the command (journal directory, progress output)
     * @param sessions its connections
     * @param plan the plan, for the Managed Instance to reach
     * @return a runner with a file journal, the command's secrets, progress, clock and sleeper
     */
    static LinkRunner runner(LinkCommand command, Sessions sessions, LinkPlan plan) {
        LinkRunner runner = LinkRunner.with(sessions.sqlServer(), sessions.managedInstance(plan.spec().managedInstance()))
                .journal(command.journalStore()).secrets(sessions.secrets())
                .listener(command.progress()).clock(sessions.clock()).sleeper(sessions.sleeper())
                .endpointProbe(sessions.endpointProbe()).pollInterval(sessions.pollInterval());
        command.breakStaleLockAge().ifPresent(runner::breakStaleLock);
        return runner;
    }

    /**
     * Runs a plan the way every command does: the journal moved aside first with --discard-journal, and Ctrl-C
     * answered with the command that continues.
     *
     * @param command the command
     * @param sessions its connections
     * @param plan the plan
     * @param action {@code (runner, plan) -> runner.run(plan)} or {@code resume}
     * @return what happened
     */
    static LinkRun run(LinkCommand command, Sessions sessions, LinkPlan plan, BiFunction<LinkRunner, LinkPlan, LinkRun> action) {
        LinkRunner runner = runner(command, sessions, plan);
        if (command.discardJournal) {
            JournalStore store = command.journalStore();
            Optional<String> kept = store.discard(Journal.keyOf(plan), sessions.clock().instant(), command.breakStaleLockAge());
            command.err().println("milink " + command.name() + ": " + kept.map(k -> "the journal was moved aside to " + k
                    + " (kept for inspection); starting from the live state.")
                    .orElse("there was no journal to discard; starting from the live state."));
            command.err().flush();
        }
        try (Interruption interruption = Interruption.watch(command, plan)) {
            return action.apply(runner, plan);
        }
    }

    /**
     * Opens the sessions, runs, reports and closes.
     *
     * @param command the command
     * @param plan the plan
     * @param action {@code (runner, plan) -> runner.run(plan)} or {@code resume}
     * @return the exit code
     */
    static int execute(LinkCommand command, LinkPlan plan, BiFunction<LinkRunner, LinkPlan, LinkRun> action) {
        try (Sessions sessions = command.sessions()) {
            return report(command, run(command, sessions, plan, action));
        }
    }

    /**
     * @param command the command
     * @param run what happened
     * @return {@link ExitCodes#OK}, or the exit code of the first failure
     */
    static int report(BaseCommand command, LinkRun run) {
        Optional<LinkException> failure = firstFailure(run);
        if (failure.isEmpty()) {
            if (command.output.json()) {
                command.emitJson(json(run));
            } else {
                command.out().println(PlanJson.kind(run.plan()) + " finished: " + run.stepsApplied() + " steps applied, "
                        + run.stepsSkipped() + " already done, in " + ProgressRenderer.duration(run.took()));
                lines(run).forEach(command.out()::println);
                command.out().flush();
            }
            return ExitCodes.OK;
        }
        if (!command.output.json()) {
            lines(run).forEach(command.err()::println);
        }
        return Failures.report(command, failure.get(), ExitCodes.of(failure.get()), json(run));
    }

    private static Optional<LinkException> firstFailure(LinkRun run) {
        if (run.failure().isPresent()) {
            return run.failure();
        }
        return run.outcomes().values().stream().filter(o -> o.status() != LinkOutcome.Status.SUCCEEDED)
                .map(o -> o.error().orElseGet(() -> new LinkException(dev.milink.LinkErrorCode.INTERNAL,
                        "link " + o.database() + " ended " + o.status() + " without an error", "rerun with --verbose")))
                .findFirst();
    }

    private static List<String> lines(LinkRun run) {
        List<String> lines = new ArrayList<>();
        for (LinkOutcome o : run.outcomes().values()) {
            lines.add("  " + o.database() + ": " + o.status()
                    + o.error().map(e -> " - " + OptionExceptions.problem(e)).orElse(""));
        }
        run.notes().forEach(n -> lines.add("  note: " + n));
        return lines;
    }

    /**
     * @param run a run
     * @return {@code kind, hash, resumed, succeeded, stepsApplied, stepsSkipped, tookMillis, links[], notes[]}
     */
    static Map<String, Object> json(LinkRun run) {
        Map<String, Object> doc = Json.object();
        doc.put("kind", PlanJson.kind(run.plan()));
        doc.put("hash", run.plan().hash());
        doc.put("resumed", run.resumed());
        doc.put("succeeded", run.succeeded());
        doc.put("stepsApplied", run.stepsApplied());
        doc.put("stepsSkipped", run.stepsSkipped());
        doc.put("tookMillis", run.took().toMillis());
        List<Object> links = new ArrayList<>();
        for (LinkOutcome o : run.outcomes().values()) {
            Map<String, Object> l = Json.object();
            l.put("database", o.database().value());
            l.put("status", o.status());
            l.put("error", o.error().map(OptionExceptions::problem));
            links.add(l);
        }
        doc.put("links", links);
        doc.put("notes", run.notes());
        return doc;
    }
}
