package dev.milink.cli;

import dev.milink.DatabaseStage;
import dev.milink.Link;
import dev.milink.LinkDefinition;
import dev.milink.DropOptions;
import dev.milink.LinkPlan;
import dev.milink.LinkPlanningException;
import dev.milink.ManagedInstance;
import dev.milink.SeedingMode;
import dev.milink.SqlServerInstance;
import dev.milink.SqlServerVersion;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The options that describe a link, shared by every subcommand that needs one. Values come from the flags,
 * else from {@code --link-file}; the result is a validated {@link LinkDefinition}. Any invalid value is
 * reported as a usage error naming the option and the fix.
 */
public final class LinkOptions {

    @Spec(Spec.Target.MIXEE)
    private CommandSpec command;

    @Option(names = "--link-file", paramLabel = "FILE",
            description = "A 'key = value' file with the options below (keys without '--'); flags override it.")
    private Path linkFile;

    @Option(names = "--sql-server", paramLabel = "NAME", description = "SQL Server name as @@SERVERNAME shows it.")
    private String sqlServer;

    @Option(names = "--endpoint", paramLabel = "URL", description = "Mirroring endpoint as MI reaches it, TCP://host:5022.")
    private String endpoint;

    @Option(names = "--database", paramLabel = "DB", description = "Database to link (repeatable; one link each).")
    private List<String> databases;

    @Option(names = "--managed-instance", paramLabel = "RESOURCE_ID",
            description = "/subscriptions/<sub>/resourceGroups/<rg>/providers/Microsoft.Sql/managedInstances/<mi>")
    private String managedInstance;

    @Option(names = "--mi-fqdn", paramLabel = "FQDN", description = "The Managed Instance's FQDN, when known.")
    private String miFqdn;

    @Option(names = "--two-way-dr", arity = "0..1", fallbackValue = "true", paramLabel = "true|false",
            description = "Allow failing back to SQL Server (failoverMode Manual; SQL Server 2022/2025).")
    private Boolean twoWayDr;

    @Option(names = "--initial-primary", paramLabel = "sql-server|managed-instance",
            description = "Which side holds the databases at creation (default sql-server).")
    private String initialPrimary;

    @Option(names = "--sql-server-version", paramLabel = "YEAR", description = "2016|2017|2019|2022|2025 (default 2022).")
    private String sqlServerVersion;

    @Option(names = "--link-name", paramLabel = "NAME", description = "Link (DAG) name; one database only. Default DAG_<db>.")
    private String linkName;

    @Option(names = "--sql-ag", paramLabel = "NAME", description = "SQL Server AG name; one database only. Default AG_<db>.")
    private String sqlAg;

    @Option(names = "--mi-ag", paramLabel = "NAME", description = "MI AG name; one database only. Default AG_<db>_MI.")
    private String miAg;

    @Option(names = "--endpoint-name", paramLabel = "NAME", description = "Mirroring endpoint name.")
    private String endpointName;

    @Option(names = "--certificate-name", paramLabel = "NAME", description = "SQL Server endpoint certificate name.")
    private String certificateName;

    @Option(names = "--certificate-expiry", paramLabel = "yyyy-mm-dd", description = "Endpoint certificate expiry date.")
    private String certificateExpiry;

    @Option(names = "--seeding-mode", paramLabel = "automatic|manual", description = "How databases are seeded.")
    private String seedingMode;

    @Option(names = "--first-log-backup", paramLabel = "PATH",
            description = "Take the first log backup after seeding to this path on the SQL Server host.")
    private String firstLogBackup;

    private LinkFile file;

    /**
     * @return the link definition the options describe
     * @throws OptionException when an option is missing or invalid
     */
    public LinkDefinition definition() {
        file = readFile();
        String serverName = required("--sql-server", sqlServer);
        String endpointUrl = required("--endpoint", endpoint);
        List<String> dbs = databases != null && !databases.isEmpty() ? databases : file.databases();
        if (dbs.isEmpty()) {
            throw missing("--database");
        }
        String miId = required("--managed-instance", managedInstance);
        SqlServerInstance server = at(OptionExceptions.NO_OPTION, () -> SqlServerInstance.of(serverName, endpointUrl));
        ManagedInstance mi = at("--managed-instance", () -> ManagedInstance.fromResourceId(miId));
        String primary = value("--initial-primary", initialPrimary);
        boolean miPrimary = primary != null && choice("--initial-primary", primary, "sql-server", "managed-instance") == 1;
        LinkDefinition definition = at("--database", () -> {
            if (miPrimary) {
                DatabaseStage<SqlServerInstance> stage = Link.from(mi);
                dbs.forEach(stage::database);
                return stage.to(server);
            }
            DatabaseStage<ManagedInstance> stage = Link.from(server);
            dbs.forEach(stage::database);
            return stage.to(mi);
        });
        apply(definition);
        return definition;
    }

    /**
     * @return the creation plan
     * @throws OptionException when an option is missing or invalid, or the options do not fit together
     */
    public LinkPlan createPlan() {
        LinkDefinition d = definition();
        return at(OptionExceptions.NO_OPTION, d::plan);
    }

