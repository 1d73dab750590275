package dev.milink.core.internal.health;

import dev.milink.DatabaseLink;
import dev.milink.LinkHealth;
import dev.milink.LinkHealth.Status;
import dev.milink.LinkRole;
import dev.milink.LinkSpec;
import dev.milink.state.AvailabilityGroupState;
import dev.milink.state.CertificateState;
import dev.milink.state.DatabaseReplicaState;
import dev.milink.state.LinkDatabaseState;
import dev.milink.state.LinkResourceState;
import dev.milink.state.ReplicaState;
import dev.milink.state.SeedingState;
import dev.milink.state.SqlServerState;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Merges one observation of each side into a {@link LinkHealth} per link. Pure: the monitor reads the
 * sides, this class only interprets what was read, so the cost of a poll never depends on the number of
 * links.
 */
public final class HealthAssembler {

    /** Seeding is cancelled by the service after six days; warn a day before. */
    static final Duration SEEDING_WARNING = Duration.ofDays(5);
    /** Warn this long before the endpoint certificate expires. */
    static final Duration CERTIFICATE_WARNING = Duration.ofDays(30);

    private HealthAssembler() {
    }

    /**
     * @param spec the links
     * @param sql SQL Server's observation
     * @param managedInstance the Managed Instance's observation: its SQL endpoint's state, if read
     * @param armLinks the Managed Instance's link resources (used when its SQL endpoint was not read)
     * @param now the time of the observation
     * @return one health per link, in the spec's order
     */
    public static List<LinkHealth> assemble(LinkSpec spec, SqlServerState sql, Optional<SqlServerState> managedInstance,
            List<LinkResourceState> armLinks, Instant now) {
        Map<String, LinkResourceState> byName = armLinks.stream()
                .collect(Collectors.toMap(l -> l.name().toLowerCase(java.util.Locale.ROOT), Function.identity(), (a, b) -> a));
        Optional<Instant> certificateExpiry = sql.certificate(spec.certificateName()).map(CertificateState::expiry);
        List<LinkHealth> out = new ArrayList<>();
        for (DatabaseLink link : spec.links()) {
            out.add(one(link, sql, managedInstance, Optional.ofNullable(byName.get(link.linkName().toLowerCase(java.util.Locale.ROOT))),
                    certificateExpiry, now));
        }
        return out;
    }

    private static LinkHealth one(DatabaseLink link, SqlServerState sql, Optional<SqlServerState> miSql,
            Optional<LinkResourceState> arm, Optional<Instant> certificateExpiry, Instant now) {
        String db = link.database().value();
        Optional<AvailabilityGroupState> dag = sql.availabilityGroup(link.linkName()).filter(AvailabilityGroupState::distributed);
        Optional<ReplicaState> local = dag.flatMap(AvailabilityGroupState::localReplica);
        Optional<ReplicaState> remote = dag.flatMap(AvailabilityGroupState::remoteReplica);
        Optional<LinkRole> sqlRole = local.flatMap(ReplicaState::role);
        Optional<AvailabilityGroupState> miDag = miSql.flatMap(s -> s.availabilityGroup(link.linkName()));
        Optional<LinkRole> miRole = miDag.flatMap(AvailabilityGroupState::localReplica).flatMap(ReplicaState::role)
                .or(() -> arm.map(LinkResourceState::instanceRole));
        Optional<LinkDatabaseState> armDb = arm.flatMap(l -> l.database(db));
        Optional<DatabaseReplicaState> localDb = local.flatMap(r -> database(r, db));
        Optional<DatabaseReplicaState> miDb = miDag.flatMap(AvailabilityGroupState::localReplica).flatMap(r -> database(r, db));
        Optional<BigInteger> miLsn = miDb.map(DatabaseReplicaState::lastHardenedLsn)
                .or(() -> remote.flatMap(r -> database(r, db)).map(DatabaseReplicaState::lastHardenedLsn))
                .or(() -> armDb.flatMap(LinkDatabaseState::lastHardenedLsn));
        Optional<SeedingState> seeding = sql.seeding(db).or(() -> miSql.flatMap(s -> s.seeding(db)));
        boolean connected = remote.map(r -> "CONNECTED".equalsIgnoreCase(r.connectedState()))
                .orElse(armDb.map(d -> "CONNECTED".equalsIgnoreCase(d.connectedState())).orElse(false));
        String syncState = localDb.map(DatabaseReplicaState::synchronizationState)
                .orElse(armDb.map(LinkDatabaseState::replicaState).orElse("UNKNOWN"));
        String syncHealth = remote.map(ReplicaState::synchronizationHealth).filter(h -> !"null".equals(h))
                .orElse(armDb.map(LinkDatabaseState::synchronizationHealth).orElse("UNKNOWN"));
        Optional<String> lastError = armDb.flatMap(LinkDatabaseState::mostRecentLinkError).filter(e -> !e.isBlank())
                .or(() -> remote.flatMap(r -> r.lastConnectErrorNumber().map(n -> n + ": " + r.lastConnectError())));
        boolean seedingRunning = seeding.map(s -> !s.failed() && !"COMPLETED".equalsIgnoreCase(s.currentState())).orElse(false)
                || armDb.map(d -> d.replicaState() != null && (d.replicaState().startsWith("Seeding")
                        || d.replicaState().equals("CreatingLink"))).orElse(false);
        Optional<Integer> percent = seeding.filter(s -> seedingRunning).map(SeedingState::percent)
                .or(() -> armDb.filter(d -> seedingRunning).flatMap(LinkDatabaseState::seedingProgress));
        List<String> warnings = warnings(seeding, certificateExpiry, now);
        warnings.addAll(LogBackupGuard.warnings(db, sql.seeding(db), sql.log(db)));
        Status status = status(dag.isPresent(), arm.isPresent() || miDag.isPresent(), sqlRole, miRole, seeding,
                armDb, seedingRunning, connected, syncHealth, lastError);
        return new LinkHealth(link.linkName(), link.database(), status, sqlRole, miRole, connected, syncState, syncHealth,
                percent, seeding.filter(s -> seedingRunning).flatMap(SeedingState::estimatedCompletion),
                localDb.map(DatabaseReplicaState::lastHardenedLsn), miLsn,
                localDb.map(DatabaseReplicaState::logSendQueueKb).orElse(0L),
                miDb.or(() -> remote.flatMap(r -> database(r, db))).map(DatabaseReplicaState::redoQueueKb).orElse(0L),
                remote.flatMap(r -> database(r, db)).flatMap(DatabaseReplicaState::secondaryLagSeconds).map(Duration::ofSeconds)
                        .or(() -> armDb.flatMap(LinkDatabaseState::sendLagSeconds).map(Duration::ofSeconds)),
                certificateExpiry.or(() -> armDb.flatMap(LinkDatabaseState::partnerCertificateExpiry)), lastError,
                warnings, now);
    }

