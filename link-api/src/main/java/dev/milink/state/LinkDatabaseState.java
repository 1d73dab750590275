package dev.milink.state;

import java.math.BigInteger;
import java.time.Instant;
import java.util.Optional;

/**
 * A link database as ARM reports it ({@code properties.databases[]} of a distributed availability group).
 *
 * @param database the database name
 * @param replicaState for example {@code CreatingLink}, {@code Catchup}, {@code LinkInitError}
 * @param seedingProgress seeding percent, when reported
 * @param synchronizationHealth {@code HEALTHY}, {@code PARTIALLY_HEALTHY}, {@code NOT_HEALTHY}
 * @param connectedState {@code CONNECTED} or {@code DISCONNECTED}
 * @param lastHardenedLsn the last hardened LSN, when reported
 * @param lastHardenedTime when it was hardened
 * @param mostRecentLinkError the latest link error text, if any
 * @param partnerCertificateExpiry SQL Server's certificate expiry ({@code partnerAuthCertValidity.expiryDate})
 * @param sendLagSeconds {@code instanceSendReplicationLagSeconds}
 * @param redoLagSeconds {@code instanceRedoReplicationLagSeconds}
 */
public record LinkDatabaseState(String database, String replicaState, Optional<Integer> seedingProgress,
        String synchronizationHealth, String connectedState, Optional<BigInteger> lastHardenedLsn,
        Optional<Instant> lastHardenedTime, Optional<String> mostRecentLinkError,
        Optional<Instant> partnerCertificateExpiry, Optional<Long> sendLagSeconds, Optional<Long> redoLagSeconds) {

    /** @return whether the replica state names an error ({@code ...Error}) */
    public boolean inError() {
        return replicaState != null && replicaState.endsWith("Error");
    }
}
