package dev.milink;

import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One link's health, merged from both sides at one moment: SQL Server's DMVs and the Managed Instance's
 * ARM resource.
 *
 * @param linkName the link
 * @param database the database
 * @param status the overall verdict
 * @param sqlServerRole SQL Server's role in the distributed availability group, when it has the group
 * @param managedInstanceRole the Managed Instance's role, when the link resource exists
 * @param connected whether the two sides are connected
 * @param synchronizationState SQL Server's view, for example {@code SYNCHRONIZING}; or ARM's replica state
 * @param synchronizationHealth {@code HEALTHY}, {@code PARTIALLY_HEALTHY} or {@code NOT_HEALTHY}
 * @param seedingPercent seeding progress while seeding
 * @param seedingEta the estimated end of seeding, when reported
 * @param sqlServerLastHardenedLsn the last hardened LSN on SQL Server
 * @param managedInstanceLastHardenedLsn the last hardened LSN on the Managed Instance
 * @param logSendQueueKb the log send queue on the primary
 * @param redoQueueKb the redo queue on the secondary
 * @param lag the replication lag, when reported
 * @param certificateExpiry SQL Server's endpoint certificate expiry
 * @param lastError the most recent link error (ARM) or connection error (SQL Server)
 * @param warnings risks worth acting on (certificate expiring, seeding near its 6-day limit, ...)
 * @param observedAt when both sides were read
 */
public record LinkHealth(String linkName, DatabaseName database, Status status, Optional<LinkRole> sqlServerRole,
        Optional<LinkRole> managedInstanceRole, boolean connected, String synchronizationState,
        String synchronizationHealth, Optional<Integer> seedingPercent, Optional<Instant> seedingEta,
        Optional<BigInteger> sqlServerLastHardenedLsn, Optional<BigInteger> managedInstanceLastHardenedLsn,
        long logSendQueueKb, long redoQueueKb, Optional<Duration> lag, Optional<Instant> certificateExpiry,
        Optional<String> lastError, List<String> warnings, Instant observedAt) {

    /** The overall verdict on a link. */
    public enum Status {
        /** Connected and synchronizing, no errors. */
        HEALTHY,
        /** Initial seeding is running. */
        SEEDING,
        /** Working, but something needs attention (disconnected, unhealthy, lagging). */
        DEGRADED,
        /** Seeding failed or the link reports an error. */
        FAILED,
        /** Both sides are primary after a forced failover. */
        SPLIT_BRAIN,
        /** The link exists on one side only, or on neither. */
        MISSING
    }

    /**
     * Checks the components.
     *
     * @param linkName the link
     * @param database the database
     * @param status the overall verdict
     * @param sqlServerRole SQL Server's role in the distributed availability group, when it has the group
     * @param managedInstanceRole the Managed Instance's role, when the link resource exists
     * @param connected whether the two sides are connected
     * @param synchronizationState SQL Server's view, for example {@code SYNCHRONIZING}; or ARM's replica state
     * @param synchronizationHealth {@code HEALTHY}, {@code PARTIALLY_HEALTHY} or {@code NOT_HEALTHY}
     * @param seedingPercent seeding progress while seeding
     * @param seedingEta the estimated end of seeding, when reported
     * @param sqlServerLastHardenedLsn the last hardened LSN on SQL Server
     * @param managedInstanceLastHardenedLsn the last hardened LSN on the Managed Instance
     * @param logSendQueueKb the log send queue on the primary
     * @param redoQueueKb the redo queue on the secondary
     * @param lag the replication lag, when reported
     * @param certificateExpiry SQL Server's endpoint certificate expiry
     * @param lastError the most recent link error (ARM) or connection error (SQL Server)
     * @param warnings risks worth acting on (certificate expiring, seeding near its 6-day limit, ...)
     * @param observedAt when both sides were read
     */
    public LinkHealth {
        Objects.requireNonNull(linkName, "linkName");
        Objects.requireNonNull(status, "status");
        warnings = List.copyOf(warnings);
    }

    /** @return whether both sides report the same last hardened LSN */
    public boolean lsnsEqual() {
        return sqlServerLastHardenedLsn.isPresent() && sqlServerLastHardenedLsn.equals(managedInstanceLastHardenedLsn);
    }

    /**
     * @param other an earlier observation of the same link
     * @return whether anything but the observation time differs
     */
    public boolean sameAs(LinkHealth other) {
        return other != null && equals(new LinkHealth(other.linkName, other.database, other.status, other.sqlServerRole,
                other.managedInstanceRole, other.connected, other.synchronizationState, other.synchronizationHealth,
                other.seedingPercent, other.seedingEta, other.sqlServerLastHardenedLsn, other.managedInstanceLastHardenedLsn,
                other.logSendQueueKb, other.redoQueueKb, other.lag, other.certificateExpiry, other.lastError,
                other.warnings, observedAt));
    }
}
