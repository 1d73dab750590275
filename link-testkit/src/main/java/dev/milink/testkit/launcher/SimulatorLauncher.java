package dev.milink.testkit.launcher;

import dev.milink.testkit.sql.Flavor;
import dev.milink.testkit.sql.SimulatedSqlServer;
import dev.milink.testkit.tds.TdsServer;
import dev.milink.testkit.world.LinkedWorld;
import dev.milink.testkit.world.LinkedWorldBuilder;
import java.io.PrintStream;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the milink simulator as a process, for trying tools such as {@code sqlcmd} or SSMS-like clients against
 * it: {@code java -jar link-testkit/target/milink-simulator.jar --port 14330 --password <pw>}. A test double, not
 * SQL Server. Serves until Ctrl-C; exits non-zero with a one-line message on bad arguments.
 */
public final class SimulatorLauncher {

    /** The line every start prints, so nobody mistakes the simulator for a server. */
    public static final String DISCLAIMER = "This is the milink simulator, a test double, not SQL Server";

    private SimulatorLauncher() {
    }

    /**
     * @param args see {@link LauncherOptions#USAGE}
     * @throws InterruptedException when the main thread is interrupted while serving
     */
    public static void main(String[] args) throws InterruptedException {
        // A failure ends main with an exception, so the JVM exits non-zero; this prints it as one line, no trace.
        Thread.currentThread().setUncaughtExceptionHandler((t, e) -> System.err.println("milink-simulator: " + e.getMessage()));
        LauncherOptions options;
        try {
            options = LauncherOptions.parse(args);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(e.getMessage() + System.lineSeparator() + LauncherOptions.USAGE, e);
        }
        if (options.help()) {
            System.out.println(LauncherOptions.USAGE);
            return;
        }
        AutoCloseable running;
        try {
            running = start(options, System.out);
        } catch (RuntimeException e) {
            throw new IllegalStateException("cannot start: " + e.getMessage(), e);
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                running.close();
            } catch (Exception e) {
                System.err.println("milink-simulator: error while stopping: " + e);
            }
            stopped.countDown();
        }, "milink-simulator-shutdown"));
        System.out.println("Serving until Ctrl-C.");
        stopped.await();
    }

    /**
     * Starts what the options ask for and prints how to connect.
     *
     * @return what to close to stop it
     */
    static AutoCloseable start(LauncherOptions options, PrintStream out) {
        return options.world() ? startWorld(options, out) : startServer(options, out);
    }

    private static AutoCloseable startServer(LauncherOptions o, PrintStream out) {
        SimulatedSqlServer.Builder b = SimulatedSqlServer.builder()
                .serverName(o.managedInstanceFlavor() ? "mi-simulator" : "SQLBOX01")
                .flavor(o.managedInstanceFlavor() ? Flavor.MANAGED_INSTANCE : Flavor.SQL_SERVER)
                .productVersion(o.version()).hadrEnabled(o.hadr()).login("sa", o.password(), true);
        o.sampleDatabase().ifPresent(db -> b.database(db, d -> d.recoveryFull().fullBackup().table("Orders",
                List.of("id", "item"), List.of(List.of(1, "apple"), List.of(2, "pear"), List.of(3, "plum")))));
        SimulatedSqlServer server = b.build();
        TdsServer tds = TdsServer.builder().engine(server.engine()).port(o.port()).serverName(server.serverName())
                .build().start();
        out.println(DISCLAIMER + ".");
        out.println("Simulated " + (o.managedInstanceFlavor() ? "Managed Instance endpoint" : "SQL Server " + o.version())
                + " '" + server.serverName() + "' on 127.0.0.1:" + tds.port() + (o.hadr() ? "" : " (HADR disabled)"));
        printConnect(out, tds.port());
        return tds;
    }

    private static AutoCloseable startWorld(LauncherOptions o, PrintStream out) {
        LinkedWorldBuilder b = LinkedWorld.builder().clock(Clock.systemUTC()).password(o.password()).sqlServerVersion(o.version())
                .hadrEnabled(o.hadr()).sqlServerPort(o.port()).managedInstancePort(o.port() == 0 ? 0 : o.port() + 1)
                .httpsArm(true);
        o.sampleDatabase().ifPresent(db -> b.sqlServerDatabase(db, d -> d.recoveryFull().fullBackup().table("Orders",
                List.of("id", "item"), List.of(List.of(1, "apple"), List.of(2, "pear"), List.of(3, "plum")))));
        LinkedWorld world = b.build().start();
        out.println(DISCLAIMER + ".");
        out.println("Simulated SQL Server 'SQLBOX01' on 127.0.0.1:" + world.sqlServerPort());
        printConnect(out, world.sqlServerPort());
        out.println("Simulated Managed Instance '" + world.managedInstanceFqdn() + "' SQL endpoint on 127.0.0.1:"
                + world.managedInstancePort());
        printConnect(out, world.managedInstancePort());
        out.println("Simulated ARM endpoint: " + world.armEndpoint() + " (self-signed certificate; subscription "
                + world.subscriptionId() + ", resource group " + world.resourceGroup() + ", instance "
                + world.managedInstanceName() + ")");
        return world;
    }

    private static void printConnect(PrintStream out, int port) {
        // The password stays where the user typed it: secrets are never echoed.
        out.println("  sqlcmd -S 127.0.0.1," + port + " -U sa -P <your --password> -C");
        out.println("  jdbc:sqlserver://127.0.0.1:" + port + ";user=sa;password=<your --password>;encrypt=false");
    }
}
