package dev.milink.testkit.world;

import java.time.Duration;

/**
 * The link behaviour knobs of a world, fixed at build time.
 *
 * @param subscriptionId the Managed Instance's subscription
 * @param resourceGroup its resource group
 * @param instanceName its name (also {@code @@SERVERNAME} of the MI-flavor endpoint)
 * @param fqdn its FQDN, {@code <name>.<zone>.database.windows.net}
 * @param seedingBytesPerSecond seeding speed in bytes per second of simulated time
 * @param replicationDelay how long a commit takes to reach the secondary in asynchronous mode
 * @param breakSeedingOnLogBackup whether a log backup during seeding fails the seeding (1412)
 * @param linkInitTimeout how long an ARM link may wait for its SQL Server half before {@code LinkInitError} 41962
 */
record WorldSettings(String subscriptionId, String resourceGroup, String instanceName, String fqdn,
        long seedingBytesPerSecond, Duration replicationDelay, boolean breakSeedingOnLogBackup,
        Duration linkInitTimeout) {

    WorldSettings {
        if (seedingBytesPerSecond <= 0) {
            throw new IllegalArgumentException("seeding speed must be positive, was " + seedingBytesPerSecond);
        }
        if (replicationDelay.isNegative() || linkInitTimeout.isNegative()) {
            throw new IllegalArgumentException("negative durations are not allowed");
        }
    }
}
