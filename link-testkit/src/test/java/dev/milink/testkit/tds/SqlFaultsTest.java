package dev.milink.testkit.tds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.microsoft.sqlserver.jdbc.SQLServerException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class SqlFaultsTest {

    private final TestEngine engine = new TestEngine();
    private TdsServer server;

    @BeforeEach
    void start() {
        server = TdsTestSupport.start(engine);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void errorFaultFiresTheConfiguredNumberOfTimes() throws Exception {
        SqlFault fault = server.faults().onStatement("(?i)create availability group").times(2)
                .error(1475, 16, 2, "Database is not ready");
        try (Connection c = TdsTestSupport.dataSource(server).getConnection(); Statement s = c.createStatement()) {
            for (int i = 0; i < 2; i++) {
                assertThatThrownBy(() -> s.execute("CREATE AVAILABILITY GROUP ag1"))
                        .isInstanceOfSatisfying(SQLServerException.class, e -> {
                            assertThat(e.getErrorCode()).isEqualTo(1475);
                            assertThat(e.getSQLServerError().getErrorSeverity()).isEqualTo(16);
                            assertThat(e.getSQLServerError().getErrorState()).isEqualTo(2);
                            assertThat(e.getMessage()).isEqualTo("Database is not ready");
                        });
            }
            assertThat(s.executeUpdate("CREATE AVAILABILITY GROUP ag1")).isZero();
        }
        assertThat(fault.fired()).isEqualTo(2);
        assertThat(fault.remaining()).isZero();
        assertThat(server.faults().firedCount()).isEqualTo(2);
    }

    @Test
    void faultsApplyToPreparedStatementText() throws Exception {
        server.faults().onStatement("UPDATE").times(3).error(547, 16, 0, "constraint");
        try (Connection c = TdsTestSupport.dataSource(server).getConnection();
                PreparedStatement ps = c.prepareStatement("UPDATE t SET x = ?")) {
            for (int i = 0; i < 3; i++) {
                ps.setInt(1, i);
                assertThatThrownBy(ps::executeUpdate).isInstanceOfSatisfying(SQLServerException.class,
                        e -> assertThat(e.getSQLState()).isEqualTo("23000"));
            }
            assertThat(ps.executeUpdate()).isEqualTo(3);
        }
    }

    @Test
    void droppedConnectionReports08S01() throws Exception {
        SqlFault drop = server.faults().onStatement("^SELECT 1$").dropConnection();
        try (Connection c = TdsTestSupport.dataSource(server).getConnection()) {
            assertThatThrownBy(() -> TdsConnectTest.selectOne(c)).isInstanceOfSatisfying(SQLException.class,
                    e -> assertThat(e.getSQLState()).isEqualTo("08S01"));
            assertThat(c.isClosed()).isTrue();
        }
        assertThat(drop.fired()).isEqualTo(1);
        try (Connection c = TdsTestSupport.dataSource(server).getConnection()) {
            assertThat(TdsConnectTest.selectOne(c)).isEqualTo(1);
        }
    }

    @Test
    void delayFaultDelaysThenRuns() throws Exception {
        server.faults().onStatement("SELECT 1").delay(Duration.ofMillis(200));
        try (Connection c = TdsTestSupport.dataSource(server).getConnection()) {
            long start = System.nanoTime();
            assertThat(TdsConnectTest.selectOne(c)).isEqualTo(1);
            assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isGreaterThanOrEqualTo(190);
        }
    }

    @Test
    void latencyAppliesToEveryStatement() throws Exception {
        server.latency(Duration.ofMillis(30));
        try (Connection c = TdsTestSupport.dataSource(server).getConnection()) {
            long start = System.nanoTime();
            for (int i = 0; i < 3; i++) {
                TdsConnectTest.selectOne(c);
            }
            assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isGreaterThanOrEqualTo(90);
            server.latency(Duration.ZERO);
            assertThat(server.latency()).isZero();
        }
    }

    @Test
    void loginFaultFailsOnceWithTheGivenNumber() throws Exception {
        SqlFault fault = server.faults().onLogin().times(1).error(18456, 14, 1, "Login failed for user 'sa'.");
        assertThatThrownBy(() -> TdsTestSupport.dataSource(server).getConnection())
                .isInstanceOfSatisfying(SQLServerException.class, e -> {
                    assertThat(e.getErrorCode()).isEqualTo(18456);
                    assertThat(e.getSQLServerError().getErrorSeverity()).isEqualTo(14);
                });
        assertThat(engine.logins).isEmpty();
        try (Connection c = TdsTestSupport.dataSource(server).getConnection()) {
            assertThat(TdsConnectTest.selectOne(c)).isEqualTo(1);
        }
        assertThat(fault.fired()).isEqualTo(1);
    }

    @Test
    void droppedLoginReports08S01() {
        server.faults().onLogin().dropConnection();
        assertThatThrownBy(() -> TdsTestSupport.dataSource(server).getConnection())
                .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("08S01"));
    }

    @Test
    void clearRemovesFaults() throws Exception {
        server.faults().onStatement(".*").always().error(50000, 16, 1, "nope");
        assertThat(server.faults().all()).hasSize(1);
        server.faults().clear();
        try (Connection c = TdsTestSupport.dataSource(server).getConnection()) {
            assertThat(TdsConnectTest.selectOne(c)).isEqualTo(1);
        }
        assertThat(server.faults().all()).isEmpty();
    }

    @Test
    void severeFaultClosesTheConnection() throws Exception {
        server.faults().onStatement("SELECT 1").error(3624, 20, 1, "assertion");
        try (Connection c = TdsTestSupport.dataSource(server).getConnection()) {
            assertThatThrownBy(() -> TdsConnectTest.selectOne(c)).isInstanceOfSatisfying(SQLServerException.class,
                    e -> assertThat(e.getErrorCode()).isEqualTo(3624));
            assertThat(c.isClosed()).isTrue();
        }
    }
}
