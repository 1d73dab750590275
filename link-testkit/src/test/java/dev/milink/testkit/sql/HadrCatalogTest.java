package dev.milink.testkit.sql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.milink.testkit.sql.catalog.CatalogSnapshot;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HadrCatalogTest extends SqlTestSupport {

    @BeforeEach
    void setUp() throws SqlError {
        open(standard().build());
        LinkSetupTest helper = new LinkSetupTest();
        helper.server = server;
        helper.session = session;
        helper.fullSetup();
    }

    @Test
    void seedingProgressShowsInDmvs() {
        var groups = server.catalog().groups();
        UUID op = groups.startSeeding("DAG1_SalesDb", "SalesDb", "AG_SalesDb_MI", 1000, true);
        groups.reportSeedingProgress(op, 400, 100);
        SqlResult.Rows ps = rows("SELECT local_physical_seeding_id, local_database_name, role_desc, "
                + "transferred_size_bytes, database_size_bytes, transfer_rate_bytes_per_second, is_compression_enabled, "
                + "estimate_time_complete_utc FROM sys.dm_hadr_physical_seeding_stats");
        assertThat(ps.rows()).hasSize(1);
        assertThat(ps.rows().get(0).subList(0, 7)).containsExactly(op, "SalesDb", "Source", 400L, 1000L, 100L, true);
        assertThat(ps.rows().get(0).get(7)).isNotNull();
        assertThat(rows("SELECT current_state, is_source, number_of_attempts FROM sys.dm_hadr_automatic_seeding "
                + "WHERE operation_id = @P0", op).rows()).containsExactly(List.of("SEEDING", true, 1));
        groups.failSeeding(op, 23, "Seeding Check Message Timeout", 1);
        assertThat(rows("SELECT failure_state, current_state FROM sys.dm_hadr_automatic_seeding").rows())
                .containsExactly(List.of(23, "FAILED"));
        assertThat(rows("SELECT * FROM sys.dm_hadr_physical_seeding_stats").rows()).isEmpty();
        UUID retry = groups.startSeeding("DAG1_SalesDb", "SalesDb", "AG_SalesDb_MI", 1000, true);
        groups.completeSeeding(retry);
        assertThat(rows("SELECT current_state, number_of_attempts, completion_time FROM sys.dm_hadr_automatic_seeding "
                + "WHERE operation_id = @P0", retry).rows())
                .containsExactly(List.of("COMPLETED", 2, java.time.LocalDateTime.of(2026, 1, 15, 10, 0)));
    }

    @Test
    void connectErrorsShowInReplicaStates() {
        server.catalog().groups().setReplicaConnection("DAG1_SalesDb", "AG_SalesDb_MI", "DISCONNECTED", "NOT_HEALTHY",
                41974, "MI endpoint certificate not trusted");
        SqlResult.Rows r = rows("SELECT connected_state_desc, synchronization_health_desc, last_connect_error_number, "
                + "last_connect_error_description FROM sys.dm_hadr_availability_replica_states "
                + "WHERE is_local = 0 AND role = 2");
        assertThat(r.rows()).containsExactly(List.of("DISCONNECTED", "NOT_HEALTHY", 41974,
                "MI endpoint certificate not trusted"));
        assertThat(scalar("SELECT last_connect_error_timestamp FROM sys.dm_hadr_availability_replica_states "
                + "WHERE is_local = 0")).isEqualTo(java.time.LocalDateTime.of(2026, 1, 15, 10, 0));
    }

    @Test
    void snapshotsCompareByValue() {
        CatalogSnapshot a = server.catalog().snapshot();
        CatalogSnapshot b = server.catalog().snapshot();
        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
        ok("INSERT INTO SalesDb.dbo.Orders VALUES (7, 'x')");
        assertThat(server.catalog().snapshot()).isNotEqualTo(a);
        assertThat(a.databases()).isUnmodifiable();
    }

    @Test
    void concurrentSessionsKeepEveryRow() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<SqlResult>>> futures = new java.util.ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int base = 100 * (t + 1);
                SqlSession s = server.engine().login(new LoginRequest("sa", PASSWORD, "SalesDb", "w", "h"));
                futures.add(pool.submit(() -> {
                    List<SqlResult> all = new java.util.ArrayList<>();
                    for (int i = 0; i < 25; i++) {
                        all.addAll(s.execute("INSERT INTO Orders VALUES (@P0, N'w')", List.of(base + i),
                                CancelSignal.NEVER));
                    }
                    return all;
                }));
            }
            for (Future<List<SqlResult>> f : futures) {
                assertThat(f.get(30, TimeUnit.SECONDS)).allMatch(r -> r instanceof SqlResult.UpdateCount);
            }
        } finally {
            pool.shutdown();
        }
        assertThat(scalar("SELECT COUNT(*) FROM SalesDb.dbo.Orders")).isEqualTo(102);
    }
}
