package dev.milink.testkit.tds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.microsoft.sqlserver.jdbc.SQLServerDataSource;
import com.microsoft.sqlserver.jdbc.SQLServerException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class TdsConnectTest {

    private final TestEngine engine = new TestEngine();

    @Test
    void selectOneWithoutEncryption() throws Exception {
        try (TdsServer server = TdsTestSupport.start(engine);
                Connection c = TdsTestSupport.dataSource(server).getConnection()) {
            assertThat(selectOne(c)).isEqualTo(1);
            assertThat(c.getCatalog()).isEqualTo("appdb");
            assertThat(c.getMetaData().getDatabaseProductVersion()).startsWith("16.");
            assertThat(c.isValid(2)).isTrue();
        }
    }

    @Test
    void selectOneWithTlsInsidePrelogin() throws Exception {
        try (TdsServer server = TdsTestSupport.startTls(engine);
                Connection c = TdsTestSupport.dataSource(server, true).getConnection()) {
            assertThat(selectOne(c)).isEqualTo(1);
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT ALL_TYPES")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString("nvarchar_max")).isEqualTo(TestEngine.LONG_TEXT);
            }
        }
    }

    @Test
    void tlsServerStillServesPlainClients() throws Exception {
        try (TdsServer server = TdsTestSupport.startTls(engine);
                Connection c = TdsTestSupport.dataSource(server, false).getConnection()) {
            assertThat(selectOne(c)).isEqualTo(1);
        }
    }

    @Test
    void encryptingClientIsRefusedByPlainServer() {
        try (TdsServer server = TdsTestSupport.start(engine)) {
            assertThatThrownBy(() -> TdsTestSupport.dataSource(server, true).getConnection().close())
                    .isInstanceOf(SQLServerException.class)
                    .hasMessageContaining("encryption");
        }
    }

    @Test
    void wrongPasswordFailsWith18456AndTheJournalKeepsNoPassword() {
        try (TdsServer server = TdsTestSupport.start(engine)) {
            SQLServerDataSource ds = TdsTestSupport.dataSource(server);
            ds.setPassword("wrong-Pa55");
            assertThatThrownBy(ds::getConnection).isInstanceOfSatisfying(SQLServerException.class, e -> {
                assertThat(e.getErrorCode()).isEqualTo(18456);
                assertThat(e.getSQLServerError().getErrorSeverity()).isEqualTo(14);
                assertThat(e.getMessage()).contains("Login failed for user 'sa'");
            });
            assertThat(engine.logins).singleElement().satisfies(l -> assertThat(l.password()).isEqualTo("wrong-Pa55"));
            assertThat(server.journal().entries()).singleElement().satisfies(e -> {
                assertThat(e.kind()).isEqualTo(StatementJournal.Kind.LOGIN);
                assertThat(e.text()).isEqualTo("user=sa;database=appdb;application=tds-tests");
                assertThat(e.toString()).doesNotContain("wrong-Pa55");
            });
        }
    }

    @Test
    void passwordIsUnscrambledForTheEngine() throws Exception {
        try (TdsServer server = TdsTestSupport.start(engine);
                Connection c = TdsTestSupport.dataSource(server).getConnection()) {
            assertThat(engine.logins).singleElement().satisfies(l -> {
                assertThat(l.user()).isEqualTo("sa");
                assertThat(l.password()).isEqualTo(TestEngine.PASSWORD);
                assertThat(l.database()).isEqualTo("appdb");
                assertThat(l.applicationName()).isEqualTo("tds-tests");
            });
            assertThat(server.journal().entries().toString()).doesNotContain(TestEngine.PASSWORD);
        }
    }

    @Test
    void closingTheServerClosesSessions() throws Exception {
        TdsServer server = TdsTestSupport.start(engine);
        Connection c = TdsTestSupport.dataSource(server).getConnection();
        assertThat(selectOne(c)).isEqualTo(1);
        assertThat(server.connectionCount()).isEqualTo(1);
        server.close();
        assertThatThrownBy(() -> selectOne(c)).isInstanceOf(SQLException.class);
        assertThat(engine.openSessions.get()).isZero();
        c.close();
    }

    static int selectOne(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT 1")) {
            assertThat(rs.next()).isTrue();
            int v = rs.getInt(1);
            assertThat(rs.next()).isFalse();
            return v;
        }
    }
}