    /**
     * @param options what to remove besides the links
     * @return the plan that removes the links
     * @throws OptionException when an option is missing or invalid
     */
    public LinkPlan dropPlan(DropOptions options) {
        LinkDefinition d = definition();
        return at(OptionExceptions.NO_OPTION, () -> d.planDrop(options));
    }

    /**
     * @param planner derives a plan from the definition, for example {@code d -> d.planFailback(true)}
     * @return the plan
     * @throws OptionException when an option is missing or invalid; safety-gate refusals pass through unchanged
     */
    public LinkPlan plan(java.util.function.Function<LinkDefinition, LinkPlan> planner) {
        LinkDefinition d = definition();
        return at(OptionExceptions.NO_OPTION, () -> planner.apply(d));
    }

    private void apply(LinkDefinition d) {
        String fqdn = value("--mi-fqdn", miFqdn);
        if (fqdn != null) {
            at("--mi-fqdn", () -> d.managedInstanceFqdn(fqdn));
        }
        String twoWay = twoWayDr != null ? twoWayDr.toString() : file.get("two-way-dr");
        if (twoWay != null) {
            d.twoWayDR(choice("--two-way-dr", twoWay, "false", "true") == 1);
        }
        String version = value("--sql-server-version", sqlServerVersion);
        if (version != null) {
            choice("--sql-server-version", version, "2016", "2017", "2019", "2022", "2025");
            d.sqlServerVersion(SqlServerVersion.ofYear(Integer.parseInt(version.strip())));
        }
        set("--link-name", linkName, d::linkName);
        set("--sql-ag", sqlAg, d::sqlServerAvailabilityGroup);
        set("--mi-ag", miAg, d::managedInstanceAvailabilityGroup);
        set("--endpoint-name", endpointName, d::endpointName);
        set("--certificate-name", certificateName, d::certificateName);
        set("--first-log-backup", firstLogBackup, d::firstLogBackup);
        String expiry = value("--certificate-expiry", certificateExpiry);
        if (expiry != null) {
            try {
                d.certificateExpiry(LocalDate.parse(expiry));
            } catch (DateTimeParseException e) {
                throw new OptionException(command.commandLine(), "--certificate-expiry",
                        "'" + expiry + "' is not a date.", "write it as yyyy-mm-dd, for example 2027-06-30");
            }
        }
        String seeding = value("--seeding-mode", seedingMode);
        if (seeding != null) {
            d.seedingMode(SeedingMode.values()[choice("--seeding-mode", seeding, "automatic", "manual")]);
        }
    }

    private void set(String option, String flag, java.util.function.Consumer<String> setter) {
        String v = value(option, flag);
        if (v != null) {
            at(option, () -> {
                setter.accept(v);
                return null;
            });
        }
    }

    /**
     * Runs {@code action}, turning a planning error into a usage error that names {@code option}.
     *
     * @param option the option the value came from
     * @param action what to run
     * @param <T> the result type
     * @return the result
     */
    <T> T at(String option, Supplier<T> action) {
        try {
            return action.get();
        } catch (LinkPlanningException e) {
            if (e.code() == dev.milink.LinkErrorCode.GATE_REFUSED) {
                throw e;
            }
            throw OptionExceptions.of(command.commandLine(),
                    option == OptionExceptions.NO_OPTION ? OptionExceptions.optionFor(e.field()) : option, e);
        }
    }

    private int choice(String option, String value, String... allowed) {
        String v = value.strip().toLowerCase(Locale.ROOT);
        for (int i = 0; i < allowed.length; i++) {
            if (allowed[i].equals(v)) {
                return i;
            }
        }
        throw new OptionException(command.commandLine(), option, "'" + value + "' is not one of " + String.join(", ", allowed) + ".",
                "use one of " + String.join(" | ", allowed));
    }

    private String value(String option, String flag) {
        return flag != null ? flag : file.get(option.substring(2));
    }

    private String required(String option, String flag) {
        String v = value(option, flag);
        if (v == null || v.isBlank()) {
            throw missing(option);
        }
        return v;
    }

    private OptionException missing(String option) {
        return new OptionException(command.commandLine(), option, "missing required option.",
                "pass " + option + " or set '" + option.substring(2) + " = ...' in the --link-file");
    }

    private LinkFile readFile() {
        if (linkFile == null) {
            return LinkFile.empty();
        }
        try {
            return LinkFile.read(linkFile);
        } catch (NoSuchFileException e) {
            throw new OptionException(command.commandLine(), "--link-file", "file " + linkFile + " does not exist.",
                    "check the path");
        } catch (IOException e) {
            throw new OptionException(command.commandLine(), "--link-file", "cannot read " + linkFile + ": " + e.getMessage(),
                    "check the file's permissions");
        } catch (IllegalArgumentException e) {
            throw new OptionException(command.commandLine(), "--link-file", linkFile + " " + e.getMessage() + ".",
                    "write one 'key = value' per line; see 'milink help plan'");
        }
    }

    /** @return whether a link was described at all (any link option or a link file) */
    boolean given() {
        return linkFile != null || sqlServer != null || endpoint != null || databases != null || managedInstance != null;
    }
}
