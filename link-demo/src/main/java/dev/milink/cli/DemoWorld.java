package dev.milink.cli;

import dev.milink.demo.SimulatedEnvironment;
import dev.milink.testkit.world.LinkedWorld;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The world of {@code milink demo}: a simulated SQL Server 2022 holding {@code SalesDb.dbo.Orders} with real
 * rows and a simulated Managed Instance, on loopback, running on the system clock. Test doubles, not SQL Server
 * and not Azure.
 */
final class DemoWorld {

    /** The demo's database. */
    static final String DATABASE = "SalesDb";
    /** Its table. */
    static final String TABLE = "Orders";
    /** Rows in the table before the link exists. */
    static final int INITIAL_ROWS = 500;
    /** What seeding transfers, and how fast: a few seconds of real time. */
    private static final long SIZE_BYTES = 192L << 20;
    private static final long SEEDING_BYTES_PER_SECOND = 64L << 20;

    private DemoWorld() {
    }

    /** @return a started environment: the world plus milink's real adapters wired to it */
    static SimulatedEnvironment start() {
        List<List<Object>> rows = new ArrayList<>();
        String[] items = {"keyboard", "monitor", "dock", "headset", "webcam"};
        for (int i = 1; i <= INITIAL_ROWS; i++) {
            rows.add(List.of(i, items[i % items.length]));
        }
        LinkedWorld world = LinkedWorld.builder().clock(Clock.systemUTC())
                .sqlServerDatabase(DATABASE, d -> d.recoveryFull().fullBackup().logFiles(1).sizeBytes(SIZE_BYTES)
                        .table(TABLE, List.of("id", "item"), rows))
                .seedingBytesPerSecond(SEEDING_BYTES_PER_SECOND).replicationDelay(Duration.ofMillis(200))
                .build().start();
        try {
            return SimulatedEnvironment.of(world);
        } catch (RuntimeException e) {
            world.close();
            throw e;
        }
    }

    /**
     * @param env the environment
     * @return the rows of the Orders table on whichever side takes writes now, read over JDBC
     * @throws SQLException when the read fails
     */
    static long rowsOnPrimary(SimulatedEnvironment env) throws SQLException {
        try (Connection c = env.world().primaryDataSource(DATABASE).getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + TABLE)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /**
     * An application writing orders in a background thread until stopped.
     */
    static final class Writer implements AutoCloseable {
        private final dev.milink.testkit.world.Workload workload;
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final Thread thread;

        /** @param env the environment whose primary receives the writes */
        Writer(SimulatedEnvironment env) {
            this.workload = env.world().workload(DATABASE, TABLE);
            this.thread = new Thread(() -> {
                while (running.get()) {
                    workload.run(5);
                }
            }, "milink-demo-workload");
            thread.setDaemon(true);
            thread.start();
        }

        /**
         * Stops writing and waits for the last transaction.
         *
         * @return transactions committed
         * @throws InterruptedException when interrupted while waiting
         */
        int stop() throws InterruptedException {
            running.set(false);
            thread.join(Duration.ofSeconds(10).toMillis());
            if (thread.isAlive()) {
                throw new IllegalStateException("the workload did not stop within 10 s");
            }
            return workload.committed();
        }

        /** @return statements that failed */
        int failures() {
            return workload.failures().size();
        }

        @Override
        public void close() {
            running.set(false);
        }
    }
}
