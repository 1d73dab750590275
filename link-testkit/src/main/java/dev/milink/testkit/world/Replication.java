package dev.milink.testkit.world;

import dev.milink.testkit.arm.SimulatedLinkDatabase;
import dev.milink.testkit.sql.catalog.AvailabilityGroupInfo;
import dev.milink.testkit.sql.catalog.DatabaseInfo;
import dev.milink.testkit.sql.catalog.HadrCatalog;
import dev.milink.testkit.sql.catalog.UserTable;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Carries committed rows of one link's database from the primary to the secondary. Every write on the primary
 * becomes a log block (row counts per table and the new end-of-log LSN); in asynchronous mode a block is applied
 * after the replication delay, in synchronous mode at once. Tables are append-only in the simulated engine, so
 * applying a block copies the rows the secondary lacks up to the recorded count. Guarded by the world lock.
 */
final class Replication {

    private record Block(Side source, Instant writtenAt, Instant due, BigDecimal lsn, Map<String, Integer> rowCounts) {
    }

    private final WorldContext ctx;
    private final Deque<Block> pending = new ArrayDeque<>();

    Replication(WorldContext ctx) {
        this.ctx = ctx;
    }

    /** A row was committed on {@code side}; queue or apply it when that side is the only primary. */
    void onWrite(LinkModel m, Side side, BigDecimal lsn) {
        if (m.phase != LinkPhase.REPLICATING || m.singlePrimary() != side) {
            return;
        }
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (UserTable t : tables(ctx.catalog(side), m.database)) {
            counts.put(t.name(), t.rows().size());
        }
        Instant now = ctx.now();
        Duration delay = synchronous(m) ? Duration.ZERO : ctx.settings().replicationDelay();
        pending.addLast(new Block(side, now, now.plus(delay), lsn, counts));
        applyDue(m);
    }

    /** Applies every block whose time has come, then publishes LSNs and states. */
    void applyDue(LinkModel m) {
        Instant now = ctx.now();
        while (!pending.isEmpty() && !pending.peekFirst().due().isAfter(now)) {
            apply(m, pending.removeFirst());
        }
        publish(m);
    }

    /** Applies everything still in flight (a planned failover loses nothing). */
    void flush(LinkModel m) {
        while (!pending.isEmpty()) {
            apply(m, pending.removeFirst());
        }
        publish(m);
    }

    /** Forgets what is in flight (a forced failover loses it). */
    void drop() {
        pending.clear();
    }

    /** Makes the secondary an exact copy of {@code from} (after a role repair, the old primary's extra rows go). */
    void resync(LinkModel m, Side from) {
        pending.clear();
        HadrCatalog src = ctx.catalog(from);
        HadrCatalog dst = ctx.catalog(from.other());
        ctx.quietly(() -> {
            tables(src, m.database).forEach(dst.tables()::putTable);
            src.database(m.database).ifPresent(d -> dst.updateDatabase(m.database,
                    x -> x.withCommit(d.endOfLogLsn(), d.lastCommitTime())));
        });
        publish(m);
    }

    /** Copies the whole database content at the end of seeding. */
    void seeded(LinkModel m, Side from) {
        resync(m, from);
    }

    private void apply(LinkModel m, Block b) {
        HadrCatalog src = ctx.catalog(b.source());
        HadrCatalog dst = ctx.catalog(b.source().other());
        LocalDateTime at = LocalDateTime.ofInstant(b.writtenAt(), ZoneOffset.UTC);
        ctx.quietly(() -> {
            for (Map.Entry<String, Integer> e : b.rowCounts().entrySet()) {
                UserTable from = src.tables().table(m.database, e.getKey()).orElse(null);
                if (from == null) {
                    continue;
                }
                UserTable to = dst.tables().table(m.database, e.getKey())
                        .orElse(new UserTable(m.database, from.name(), from.columns(), List.of()));
                int upTo = Math.min(e.getValue(), from.rows().size());
                for (int i = to.rows().size(); i < upTo; i++) {
                    to = to.withRow(from.rows().get(i));
                }
                dst.tables().putTable(to);
            }
            if (dst.database(m.database).isPresent()) {
                dst.updateDatabase(m.database, d -> d.endOfLogLsn().compareTo(b.lsn()) < 0 ? d.withCommit(b.lsn(), at) : d);
            }
        });
    }

