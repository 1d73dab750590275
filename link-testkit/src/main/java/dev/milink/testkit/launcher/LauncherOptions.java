package dev.milink.testkit.launcher;

import java.util.Locale;
import java.util.Optional;

/**
 * The command line of {@link SimulatorLauncher}.
 *
 * @param port TCP port of the (SQL Server) endpoint; in world mode the instance endpoint takes {@code port + 1}
 * @param password the {@code sa} password (never printed back in full)
 * @param version SERVERPROPERTY('ProductVersion') of the SQL Server flavor
 * @param hadr whether Always On availability groups are enabled
 * @param sampleDatabase a database to create with a small {@code Orders} table, if any
 * @param managedInstanceFlavor pretend to be a Managed Instance endpoint instead of SQL Server
 * @param world start the whole linked world (SQL Server, instance endpoint, HTTPS ARM)
 * @param help print usage and exit
 */
record LauncherOptions(int port, String password, String version, boolean hadr, Optional<String> sampleDatabase,
        boolean managedInstanceFlavor, boolean world, boolean help) {

    static final String USAGE = String.join(System.lineSeparator(),
            "usage: java -jar milink-simulator.jar --password <pw> [--port 14330] [--version 16.0.4135.4] [--no-hadr]",
            "                                     [--sample-database SalesDb] [--flavor sql-server|managed-instance] [--world]",
            "  --port             TCP port on 127.0.0.1 (default 14330; 0 picks a free one); --world uses it and the next one",
            "  --password         password of the sa login (required)",
            "  --version          SQL Server ProductVersion (default 16.0.4135.4)",
            "  --no-hadr          Always On availability groups disabled",
            "  --sample-database  create a FULL-recovery database with a full backup and an Orders table",
            "  --flavor           sql-server (default) or managed-instance",
            "  --world            SQL Server + Managed Instance endpoint + ARM over HTTPS, linked",
            "This is the milink simulator, a test double, not SQL Server.");

    /**
     * @param args the command line
     * @return the options
     * @throws IllegalArgumentException with a message naming the bad argument
     */
    static LauncherOptions parse(String... args) {
        int port = 14330;
        String password = null;
        String version = "16.0.4135.4";
        boolean hadr = true;
        String sample = null;
        boolean mi = false;
        boolean world = false;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--help", "-h" -> {
                    return new LauncherOptions(port, "", version, hadr, Optional.empty(), false, false, true);
                }
                case "--port" -> port = port(value(args, ++i, a));
                case "--password" -> password = value(args, ++i, a);
                case "--version" -> version = version(value(args, ++i, a));
                case "--no-hadr" -> hadr = false;
                case "--sample-database" -> sample = database(value(args, ++i, a));
                case "--flavor" -> mi = flavor(value(args, ++i, a));
                case "--world" -> world = true;
                default -> throw new IllegalArgumentException("unknown argument '" + a + "'");
            }
        }
        if (password == null || password.isBlank()) {
            throw new IllegalArgumentException("--password is required (the sa password clients will use)");
        }
        if (world && mi) {
            throw new IllegalArgumentException("--world starts both flavors; leave out --flavor");
        }
        return new LauncherOptions(port, password, version, hadr, Optional.ofNullable(sample), mi, world, false);
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length || args[i].startsWith("--")) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[i];
    }

    private static int port(String value) {
        try {
            int p = Integer.parseInt(value);
            if (p < 0 || p > 65534) {
                throw new IllegalArgumentException("--port must be between 0 and 65534, was " + value);
            }
            return p;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--port must be a number, was '" + value + "'", e);
        }
    }

    private static String version(String value) {
        if (!value.matches("\\d{1,2}\\.\\d+\\.\\d+\\.\\d+")) {
            throw new IllegalArgumentException("--version must look like 16.0.4135.4, was '" + value + "'");
        }
        return value;
    }

    private static String database(String value) {
        if (!value.matches("[A-Za-z_][A-Za-z0-9_]{0,127}")) {
            throw new IllegalArgumentException("--sample-database must be a plain identifier, was '" + value + "'");
        }
        return value;
    }

    private static boolean flavor(String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "sql-server" -> false;
            case "managed-instance" -> true;
            default -> throw new IllegalArgumentException("--flavor must be sql-server or managed-instance, was '" + value + "'");
        };
    }

    @Override
    public String toString() {
        return "LauncherOptions[port=" + port + ", password=<hidden>, version=" + version + ", hadr=" + hadr
                + ", sampleDatabase=" + sampleDatabase + ", managedInstanceFlavor=" + managedInstanceFlavor + ", world=" + world + "]";
    }
}
