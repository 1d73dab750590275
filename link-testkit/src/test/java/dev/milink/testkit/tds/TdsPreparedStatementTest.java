package dev.milink.testkit.tds;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.sqlserver.jdbc.SQLServerDataSource;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class TdsPreparedStatementTest {

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
    void executesViaExecuteSqlThenPrepExecThenExecute() throws Exception {
        try (Connection c = TdsTestSupport.dataSource(server).getConnection();
                PreparedStatement ps = c.prepareStatement("ECHO ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?")) {
            for (int run = 0; run < 4; run++) {
                ps.setString(1, "ag" + run);
                ps.setInt(2, 7 + run);
                ps.setLong(3, 1L << 40);
                ps.setBoolean(4, true);
                ps.setBigDecimal(5, new BigDecimal("12.34"));
                ps.setDouble(6, 2.5);
                ps.setBytes(7, TestEngine.BLOB);
                ps.setTimestamp(8, Timestamp.valueOf(TestEngine.WHEN));
                ps.setObject(9, TestEngine.WHEN_OFFSET);
                ps.setObject(10, TestEngine.GUID);
                ps.setNull(11, Types.VARCHAR);
                ps.setString(12, TestEngine.LONG_TEXT);
                ps.setNull(13, Types.INTEGER);
                try (ResultSet rs = ps.executeQuery()) {
                    assertThat(rs.next()).isTrue();
                    assertThat(rs.getString(1)).isEqualTo("ag" + run);
                    assertThat(rs.getInt(2)).isEqualTo(7 + run);
                    assertThat(rs.getLong(3)).isEqualTo(1L << 40);
                    assertThat(rs.getBoolean(4)).isTrue();
                    assertThat(rs.getBigDecimal(5)).isEqualByComparingTo("12.34");
                    assertThat(rs.getDouble(6)).isEqualTo(2.5);
                    assertThat(rs.getBytes(7)).isEqualTo(TestEngine.BLOB);
                    assertThat(rs.getObject(8, LocalDateTime.class)).isEqualTo(TestEngine.WHEN);
                    assertThat(rs.getObject(9, OffsetDateTime.class)).isEqualTo(TestEngine.WHEN_OFFSET);
                    assertThat(rs.getObject(10, UUID.class)).isEqualTo(TestEngine.GUID);
                    assertThat(rs.getString(11)).isNull();
                    assertThat(rs.getString(12)).isEqualTo(TestEngine.LONG_TEXT);
                    assertThat(rs.getObject(13)).isNull();
                }
            }
        }
        List<Object> last = engine.parameters.get(engine.parameters.size() - 1);
        assertThat(last.get(0)).isEqualTo("ag3");
        assertThat(last.get(1)).isEqualTo(10);
        assertThat(last.get(2)).isEqualTo(1L << 40);
        assertThat(last.get(3)).isEqualTo(true);
        assertThat(last.get(4)).isEqualTo(new BigDecimal("12.34"));
        assertThat(last.get(5)).isEqualTo(2.5);
        assertThat(last.get(6)).isEqualTo(TestEngine.BLOB);
        assertThat(last.get(7)).isEqualTo(TestEngine.WHEN);
        assertThat(last.get(8)).isEqualTo(TestEngine.WHEN_OFFSET);
        assertThat(last.get(9)).isEqualTo(TestEngine.GUID);
        assertThat(last.get(10)).isNull();
        assertThat(last.get(11)).isEqualTo(TestEngine.LONG_TEXT);
        assertThat(last.get(12)).isNull();
        assertThat(rpcProcedures()).containsExactly("sp_executesql", "sp_prepexec", "sp_execute", "sp_execute");
        assertThat(server.journal().count(e -> e.kind() == StatementJournal.Kind.RPC && e.parameterCount() == 13))
                .isEqualTo(4);
        assertThat(server.journal().statements()).allMatch(s -> s.startsWith("ECHO @P0, @P1"));
        assertThat(server.journal().roundTrips()).isEqualTo(4);
    }

    @Test
    void preparedUpdateCounts() throws Exception {
        try (Connection c = TdsTestSupport.dataSource(server).getConnection();
                PreparedStatement ps = c.prepareStatement("UPDATE t SET x = ? WHERE y = ?")) {
            for (int i = 0; i < 3; i++) {
                ps.setString(1, "v");
                ps.setInt(2, i);
                assertThat(ps.executeUpdate()).isEqualTo(3);
            }
        }
        assertThat(rpcProcedures()).containsExactly("sp_executesql", "sp_prepexec", "sp_execute");
    }

    @Test
    void prepareMethodNoneSendsBatchesWithLiterals() throws Exception {
        SQLServerDataSource ds = TdsTestSupport.dataSource(server);
        ds.setPrepareMethod("none");
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement("UPDATE t SET n = ? WHERE s = ?")) {
            for (int i = 0; i < 3; i++) {
                ps.setInt(1, 7);
                ps.setString(2, "ag1");
                assertThat(ps.executeUpdate()).isEqualTo(3);
            }
        }
        assertThat(server.journal().count(e -> e.kind() == StatementJournal.Kind.RPC)).isZero();
        assertThat(server.journal().statements()).hasSize(3)
                .allSatisfy(s -> assertThat(s).contains("7").contains("N'ag1'"));
    }

    @Test
    void prepareMethodPrepareUsesSpPrepare() throws Exception {
        SQLServerDataSource ds = TdsTestSupport.dataSource(server);
        ds.setPrepareMethod("prepare");
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement("UPDATE t SET n = ?")) {
            for (int i = 0; i < 3; i++) {
                ps.setInt(1, i);
                assertThat(ps.executeUpdate()).isEqualTo(3);
            }
        }
        assertThat(rpcProcedures()).contains("sp_prepare", "sp_execute");
    }

    @Test
    void discardedHandlesAreUnprepared() throws Exception {
        SQLServerDataSource ds = TdsTestSupport.dataSource(server);
        ds.setServerPreparedStatementDiscardThreshold(1);
        ds.setStatementPoolingCacheSize(0);
        try (Connection c = ds.getConnection()) {
            for (int n = 0; n < 3; n++) {
                try (PreparedStatement ps = c.prepareStatement("UPDATE t" + n + " SET x = ?")) {
                    for (int i = 0; i < 2; i++) {
                        ps.setInt(1, i);
                        ps.executeUpdate();
                    }
                }
            }
            assertThat(TdsConnectTest.selectOne(c)).isEqualTo(1);
        }
        boolean unprepared = server.journal().entries().stream().anyMatch(e ->
                "sp_unprepare".equals(e.procedure()) || e.text().contains("sp_unprepare"));
        assertThat(unprepared).isTrue();
    }

    @Test
    void batchedPreparedUpdates() throws Exception {
        try (Connection c = TdsTestSupport.dataSource(server).getConnection();
                PreparedStatement ps = c.prepareStatement("UPDATE t SET x = ?")) {
            for (int i = 0; i < 5; i++) {
                ps.setInt(1, i);
                ps.addBatch();
            }
            assertThat(ps.executeBatch()).containsExactly(3, 3, 3, 3, 3);
        }
    }

    @Test
    void callEscapeReachesTheEngineAsExecText() throws Exception {
        try (Connection c = TdsTestSupport.dataSource(server).getConnection();
                java.sql.CallableStatement cs = c.prepareCall("{call dbo.report_status(?, ?)}")) {
            cs.setString(1, "ag1");
            cs.setInt(2, 42);
            try (ResultSet rs = cs.executeQuery()) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("EXEC dbo.report_status @P0, @P1");
                assertThat(rs.getString(2)).isEqualTo("ag1");
                assertThat(rs.getInt(3)).isEqualTo(42);
            }
        }
        // Without OUTPUT parameters the driver wraps the call in sp_executesql rather than an RPC by name.
        assertThat(server.journal().entries()).anySatisfy(e -> {
            assertThat(e.procedure()).isEqualTo("sp_executesql");
            assertThat(e.text()).isEqualTo("EXEC dbo.report_status @P0, @P1");
            assertThat(e.parameterCount()).isEqualTo(2);
        });
    }

    private List<String> rpcProcedures() {
        List<String> procs = new ArrayList<>();
        server.journal().entries().stream().filter(e -> e.kind() == StatementJournal.Kind.RPC)
                .forEach(e -> procs.add(e.procedure()));
        return procs;
    }
}
