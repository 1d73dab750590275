package dev.milink.core.internal;

import dev.milink.DatabaseName;
import dev.milink.LinkRole;
import dev.milink.state.AvailabilityGroupState;
import dev.milink.state.DatabaseReplicaState;
import dev.milink.state.LinkDatabaseState;
import dev.milink.state.LinkResourceState;
import dev.milink.state.ReplicaState;
import dev.milink.state.SqlServerState;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;

/**
 * Reads one link's roles and last hardened LSNs: one SQL Server observation of the database and one ARM read of
 * the link. Each read is raw (no retries) so callers choose how to wrap it.
 */
final class Sides {

    private Sides() {
    }

    /** SQL Server's side of a link: its role in the distributed group and its last hardened LSN. */
    record SqlSide(Optional<LinkRole> role, Optional<BigInteger> lsn) {
    }

    /** The Managed Instance's side: its role and last hardened LSN from the ARM link resource. */
    record MiSide(Optional<LinkRole> role, Optional<BigInteger> lsn) {
    }

    static SqlSide sql(RunState run, String linkName, DatabaseName db) {
        return sql(run.settings.sql().observe(List.of(db)), linkName, db);
    }

    static SqlSide sql(SqlServerState state, String linkName, DatabaseName db) {
        Optional<ReplicaState> local = state.availabilityGroup(linkName).filter(AvailabilityGroupState::distributed)
                .flatMap(AvailabilityGroupState::localReplica);
        Optional<BigInteger> lsn = local.stream().flatMap(r -> r.databases().stream())
                .filter(d -> d.database().equalsIgnoreCase(db.value())).map(DatabaseReplicaState::lastHardenedLsn)
                .filter(java.util.Objects::nonNull).findFirst();
        return new SqlSide(local.flatMap(ReplicaState::role), lsn);
    }

    static MiSide mi(RunState run, String linkName, DatabaseName db) {
        Optional<LinkResourceState> link = run.settings.mi().link(linkName);
        return new MiSide(link.map(LinkResourceState::instanceRole),
                link.flatMap(l -> l.database(db.value())).flatMap(LinkDatabaseState::lastHardenedLsn));
    }

    static String lsn(Optional<BigInteger> lsn) {
        return lsn.map(BigInteger::toString).orElse("unknown");
    }

    static String role(Optional<LinkRole> role) {
        return role.map(Enum::name).orElse("UNKNOWN (no link)");
    }
}
