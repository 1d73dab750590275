package dev.milink.bench.micro;

import dev.milink.testkit.world.LinkedWorld;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The TDS simulator through the real mssql-jdbc driver on loopback, no added latency: a fresh connection plus
 * {@code SELECT 1}, and one statement on an open connection (the per-statement cost of driver + loopback +
 * simulator), plus milink's observation batch (the heaviest statement milink sends).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class TdsBenchmarks {

    private LinkedWorld world;
    private DataSource dataSource;
    private Connection open;
    private String observation;

    /** Starts a world with one database and opens one connection. */
    @Setup(Level.Trial)
    public void start() throws SQLException {
        world = LinkedWorld.builder()
                .sqlServerDatabase("SalesDb", d -> d.recoveryFull().fullBackup().logFiles(1).sizeBytes(1L << 20))
                .build().start();
        dataSource = world.sqlServerDataSource();
        open = dataSource.getConnection();
        try (var port = dev.milink.jdbc.JdbcSqlServerPort.of(dataSource)) {
            world.sqlServerTds().journal().clear();
            port.observe(java.util.List.of(dev.milink.DatabaseName.of("SalesDb")));
            observation = world.sqlServerTds().journal().statements().get(0);
        }
    }

    /** Closes the connection and the world. */
    @TearDown(Level.Trial)
    public void stop() throws SQLException {
        open.close();
        world.close();
    }

    /** @return 1, on a new connection (TCP connect, prelogin, login, query, close) */
    @Benchmark
    public int connectAndSelect1() throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            return select1(c);
        }
    }

    /** @return 1, on the open connection */
    @Benchmark
    public int statementSelect1() throws SQLException {
        return select1(open);
    }

    /** @return how many result sets milink's SQL Server observation batch returned */
    @Benchmark
    public int statementObservationBatch() throws SQLException {
        int sets = 0;
        try (Statement s = open.createStatement()) {
            boolean results = s.execute(observation);
            while (true) {
                if (results) {
                    try (ResultSet rs = s.getResultSet()) {
                        while (rs.next()) {
                            sets++;
                        }
                    }
                } else if (s.getUpdateCount() == -1) {
                    return sets;
                }
                results = s.getMoreResults();
            }
        }
    }

    private static int select1(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT 1")) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
