package dev.milink.cli;

import dev.milink.LinkPlan;
import dev.milink.PlanKind;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Answers Ctrl-C during a run with the command that continues it. The journal store's own shutdown hook releases
 * the lock; the journal already says which step was in flight, and resume re-observes it before anything else.
 */
final class Interruption implements AutoCloseable {

    /** Flags that must not be repeated when continuing: they would start over or not run at all. */
    private static final Set<String> NOT_REPEATED = Set.of("--discard-journal", "--dry-run", "--print-script", "--drop");
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_./:=@%+,\\-]+");

    private final Thread hook;

    private Interruption(Thread hook) {
        this.hook = hook;
    }

    /**
     * @param command the running command
     * @param plan its plan
     * @return the watch; close it when the run is over
     */
    static Interruption watch(LinkCommand command, LinkPlan plan) {
        List<String> args = command.spec.commandLine().getParseResult() == null ? List.of()
                : command.spec.commandLine().getParseResult().originalArgs();
        String next = continuation(command.name(), plan.kind(), args);
        PrintWriter err = command.err();
        Thread hook = new Thread(() -> fire(err, command.name(), next), "milink-interrupted");
        Runtime.getRuntime().addShutdownHook(hook);
        return new Interruption(hook);
    }

    static void fire(PrintWriter err, String name, String next) {
        err.println();
        err.println("milink " + name + ": interrupted; the journal lock is released and the journal records where the run"
                + " stopped. Continue with:");
        err.println("  " + next);
        err.flush();
    }

    /**
     * @param name the command
     * @param kind its plan's kind
     * @param args its arguments as typed (no secrets: passwords are never flags)
     * @return the command line that continues the run
     */
    static String continuation(String name, PlanKind kind, List<String> args) {
        List<String> words = new ArrayList<>(List.of("milink"));
        if ("rollback".equals(name)) {
            words.add("rollback");
        } else if (kind == PlanKind.CREATE || kind == PlanKind.DROP) {
            words.add("resume");
            if (kind == PlanKind.DROP) {
                words.add("--drop");
            }
        } else {
            words.add(name); // the same command continues its own journal
        }
        int start = args.indexOf(name) + 1;
        for (String arg : args.subList(start, args.size())) {
            if (!NOT_REPEATED.contains(arg)) {
                words.add(PLAIN.matcher(arg).matches() ? arg : "'" + arg.replace("'", "'\\''") + "'");
            }
        }
        return String.join(" ", words);
    }

    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // the JVM is shutting down: the hook runs (or ran) and says how to continue
        }
    }
}
