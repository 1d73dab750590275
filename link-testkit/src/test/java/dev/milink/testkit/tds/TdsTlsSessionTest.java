package dev.milink.testkit.tds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLTimeoutException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The whole request path again, with the session inside TLS. */
@Timeout(30)
class TdsTlsSessionTest {

    @Test
    void preparedStatementsAndTimeoutsWorkOverTls() throws Exception {
        TestEngine engine = new TestEngine();
        try (TdsServer server = TdsTestSupport.startTls(engine);
                Connection c = TdsTestSupport.dataSource(server, true).getConnection()) {
            try (PreparedStatement ps = c.prepareStatement("ECHO ?, ?")) {
                for (int i = 0; i < 3; i++) {
                    ps.setString(1, TestEngine.LONG_TEXT);
                    ps.setBytes(2, TestEngine.BLOB);
                    try (ResultSet rs = ps.executeQuery()) {
                        assertThat(rs.next()).isTrue();
                        assertThat(rs.getString(1)).isEqualTo(TestEngine.LONG_TEXT);
                        assertThat(rs.getBytes(2)).isEqualTo(TestEngine.BLOB);
                    }
                }
            }
            server.faults().onStatement("HANG").hangUntilCancelled();
            try (Statement s = c.createStatement()) {
                s.setQueryTimeout(1);
                assertThatThrownBy(() -> s.execute("HANG")).isInstanceOf(SQLTimeoutException.class);
            }
            assertThat(TdsConnectTest.selectOne(c)).isEqualTo(1);
        }
    }
}
