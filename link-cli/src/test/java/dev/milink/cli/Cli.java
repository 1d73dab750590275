package dev.milink.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;

/** Runs milink in-process with captured output and a fake environment. */
final class Cli {

    static final String MI = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-link"
            + "/providers/Microsoft.Sql/managedInstances/sqlmi-prod-01";

    /** The link options of the README example. */
    static final String[] LINK = {"--sql-server", "SQLBOX01", "--endpoint", "TCP://10.0.1.8:5022", "--database",
        "SalesDb", "--managed-instance", MI};

    record Result(int exit, String out, String err) {
        String all() {
            return out + err;
        }
    }

    private Cli() {
    }

    static Result run(String... args) {
        return run(Map.of(), args);
    }

    static Result run(Map<String, String> env, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        picocli.CommandLine cmd = Milink.configure(new picocli.CommandLine(new Milink(CliEnvironment.of(env))));
        cmd.setOut(new PrintWriter(out, true));
        cmd.setErr(new PrintWriter(err, true));
        int exit = cmd.execute(args);
        return new Result(exit, out.toString(), err.toString());
    }

    static String[] concat(String[] a, String... b) {
        String[] all = new String[a.length + b.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
