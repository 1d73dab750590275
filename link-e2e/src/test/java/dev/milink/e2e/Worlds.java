package dev.milink.e2e;

import dev.milink.demo.SimulatedEnvironment;
import dev.milink.LinkPlan;
import dev.milink.core.LinkRun;
import dev.milink.testkit.world.LinkedWorld;
import dev.milink.testkit.world.LinkedWorldBuilder;
import dev.milink.testkit.world.SimulatedClock;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.function.Consumer;
import javax.sql.DataSource;

/** Shared set-ups of the linked simulator world for the end-to-end, reliability and security suites. */
final class Worlds {

    static final String DB = "SalesDb";

    private Worlds() {
    }

    /** @return SQL Server holding SalesDb (64 MiB, seeds in 8 simulated seconds), two-way DR capable */
    static SimulatedEnvironment sqlPrimary() {
        return sqlPrimary(b -> { });
    }

    static SimulatedEnvironment sqlPrimary(Consumer<LinkedWorldBuilder> customizer) {
        LinkedWorldBuilder b = LinkedWorld.builder().clock(SimulatedClock.standard())
                .sqlServerDatabase(DB, d -> d.recoveryFull().fullBackup().logFiles(1).sizeBytes(64L << 20))
                .seedingBytesPerSecond(8L << 20);
        customizer.accept(b);
        return SimulatedEnvironment.of(b.build().start());
    }

    static String failure(LinkRun run) {
        return run.failure().map(e -> e.getClass().getSimpleName() + ": " + e.getMessage()).orElse("(no failure)");
    }

    static LinkRun succeed(SimulatedEnvironment env, LinkPlan plan) {
        return env.runner().run(plan).orThrow();
    }

    static long count(DataSource ds, String sql) {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    static long workloadRows(DataSource ds) {
        return count(ds, "SELECT COUNT(*) FROM " + DB + ".dbo.milink_workload");
    }
}