    private static Status status(boolean sqlHasLink, boolean miHasLink, Optional<LinkRole> sqlRole,
            Optional<LinkRole> miRole, Optional<SeedingState> seeding, Optional<LinkDatabaseState> armDb,
            boolean seedingRunning, boolean connected, String syncHealth, Optional<String> lastError) {
        if (!sqlHasLink && !miHasLink) {
            return Status.MISSING;
        }
        if (sqlRole.equals(Optional.of(LinkRole.PRIMARY)) && miRole.equals(Optional.of(LinkRole.PRIMARY))) {
            return Status.SPLIT_BRAIN;
        }
        if (seeding.map(SeedingState::failed).orElse(false) || armDb.map(LinkDatabaseState::inError).orElse(false)) {
            return Status.FAILED;
        }
        if (!sqlHasLink || !miHasLink) {
            return Status.MISSING;
        }
        if (seedingRunning) {
            return Status.SEEDING;
        }
        if (!connected || !"HEALTHY".equalsIgnoreCase(syncHealth) || lastError.isPresent()) {
            return Status.DEGRADED;
        }
        return Status.HEALTHY;
    }

    private static List<String> warnings(Optional<SeedingState> seeding, Optional<Instant> certificateExpiry, Instant now) {
        List<String> warnings = new ArrayList<>();
        seeding.filter(s -> !s.failed() && !"COMPLETED".equalsIgnoreCase(s.currentState()))
                .flatMap(SeedingState::startedAt)
                .filter(start -> Duration.between(start, now).compareTo(SEEDING_WARNING) > 0)
                .ifPresent(start -> warnings.add("seeding has run for " + Duration.between(start, now).toHours()
                        + " h; the service cancels link creation after 6 days"));
        seeding.filter(SeedingState::failed).ifPresent(s -> warnings.add("seeding failed: " + s.failureDescription()
                + s.failureState().map(f -> " (failure_state " + f + ")").orElse("")));
        certificateExpiry.filter(e -> Duration.between(now, e).compareTo(CERTIFICATE_WARNING) < 0).ifPresent(e ->
                warnings.add(e.isBefore(now) ? "SQL Server's endpoint certificate expired on " + e + ": the link is broken, rotate it"
                        : "SQL Server's endpoint certificate expires on " + e + ": rotate it (milink rotate-certificate)"));
        return warnings;
    }

    private static Optional<DatabaseReplicaState> database(ReplicaState replica, String db) {
        return replica.databases().stream().filter(d -> d.database().equals(db)).findFirst();
    }
}
