package dev.milink.cli;

import dev.milink.LinkException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * The frame every subcommand plugs into: output options, logging level, the environment, and the one
 * place where failures become a message, a fix and an exit code (see {@link ExitCodes}).
 */
abstract class BaseCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @ParentCommand
    Milink root;

    @Mixin
    OutputOptions output;

    @Override
    public final Integer call() {
        Logging.configure(output.verbose());
        try {
            return run();
        } catch (CommandLine.ParameterException e) {
            throw e;
        } catch (LinkException e) {
            return Failures.report(this, e, ExitCodes.of(e));
        } catch (IOException | UncheckedIOException e) {
            return Failures.report(this, e, ExitCodes.EXECUTION_FAILED);
        } catch (RuntimeException e) {
            return Failures.report(this, e, ExitCodes.INTERNAL);
        }
    }

    /**
     * The command's work.
     *
     * @return the exit code
     * @throws IOException when reading or writing a file fails
     */
    protected abstract int run() throws IOException;

    /** @return the command's name, for example {@code script} */
    String name() {
        return spec.name();
    }

    /** @return standard output */
    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    /** @return standard error */
    PrintWriter err() {
        return spec.commandLine().getErr();
    }

    /** @return the environment (variables, console) */
    CliEnvironment environment() {
        return root == null ? CliEnvironment.system() : root.environment();
    }

    /**
     * Writes a successful JSON result: {@code {"command": ..., "ok": true, ...fields}}.
     *
     * @param fields the command's fields
     */
    void emitJson(Map<String, Object> fields) {
        Map<String, Object> doc = Json.object();
        doc.put("command", name());
        doc.put("ok", true);
        doc.putAll(fields);
        out().println(Json.write(doc));
        out().flush();
    }

    /** @return a listener rendering run events: to stdout for people, to stderr under --json */
    ProgressRenderer progress() {
        boolean bar = !output.json() && environment().terminal();
        return new ProgressRenderer(output.json() ? err() : out(), bar);
    }
}
