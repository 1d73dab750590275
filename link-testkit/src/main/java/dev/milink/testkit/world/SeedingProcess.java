package dev.milink.testkit.world;

import dev.milink.testkit.arm.SimulatedLink;
import dev.milink.testkit.arm.SimulatedLinkDatabase;
import dev.milink.testkit.sql.catalog.CertificateInfo;
import dev.milink.testkit.sql.catalog.DatabaseInfo;
import dev.milink.testkit.sql.catalog.HadrCatalog;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;

/**
 * Automatic seeding of a connected link, driven by the clock: a database of N bytes takes N / speed seconds
 * of simulated time. Progress is visible on the source and destination ({@code sys.dm_hadr_automatic_seeding},
 * {@code sys.dm_hadr_physical_seeding_stats}) and in ARM ({@code replicaState = Seeding},
 * {@code seedingProgress}); the destination database is RESTORING until seeding completes.
 */
final class SeedingProcess {

    private final WorldContext ctx;
    private final SideObjects objects;
    private final TrustCheck trust;

    SeedingProcess(WorldContext ctx, SideObjects objects, TrustCheck trust) {
        this.ctx = ctx;
        this.objects = objects;
        this.trust = trust;
    }

    /** Starts seeding from the primary side to the other one. */
    void start(LinkModel m, SimulatedLink link) {
        Side source = m.primary(Side.SQL_SERVER) ? Side.SQL_SERVER : Side.MANAGED_INSTANCE;
        Side destination = source.other();
        HadrCatalog src = ctx.catalog(source);
        HadrCatalog dst = ctx.catalog(destination);
        Instant now = ctx.now();
        DatabaseInfo db = src.database(m.database).orElse(null);
        SimulatedLinkDatabase armDb = link.databases().get(0);
        Optional<CertificateInfo> cert = trust.sqlEndpointCertificate();
        armDb.partnerAuthCertValidity(cert.map(CertificateInfo::name).orElse(null),
                cert.map(c -> c.expiryDate().toInstant(ZoneOffset.UTC)).orElse(null));
        if (db == null) {
            fail(m, LinkFault.creation(41977, "The database '" + m.database + "' does not exist on the primary."), null);
            return;
        }
        boolean exists = dst.database(m.database).isPresent();
        if (!exists) {
            ctx.quietly(() -> {
                dst.addDatabase(m.database, "FULL", db.collation(), 1, db.sizeBytes());
                dst.updateDatabase(m.database, d -> d.withState("RESTORING"));
            });
        }
        objects.ensureMiGroups(m, link, m.database);
        objects.addDatabase(Side.SQL_SERVER, m.name, m.database);
        m.seedingSource = source;
        m.seedingStart = now;
        m.seedingBytes = db.sizeBytes();
        m.logBackupDuringSeeding = false;
        ctx.quietly(() -> {
            m.sourceOperation = src.groups().startSeeding(m.name, m.database,
                    objects.remoteMember(source, m.name).orElseThrow(), db.sizeBytes(), true);
            m.destinationOperation = dst.groups().startSeeding(m.name, m.database,
                    objects.remoteMember(destination, m.name).orElseThrow(), db.sizeBytes(), false);
        });
        for (Side side : Side.values()) {
            objects.connection(side, m.name, true, "NOT_HEALTHY", null);
        }
        armDb.replicaState("Seeding").seedingProgress("0%").connectedState("CONNECTED")
                .synchronizationHealth("NOT_HEALTHY").mostRecentLinkError(null);
        m.phase(LinkPhase.SEEDING, now);
        if (exists) {
            // SQL Server's failure_state 23: a database with that name already exists on the destination.
            fail(m, LinkFault.creation(41977, "Seeding failed: a database named '" + m.database
                    + "' already exists on the destination."), new int[] {23, 0});
        }
    }

    /** Advances a running seeding to the clock; completes it when every byte is through. */
    void advance(LinkModel m) {
        if (m.phase != LinkPhase.SEEDING) {
            return;
        }
        long speed = ctx.settings().seedingBytesPerSecond();
        long millis = Math.max(0, Duration.between(m.seedingStart, ctx.now()).toMillis());
        long transferred = (long) Math.min((double) m.seedingBytes, speed * (millis / 1000.0));
        if (transferred >= m.seedingBytes) {
            complete(m);
            return;
        }
        ctx.quietly(() -> {
            ctx.catalog(m.seedingSource).groups().reportSeedingProgress(m.sourceOperation, transferred, speed);
            ctx.catalog(m.seedingSource.other()).groups().reportSeedingProgress(m.destinationOperation, transferred, speed);
        });
        long percent = m.seedingBytes == 0 ? 100 : transferred * 100 / m.seedingBytes;
        ctx.armLink(m.name).flatMap(l -> l.database(m.database)).ifPresent(d -> d.seedingProgress(percent + "%"));
    }

    private void complete(LinkModel m) {
        Side source = m.seedingSource;
        HadrCatalog dst = ctx.catalog(source.other());
        ctx.quietly(() -> {
            ctx.catalog(source).groups().completeSeeding(m.sourceOperation);
            dst.groups().completeSeeding(m.destinationOperation);
            dst.updateDatabase(m.database, d -> d.withState("ONLINE"));
        });
        m.phase(LinkPhase.REPLICATING, ctx.now());
        ctx.armLink(m.name).flatMap(l -> l.database(m.database)).ifPresent(d -> d.caughtUp(ctx.now()));
        m.replication.seeded(m, source);
    }

    /** A log backup on the seeding source truncated the log: the seeding fails with 1412 (docs/LINK-FACTS.md section 11). */
    void logBackupDuringSeeding(LinkModel m) {
        m.logBackupDuringSeeding = true;
        if (m.phase == LinkPhase.SEEDING && ctx.settings().breakSeedingOnLogBackup()) {
            fail(m, LinkFault.creation(1412, "The remote copy of database '" + m.database + "' has not been rolled "
                    + "forward to a point in time that is encompassed in the local copy of the database log: a log "
                    + "backup truncated the log during seeding. Drop and recreate the link."), new int[] {21, 1412});
        }
    }

    /**
     * Fails the seeding.
     *
     * @param failure {failure_state, error_code} for {@code dm_hadr_automatic_seeding}, or null if none started
     */
    void fail(LinkModel m, LinkFault fault, int[] failure) {
        if (failure != null && m.sourceOperation != null) {
            String desc = failure[0] == 23 ? "Database with the same name already exists" : "Seeding log truncated";
            int code = failure[1] == 0 ? fault.number() : failure[1];
            ctx.quietly(() -> {
                failOperation(m.seedingSource, m.sourceOperation, failure[0], desc, code);
                failOperation(m.seedingSource.other(), m.destinationOperation, failure[0], desc, code);
            });
        }
        m.lastError = fault.number();
        objects.connection(Side.SQL_SERVER, m.name, true, "NOT_HEALTHY", fault);
        ctx.armLink(m.name).flatMap(l -> l.database(m.database)).ifPresent(d -> d.replicaState(fault.armReplicaState())
                .mostRecentLinkError(fault.armText()).synchronizationHealth("NOT_HEALTHY"));
        m.phase(LinkPhase.SEEDING_FAILED, ctx.now());
    }

    private void failOperation(Side side, UUID operation, int state, String desc, int code) {
        boolean running = ctx.catalog(side).groups().seeding().stream()
                .anyMatch(s -> s.operationId().equals(operation) && s.running());
        if (running) {
            ctx.catalog(side).groups().failSeeding(operation, state, desc, code);
        }
    }
}
