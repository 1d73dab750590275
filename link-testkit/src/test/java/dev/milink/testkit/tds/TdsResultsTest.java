package dev.milink.testkit.tds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.microsoft.sqlserver.jdbc.SQLServerException;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class TdsResultsTest {

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
    void everySqlTypeReadsBack() throws Exception {
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("SELECT ALL_TYPES")) {
            ResultSetMetaData md = rs.getMetaData();
            assertThat(md.getColumnCount()).isEqualTo(14);
            assertThat(md.getColumnTypeName(1)).isEqualTo("int");
            assertThat(md.getColumnTypeName(10)).isEqualTo("decimal");
            assertThat(md.getPrecision(10)).isEqualTo(38);
            assertThat(rs.next()).isTrue();
            assertThat(rs.getInt("int")).isEqualTo(Integer.MIN_VALUE);
            assertThat(rs.getLong("bigint")).isEqualTo(Long.MAX_VALUE);
            assertThat(rs.getShort("smallint")).isEqualTo((short) -32768);
            assertThat(rs.getInt("tinyint")).isEqualTo(255);
            assertThat(rs.getBoolean("bit")).isTrue();
            assertThat(rs.getString("nvarchar")).isEqualTo("héllo wörld");
            assertThat(rs.getString("nvarchar_max")).isEqualTo(TestEngine.LONG_TEXT);
            assertThat(rs.getBytes("varbinary")).containsExactly(1, 2, 3);
            assertThat(rs.getBytes("varbinary_max")).isEqualTo(TestEngine.BLOB);
            assertThat(rs.getBigDecimal("decimal")).isEqualByComparingTo(TestEngine.LSN);
            assertThat(rs.getDouble("float")).isEqualTo(3.141592653589793);
            assertThat(rs.getObject("datetime2", LocalDateTime.class)).isEqualTo(TestEngine.WHEN);
            assertThat(rs.getObject("datetimeoffset", OffsetDateTime.class)).isEqualTo(TestEngine.WHEN_OFFSET);
            assertThat(rs.getObject("uniqueidentifier", UUID.class)).isEqualTo(TestEngine.GUID);
            assertThat(rs.getString("uniqueidentifier")).isEqualToIgnoringCase(TestEngine.GUID.toString());
            assertThat(rs.next()).isTrue();
            for (int i = 1; i <= 14; i++) {
                assertThat(rs.getObject(i)).as("column %d", i).isNull();
            }
            assertThat(rs.next()).isFalse();
        }
    }

    @Test
    void updateCountsAndDdl() throws Exception {
        try (Statement s = connection.createStatement()) {
            assertThat(s.executeUpdate("UPDATE t SET x = 1")).isEqualTo(3);
            assertThat(s.executeUpdate("CREATE TABLE t (x int)")).isZero();
            assertThat(s.execute("UPDATE t SET x = 2")).isFalse();
            assertThat(s.getUpdateCount()).isEqualTo(3);
        }
    }

    @Test
    void multipleResultsWalkWithGetMoreResults() throws Exception {
        try (Statement s = connection.createStatement()) {
            assertThat(s.execute("MULTI")).isTrue();
            try (ResultSet rs = s.getResultSet()) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getInt(1)).isEqualTo(1);
                assertThat(rs.next()).isTrue();
                assertThat(rs.next()).isFalse();
            }
            assertThat(s.getMoreResults()).isFalse();
            assertThat(s.getUpdateCount()).isEqualTo(2);
            assertThat(s.getMoreResults()).isTrue();
            try (ResultSet rs = s.getResultSet()) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("z");
            }
            assertThat(s.getMoreResults()).isFalse();
            assertThat(s.getUpdateCount()).isEqualTo(-1);
        }
    }

    @Test
    void errorCarriesNumberStateAndSeverity() throws Exception {
        try (Statement s = connection.createStatement()) {
            assertThatThrownBy(() -> s.execute("FAIL 1475 16 3")).isInstanceOfSatisfying(SQLServerException.class, e -> {
                assertThat(e.getErrorCode()).isEqualTo(1475);
                assertThat(e.getSQLState()).isEqualTo("S0003");
                assertThat(e.getSQLServerError().getErrorSeverity()).isEqualTo(16);
                assertThat(e.getSQLServerError().getErrorState()).isEqualTo(3);
                assertThat(e.getSQLServerError().getServerName()).isEqualTo("milink-tds");
                assertThat(e.getMessage()).isEqualTo("failure FAIL 1475 16 3");
            });
            assertThatThrownBy(() -> s.executeQuery("FAIL 2627")).isInstanceOfSatisfying(SQLServerException.class,
                    e -> assertThat(e.getSQLState()).isEqualTo("23000"));
        }
        assertThat(TdsConnectTest.selectOne(connection)).isEqualTo(1);
    }

    @Test
    void engineExceptionBecomesAnErrorAndTheConnectionSurvives() throws Exception {
        try (Statement s = connection.createStatement()) {
            assertThatThrownBy(() -> s.execute("THROW")).isInstanceOfSatisfying(SQLServerException.class,
                    e -> assertThat(e.getErrorCode()).isEqualTo(50000));
        }
        assertThat(TdsConnectTest.selectOne(connection)).isEqualTo(1);
    }

    @Test
    void fatalSeverityClosesTheConnection() throws Exception {
        try (Statement s = connection.createStatement()) {
            assertThatThrownBy(() -> s.execute("FAIL 50001 20")).isInstanceOfSatisfying(SQLServerException.class,
                    e -> assertThat(e.getErrorCode()).isEqualTo(50001));
        }
        assertThat(connection.isClosed()).isTrue();
    }

    @Test
    void infoMessagesBecomeWarnings() throws Exception {
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("PRINT hello there")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getInt(1)).isEqualTo(7);
            SQLWarning warning = s.getWarnings();
            assertThat((Object) warning).isNotNull();
            assertThat(warning.getMessage()).isEqualTo("hello there");
        }
    }

    @Test
    void useSendsDatabaseChange() throws Exception {
        assertThat(connection.getCatalog()).isEqualTo("appdb");
        try (Statement s = connection.createStatement()) {
            s.execute("USE otherdb");
        }
        assertThat(connection.getCatalog()).isEqualTo("otherdb");
        connection.setCatalog("third");
        assertThat(connection.getCatalog()).isEqualTo("third");
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("SELECT DB_NAME()")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("third");
        }
    }

    @Test
    void transactionChatterIsAnswered() throws Exception {
        connection.setAutoCommit(false);
        assertThat(TdsConnectTest.selectOne(connection)).isEqualTo(1);
        connection.commit();
        connection.rollback();
        connection.setAutoCommit(true);
        assertThat(server.journal().statements()).contains("set implicit_transactions on ");
    }

    @Test
    void decimalScaleFollowsTheValues() throws Exception {
        try (java.sql.PreparedStatement ps = connection.prepareStatement("ECHO ?, ?")) {
            ps.setBigDecimal(1, new BigDecimal("-12.345"));
            ps.setBigDecimal(2, new BigDecimal("99999999999999999999999999999999999999"));
            try (ResultSet rs = ps.executeQuery()) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getBigDecimal(1)).isEqualByComparingTo("-12.345");
                assertThat(rs.getBigDecimal(2)).isEqualByComparingTo("99999999999999999999999999999999999999");
            }
        }
    }
}
