package dev.milink.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.milink.testkit.junit.MilinkSimulators;
import dev.milink.testkit.junit.WorldConfigurer;
import dev.milink.testkit.world.LinkedWorldBuilder;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * How you test your own tool against milink's simulators: {@code @MilinkSimulators} starts a simulated SQL
 * Server (and Managed Instance) per test and injects a {@link DataSource} that the real mssql-jdbc driver uses.
 */
@MilinkSimulators(configurer = MyToolTest.SalesDb.class)
class MyToolTest {

    /** The world this test needs: SalesDb with two orders. */
    public static final class SalesDb implements WorldConfigurer {
        @Override
        public void configure(LinkedWorldBuilder b) {
            b.sqlServerDatabase("SalesDb", d -> d.recoveryFull().fullBackup()
                    .table("Orders", List.of("id", "item"), List.of(List.of(1, "dock"), List.of(2, "webcam"))));
        }
    }

    /** The tool under test: reports whether a database is ready for a link. */
    static boolean readyForLink(DataSource sqlServer, String database) throws Exception {
        try (Connection c = sqlServer.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT recovery_model_desc FROM sys.databases WHERE name = N'"
                        + database.replace("'", "''") + "'")) {
            return rs.next() && "FULL".equals(rs.getString(1));
        }
    }

    @Test
    void salesDbIsReadyForALink(DataSource sqlServer) throws Exception {
        assertTrue(readyForLink(sqlServer, "SalesDb"));
    }

    @Test
    void ordersAreReadableThroughTheRealDriver(DataSource sqlServer) throws Exception {
        try (Connection c = sqlServer.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM SalesDb.dbo.Orders")) {
            rs.next();
            assertEquals(2, rs.getInt(1));
        }
    }
}
