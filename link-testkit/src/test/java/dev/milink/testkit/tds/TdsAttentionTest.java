package dev.milink.testkit.tds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.microsoft.sqlserver.jdbc.SQLServerException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLTimeoutException;
import java.sql.Statement;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class TdsAttentionTest {

    private final TestEngine engine = new TestEngine();
    private TdsServer server;
    private Connection connection;

    @BeforeEach
    void connect() throws Exception {
        server = TdsTestSupport.start(engine);
        connection = TdsTestSupport.dataSource(server).getConnection();
    }

    @AfterEach
    void close() throws Exception {
        connection.close();
        server.close();
    }

    @Test
    void queryTimeoutOnHangingStatementLeavesConnectionUsable() throws Exception {
        SqlFault hang = server.faults().onStatement("(?i)^HANG").hangUntilCancelled();
        long start = System.nanoTime();
        try (Statement s = connection.createStatement()) {
            s.setQueryTimeout(1);
            assertThatThrownBy(() -> s.execute("HANG here")).isInstanceOf(SQLTimeoutException.class)
                    .hasMessageContaining("timed out");
        }
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isBetween(900L, 5_000L);
        assertThat(hang.fired()).isEqualTo(1);
        assertThat(TdsConnectTest.selectOne(connection)).isEqualTo(1);
        assertThat(connection.isValid(2)).isTrue();
        assertThat(server.journal().count(e -> e.kind() == StatementJournal.Kind.ATTENTION)).isEqualTo(1);
    }

    @Test
    void queryTimeoutOnPreparedStatement() throws Exception {
        server.faults().onStatement("HANG").times(2).hangUntilCancelled();
        try (PreparedStatement ps = connection.prepareStatement("HANG ?")) {
            ps.setQueryTimeout(1);
            ps.setInt(1, 1);
            assertThatThrownBy(ps::executeQuery).isInstanceOf(SQLTimeoutException.class).hasMessageContaining("timed out");
        }
        assertThat(TdsConnectTest.selectOne(connection)).isEqualTo(1);
    }

    @Test
    void cancelFromAnotherThreadStopsTheRunningStatement() throws Exception {
        try (Statement s = connection.createStatement()) {
            CompletableFuture<Void> canceller = CompletableFuture.runAsync(() -> {
                try {
                    // Wait until the statement reached the server, then cancel it.
                    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
                    while (server.journal().count(e -> e.text().equals("WAIT_FOR_CANCEL")) == 0
                            && System.nanoTime() < deadline) {
                        Thread.sleep(5);
                    }
                    Thread.sleep(50);
                    s.cancel();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            assertThatThrownBy(() -> s.executeQuery("WAIT_FOR_CANCEL")).isInstanceOf(SQLServerException.class)
                    .hasMessageContaining("canceled");
            canceller.get(5, TimeUnit.SECONDS);
        }
        assertThat(engine.cancelledStatements.get()).isEqualTo(1);
        assertThat(TdsConnectTest.selectOne(connection)).isEqualTo(1);
    }

    @Test
    void cancelWhenNothingRunsIsHarmless() throws Exception {
        try (Statement s = connection.createStatement()) {
            s.cancel();
            assertThat(TdsConnectTest.selectOne(connection)).isEqualTo(1);
        }
    }
}
