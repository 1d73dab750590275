package dev.milink.testkit.junit;

import static org.assertj.core.api.Assertions.assertThat;

import com.azure.resourcemanager.sql.SqlServerManager;
import dev.milink.testkit.world.LinkedWorld;
import dev.milink.testkit.world.LinkedWorldBuilder;
import dev.milink.testkit.world.SimulatedClock;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
@MilinkSimulators(configurer = LinkedWorldExtensionTest.SalesDb.class, httpsArm = true)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LinkedWorldExtensionTest {

    static final List<LinkedWorld> SEEN = new ArrayList<>();

    /** The configuration under test. */
    public static final class SalesDb implements WorldConfigurer {
        @Override
        public void configure(LinkedWorldBuilder builder) {
            builder.sqlServerDatabase("SalesDb", d -> d.recoveryFull().fullBackup().table("Orders", List.of("id")));
        }
    }

    static Object scalar(DataSource ds, String sql) throws SQLException {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getObject(1);
        }
    }

    @Test
    @Order(1)
    void injectsBothEndpointsTheArmClientAndTheClock(LinkedWorld world, DataSource sqlServer,
            @ManagedInstanceEndpoint DataSource mi, SqlServerManager manager, SimulatedClock clock) throws SQLException {
        SEEN.add(world);
        assertThat(scalar(sqlServer, "SELECT @@SERVERNAME")).isEqualTo("SQLBOX01");
        assertThat(scalar(sqlServer, "SELECT COUNT(*) FROM sys.databases WHERE name = 'SalesDb'")).isEqualTo(1);
        assertThat(scalar(mi, "SELECT SERVERPROPERTY('EngineEdition')")).isEqualTo(8);
        assertThat(world.armEndpoint()).startsWith("https://localhost:");
        assertThat(manager.serviceClient().getManagedInstances().getByResourceGroup(world.resourceGroup(),
                world.managedInstanceName()).fullyQualifiedDomainName()).isEqualTo(world.managedInstanceFqdn());
        clock.advance(Duration.ofHours(1));
        assertThat(world.clock().instant()).isEqualTo(SimulatedClock.standard().instant().plus(Duration.ofHours(1)));
    }

    @Test
    @Order(2)
    void everyTestGetsAFreshWorld(LinkedWorld world) {
        SEEN.add(world);
        assertThat(SEEN).hasSize(2).doesNotHaveDuplicates();
        assertThat(world.clock().instant()).isEqualTo(SimulatedClock.standard().instant());
    }

    @AfterAll
    static void worldsWereClosed() {
        assertThat(SEEN).allSatisfy(w -> assertThat(w.sqlServerTds().connectionCount()).isZero());
    }

    @Nested
    @MilinkSimulators(scope = MilinkSimulators.Scope.PER_CLASS)
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    class PerClass {
        static LinkedWorld first;

        @Test
        @Order(1)
        void first(LinkedWorld world) {
            first = world;
        }

        @Test
        @Order(2)
        void sameWorld(LinkedWorld world) {
            assertThat(world).isSameAs(first);
        }
    }
}
