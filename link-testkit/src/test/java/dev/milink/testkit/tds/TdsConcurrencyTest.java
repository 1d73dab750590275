package dev.milink.testkit.tds;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.sqlserver.jdbc.SQLServerConnectionPoolDataSource;
import com.microsoft.sqlserver.jdbc.SQLServerDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.PooledConnection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class TdsConcurrencyTest {

    private static final int CONNECTIONS = 50;
    private static final int QUERIES = 20;

    private final TestEngine engine = new TestEngine();

    @Test
    void fiftyConnectionsAtOnce() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(CONNECTIONS);
        try (TdsServer server = TdsTestSupport.start(engine)) {
            SQLServerDataSource ds = TdsTestSupport.dataSource(server);
            CountDownLatch allConnected = new CountDownLatch(CONNECTIONS);
            List<Future<Integer>> results = new ArrayList<>();
            for (int i = 0; i < CONNECTIONS; i++) {
                int id = i;
                results.add(pool.submit(() -> {
                    try (Connection c = ds.getConnection()) {
                        allConnected.countDown();
                        assertThat(allConnected.await(20, TimeUnit.SECONDS)).isTrue();
                        int sum = 0;
                        try (PreparedStatement ps = c.prepareStatement("ECHO ?")) {
                            for (int q = 0; q < QUERIES; q++) {
                                ps.setInt(1, id * 1000 + q);
                                try (ResultSet rs = ps.executeQuery()) {
                                    rs.next();
                                    assertThat(rs.getInt(1)).isEqualTo(id * 1000 + q);
                                }
                                sum += TdsConnectTest.selectOne(c);
                            }
                        }
                        return sum;
                    }
                }));
            }
            for (Future<Integer> f : results) {
                assertThat(f.get(30, TimeUnit.SECONDS)).isEqualTo(QUERIES);
            }
            StatementJournal journal = server.journal();
            assertThat(journal.roundTrips()).isEqualTo(2L * CONNECTIONS * QUERIES);
            assertThat(journal.count(e -> e.kind() == StatementJournal.Kind.LOGIN)).isEqualTo(CONNECTIONS);
            assertThat(journal.entries().stream().map(StatementJournal.Entry::connectionId).distinct().count())
                    .isEqualTo(CONNECTIONS);
            List<StatementJournal.Entry> entries = journal.entries();
            for (int i = 1; i < entries.size(); i++) {
                assertThat(entries.get(i).sequence()).isGreaterThan(entries.get(i - 1).sequence());
            }
            journal.clear();
            assertThat(journal.entries()).isEmpty();
            assertThat(journal.roundTrips()).isZero();
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void pooledReuseResetsTheSession() throws Exception {
        try (TdsServer server = TdsTestSupport.start(engine)) {
            SQLServerConnectionPoolDataSource ds = new SQLServerConnectionPoolDataSource();
            ds.setServerName("127.0.0.1");
            ds.setPortNumber(server.port());
            ds.setUser(TestEngine.USER);
            ds.setPassword(TestEngine.PASSWORD);
            ds.setDatabaseName("appdb");
            ds.setEncrypt("false");
            ds.setLoginTimeout(5);
            PooledConnection pooled = ds.getPooledConnection();
            try {
                try (Connection c = pooled.getConnection(); Statement s = c.createStatement()) {
                    s.execute("USE otherdb");
                    assertThat(c.getCatalog()).isEqualTo("otherdb");
                }
                try (Connection c = pooled.getConnection()) {
                    assertThat(TdsConnectTest.selectOne(c)).isEqualTo(1);
                    assertThat(engine.resets.get()).isEqualTo(1);
                    assertThat(c.getCatalog()).isEqualTo("appdb");
                }
            } finally {
                pooled.close();
            }
        }
    }
}
