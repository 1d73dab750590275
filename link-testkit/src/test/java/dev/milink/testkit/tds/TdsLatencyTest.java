package dev.milink.testkit.tds;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.sqlserver.jdbc.SQLServerDataSource;
import java.sql.Connection;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.slf4j.LoggerFactory;

/**
 * A coarse guard on the double's own overhead (the real benchmark lives elsewhere): thresholds are
 * generous multiples of the targets so a loaded CI machine does not flake, yet an accidental per-packet
 * sleep or Nagle delay (40 ms) would fail it.
 */
@Timeout(60)
class TdsLatencyTest {

    @Test
    void connectAndStatementOverheadStaySmall() throws Exception {
        TestEngine engine = new TestEngine();
        try (TdsServer server = TdsTestSupport.start(engine)) {
            SQLServerDataSource ds = TdsTestSupport.dataSource(server);
            for (int i = 0; i < 30; i++) { // warm up
                try (Connection c = ds.getConnection()) {
                    TdsConnectTest.selectOne(c);
                }
            }
            long[] connect = new long[30];
            for (int i = 0; i < connect.length; i++) {
                long start = System.nanoTime();
                try (Connection c = ds.getConnection()) {
                    TdsConnectTest.selectOne(c);
                }
                connect[i] = System.nanoTime() - start;
            }
            long[] statement = new long[300];
            try (Connection c = ds.getConnection()) {
                for (int i = 0; i < statement.length; i++) {
                    long start = System.nanoTime();
                    TdsConnectTest.selectOne(c);
                    statement[i] = System.nanoTime() - start;
                }
            }
            LoggerFactory.getLogger(TdsLatencyTest.class).info("connect + SELECT 1 median {} us, SELECT 1 median {} us",
                    median(connect) / 1000, median(statement) / 1000);
            assertThat(median(connect)).as("connect + SELECT 1 median ns").isLessThan(25_000_000L);
            assertThat(median(statement)).as("SELECT 1 median ns").isLessThan(5_000_000L);
        }
    }

    private static long median(long[] values) {
        long[] copy = values.clone();
        Arrays.sort(copy);
        return copy[copy.length / 2];
    }
}
