package dev.milink.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.ServiceLoader;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The {@code milink} command: plans, scripts, checks, creates, watches, fails over and removes Managed Instance
 * links. {@link #main} is the only place that exits the JVM; everything else returns exit codes.
 */
@Command(name = "milink", mixinStandardHelpOptions = true, versionProvider = Milink.Version.class,
        description = {"Sets up, watches, fails over and removes the Managed Instance link between SQL Server and "
                + "Azure SQL Managed Instance.", "",
            "plan and script need no connection; the other commands connect to SQL Server (password from "
                + CliEnvironment.SQL_PASSWORD + " or a prompt) and to Azure (DefaultAzureCredential)."},
        subcommands = {PlanCommand.class, ScriptCommand.class, CheckCommand.class, CreateCommand.class,
            StatusCommand.class, FailoverCommand.class, FailbackCommand.class, DropCommand.class,
            RotateCertificateCommand.class, RepairSplitBrainCommand.class, ResumeCommand.class, RollbackCommand.class,
            CommandLine.HelpCommand.class})
public final class Milink implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    private final CliEnvironment environment;
    private final SessionFactory sessions;

    /** A command reading the process environment and console. */
    public Milink() {
        this(CliEnvironment.system());
    }

    /**
     * @param environment where variables and passwords come from (injectable for tests)
     */
    public Milink(CliEnvironment environment) {
        this(environment, SessionFactory.LIVE);
    }

    /**
     * @param environment where variables and passwords come from
     * @param sessions how commands reach SQL Server and the Managed Instance (tests point them at simulators)
     */
    public Milink(CliEnvironment environment, SessionFactory sessions) {
        this.environment = Objects.requireNonNull(environment, "environment");
        this.sessions = Objects.requireNonNull(sessions, "sessions");
    }

    /** @return how commands open their connections */
    SessionFactory sessionFactory() {
        return sessions;
    }

    /** @return the environment the commands read */
    CliEnvironment environment() {
        return environment;
    }

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCodes.USAGE;
    }

    /**
     * @param environment the environment
     * @return a configured command line: exit-code help, usage-error handling, no stack traces
     */
    public static CommandLine commandLine(CliEnvironment environment) {
        CommandLine cmd = new CommandLine(new Milink(environment));
        configure(cmd);
        return cmd;
    }

    /**
     * Applies milink's conventions to a command line (also usable on {@code new CommandLine(new Milink())}) and
     * adds the {@link MilinkSubcommand}s found on the class path (the demo's jar adds {@code demo}).
     *
     * @param cmd the root command line
     * @return {@code cmd}
     */
    public static CommandLine configure(CommandLine cmd) {
        addPluggedSubcommands(cmd);
        Map<String, String> codes = new LinkedHashMap<>();
        for (String line : ExitCodes.HELP) {
            int colon = line.indexOf(':');
            codes.put(line.substring(0, colon), line.substring(colon + 1));
        }
        cmd.setParameterExceptionHandler(Milink::usageError);
        cmd.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            commandLine.getErr().println("milink: internal error: " + ex.getClass().getSimpleName()
                    + "; rerun with --verbose and report it");
            return ExitCodes.INTERNAL;
        });
        apply(cmd, codes);
        return cmd;
    }

    private static void addPluggedSubcommands(CommandLine cmd) {
        if (!(cmd.getCommand() instanceof Milink)) {
            return;
        }
        for (MilinkSubcommand plugged : ServiceLoader.load(MilinkSubcommand.class, Milink.class.getClassLoader())) {
            CommandLine sub = new CommandLine(plugged);
            if (!cmd.getSubcommands().containsKey(sub.getCommandName())) {
                cmd.addSubcommand(sub);
            }
        }
    }

    private static void apply(CommandLine cmd, Map<String, String> codes) {
        cmd.getCommandSpec().usageMessage().exitCodeListHeading("%nExit codes:%n").exitCodeList(codes);
        cmd.getSubcommands().values().forEach(sub -> apply(sub, codes));
    }

    private static int usageError(CommandLine.ParameterException ex, String[] args) {
        CommandLine cmd = ex.getCommandLine();
        PrintWriter err = cmd.getErr();
        String name = cmd.getCommandSpec().qualifiedName();
        err.println(name + ": " + ex.getMessage());
        if (!(ex instanceof OptionException)) {
            CommandLine.UnmatchedArgumentException.printSuggestions(ex, err);
        }
        err.println("Try '" + name + " --help' for the options.");
        err.flush();
        if (Arrays.asList(args).contains("--json")) {
            String option = ex instanceof OptionException o ? o.option()
                    : ex.getArgSpec() != null && ex.getArgSpec().isOption()
                    ? ((CommandLine.Model.OptionSpec) ex.getArgSpec()).longestName() : "";
            String fix = ex instanceof OptionException o ? o.fix() : "see '" + name + " --help'";
            String problem = ex instanceof OptionException o
                    ? stripFix(String.valueOf(ex.getMessage()), o.fix()) : String.valueOf(ex.getMessage());
            cmd.getOut().println(Json.write(Failures.document(cmd.getCommandName(), ExitCodes.USAGE, null, problem,
                    fix, option)));
            cmd.getOut().flush();
        }
        return ExitCodes.USAGE;
    }

    private static String stripFix(String message, String fix) {
        String suffix = " Fix: " + fix;
        return !fix.isBlank() && message.endsWith(suffix) ? message.substring(0, message.length() - suffix.length())
                : message;
    }

    /**
     * Runs the command and exits the JVM with its exit code.
     *
     * @param args the command-line arguments
     */
    public static void main(String[] args) {
        Logging.configure(Arrays.asList(args).contains("--verbose") || Arrays.asList(args).contains("-v"));
        System.exit(commandLine(CliEnvironment.system()).execute(args));
    }

    /** Reads the version written into the jar at build time. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() throws IOException {
            Properties p = new Properties();
            try (InputStream in = Milink.class.getResourceAsStream("version.properties")) {
                if (in != null) {
                    p.load(in);
                }
            }
            return new String[] {"milink " + p.getProperty("version", "(development build)"),
                "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")"};
        }
    }
}