    /** @return whether commits wait for the secondary: the primary side's configured availability mode */
    boolean synchronous(LinkModel m) {
        Side primary = m.singlePrimary();
        if (primary == Side.SQL_SERVER) {
            return ctx.dag(Side.SQL_SERVER, m.name).map(d -> d.replicas().stream()
                    .allMatch(r -> "SYNCHRONOUS_COMMIT".equals(r.availabilityMode()))).orElse(false);
        }
        return primary == Side.MANAGED_INSTANCE
                && ctx.armLink(m.name).map(l -> "Sync".equalsIgnoreCase(l.replicationMode())).orElse(false);
    }

    /** @return seconds the oldest unapplied commit has waited */
    long lagSeconds() {
        return pending.isEmpty() ? 0 : Math.max(0, Duration.between(pending.peekFirst().writtenAt(), ctx.now()).getSeconds());
    }

    /** Shows the current LSNs, synchronization state and lag in both catalogs and in ARM. */
    void publish(LinkModel m) {
        if (m.phase != LinkPhase.REPLICATING) {
            return;
        }
        Side primary = m.singlePrimary();
        String state = primary == null ? "NOT SYNCHRONIZING" : synchronous(m) ? "SYNCHRONIZED" : "SYNCHRONIZING";
        String health = primary == null ? "NOT_HEALTHY" : "HEALTHY";
        BigDecimal sqlLsn = lsn(Side.SQL_SERVER, m.database);
        BigDecimal miLsn = lsn(Side.MANAGED_INSTANCE, m.database);
        long lag = lagSeconds();
        ctx.quietly(() -> {
            publishSide(Side.SQL_SERVER, m, miLsn, state, health, lag);
            publishSide(Side.MANAGED_INSTANCE, m, sqlLsn, state, health, lag);
        });
        ctx.armLink(m.name).flatMap(l -> l.database(m.database)).ifPresent(db -> {
            Instant now = ctx.now();
            BigDecimal secondary = primary == Side.SQL_SERVER ? miLsn : sqlLsn;
            BigDecimal sent = primary == Side.SQL_SERVER ? sqlLsn : miLsn;
            for (SimulatedLinkDatabase.Lsn kind : List.of(SimulatedLinkDatabase.Lsn.HARDENED,
                    SimulatedLinkDatabase.Lsn.RECEIVED, SimulatedLinkDatabase.Lsn.COMMIT)) {
                db.lsn(kind, secondary == null ? null : secondary.toBigInteger(), now);
            }
            db.lsn(SimulatedLinkDatabase.Lsn.SENT, sent == null ? null : sent.toBigInteger(), now);
            db.replicaState("Catchup").seedingProgress(null).synchronizationHealth(health).connectedState("CONNECTED")
                    .lagSeconds((int) lag, 0);
        });
    }

    private void publishSide(Side side, LinkModel m, BigDecimal otherLsn, String state, String health, long lag) {
        AvailabilityGroupInfo dag = ctx.dag(side, m.name).orElse(null);
        if (dag == null || dag.databases().stream().noneMatch(m.database::equalsIgnoreCase)) {
            return;
        }
        var groups = ctx.catalog(side).groups();
        groups.setSynchronization(m.name, m.database, state, health);
        if (otherLsn != null) {
            groups.setRemoteLsn(m.name, m.database, otherLsn);
        }
        groups.updateRemoteDatabase(m.name, m.database, r -> r.withQueues(0, 0, 0, 0, lag));
        dag.replicas().stream().filter(r -> !r.local()).forEach(r ->
                groups.setReplicaConnection(m.name, r.serverName(), "CONNECTED", health, null, null));
    }

    private BigDecimal lsn(Side side, String database) {
        return ctx.catalog(side).database(database).map(DatabaseInfo::endOfLogLsn).orElse(null);
    }

    static List<UserTable> tables(HadrCatalog catalog, String database) {
        return catalog.snapshot().tables().stream().filter(t -> t.database().equalsIgnoreCase(database)).toList();
    }
}
