package dev.milink.cli;

import dev.milink.LinkException;
import dev.milink.LinkExecutionException;
import java.io.PrintWriter;
import java.util.Map;

/**
 * Reports a failure: the message and the fix on stderr (and a JSON document on stdout under --json);
 * a stack trace only with --verbose.
 */
final class Failures {

    private Failures() {
    }

    /**
     * @param command the command that failed
     * @param error the failure
     * @param exitCode the exit code to return
     * @return {@code exitCode}
     */
    static int report(BaseCommand command, Throwable error, int exitCode) {
        return report(command, error, exitCode, Map.of());
    }

    /**
     * @param command the command that failed
     * @param error the failure
     * @param exitCode the exit code to return
     * @param extra fields added to the JSON error document (for example the per-link outcome of a run)
     * @return {@code exitCode}
     */
    static int report(BaseCommand command, Throwable error, int exitCode, Map<String, Object> extra) {
        PrintWriter err = command.err();
        String problem;
        String fix;
        if (error instanceof LinkException link) {
            problem = OptionExceptions.problem(link);
            fix = OptionExceptions.cliFix(link.fix());
        } else if (exitCode == ExitCodes.INTERNAL) {
            problem = "internal error: " + error.getClass().getSimpleName()
                    + (error.getMessage() == null ? "" : ": " + error.getMessage());
            fix = "rerun with --verbose and report the output at the milink issue tracker";
        } else {
            problem = String.valueOf(error.getMessage());
            fix = "";
        }
        err.println("milink " + command.name() + ": " + problem);
        if (!fix.isBlank()) {
            err.println("Fix: " + fix);
        }
        if (command.output.verbose()) {
            trace(error, err);
        }
        err.flush();
        if (command.output.json()) {
            Map<String, Object> doc = document(command.name(), exitCode, error, problem, fix, "");
            extra.forEach(doc::putIfAbsent);
            command.out().println(Json.write(doc));
            command.out().flush();
        }
        return exitCode;
    }

    private static void trace(Throwable error, PrintWriter err) {
        Throwable t = error;
        String prefix = "";
        for (int depth = 0; t != null && depth < 10; depth++, t = t.getCause()) {
            err.println(prefix + t);
            for (StackTraceElement frame : t.getStackTrace()) {
                err.println("\tat " + frame);
            }
            prefix = "Caused by: ";
        }
    }

    /**
     * @param command the command name
     * @param exitCode the exit code
     * @param error the failure, or null for usage errors from picocli
     * @param problem what is wrong
     * @param fix how to fix it
     * @param option the option at fault, or empty
     * @return the JSON error document
     */
    static Map<String, Object> document(String command, int exitCode, Throwable error, String problem, String fix,
            String option) {
        Map<String, Object> e = Json.object();
        e.put("code", error instanceof LinkException link ? link.code().name() : exitCode == ExitCodes.USAGE ? "USAGE" : "INTERNAL");
        e.put("message", problem);
        e.put("fix", fix);
        if (!option.isEmpty()) {
            e.put("option", option);
        }
        if (error instanceof LinkExecutionException x) {
            e.put("step", x.step().value());
            e.put("side", x.side().name());
            e.put("sqlErrorNumber", x.sqlErrorNumber());
            e.put("armErrorCode", x.armErrorCode());
        }
        Map<String, Object> doc = Json.object();
        doc.put("command", command);
        doc.put("ok", false);
        doc.put("exitCode", exitCode);
        doc.put("error", e);
        return doc;
    }
}
