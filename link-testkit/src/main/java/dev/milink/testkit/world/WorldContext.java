package dev.milink.testkit.world;

import dev.milink.testkit.arm.ArmSimulator;
import dev.milink.testkit.arm.SimulatedLink;
import dev.milink.testkit.sql.SimulatedSqlServer;
import dev.milink.testkit.sql.catalog.AvailabilityGroupInfo;
import dev.milink.testkit.sql.catalog.HadrCatalog;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * What every part of the world shares: both simulated servers, the ARM simulator, the clock and the settings.
 * All link logic runs under the ARM simulator's lock (the world lock), so ARM requests, SQL events and ticks
 * see one consistent state; catalog locks are only ever taken inside it, never the other way round.
 */
final class WorldContext {

    private final SimulatedSqlServer sqlServer;
    private final SimulatedSqlServer managedInstance;
    private final ArmSimulator arm;
    private final Clock clock;
    private final WorldSettings settings;
    /** Set while the world itself changes a catalog, so the events it causes are not mistaken for user actions. */
    private final ThreadLocal<Boolean> quiet = ThreadLocal.withInitial(() -> false);

    WorldContext(SimulatedSqlServer sqlServer, SimulatedSqlServer managedInstance, ArmSimulator arm, Clock clock,
            WorldSettings settings) {
        this.sqlServer = sqlServer;
        this.managedInstance = managedInstance;
        this.arm = arm;
        this.clock = clock;
        this.settings = settings;
    }

    SimulatedSqlServer server(Side side) {
        return side == Side.SQL_SERVER ? sqlServer : managedInstance;
    }

    HadrCatalog catalog(Side side) {
        return server(side).catalog();
    }

    ArmSimulator arm() {
        return arm;
    }

    WorldSettings settings() {
        return settings;
    }

    Instant now() {
        return clock.instant();
    }

    /** @return the ARM link of that name on the world's instance */
    Optional<SimulatedLink> armLink(String name) {
        return arm.link(settings.subscriptionId(), settings.resourceGroup(), settings.instanceName(), name);
    }

    /** @return the distributed AG of that name in the side's catalog */
    Optional<AvailabilityGroupInfo> dag(Side side, String name) {
        return catalog(side).groups().group(name).filter(AvailabilityGroupInfo::distributed);
    }

    /** Runs world-made catalog changes without reacting to their events. */
    <T> T quietly(Supplier<T> work) {
        boolean outer = quiet.get();
        quiet.set(true);
        try {
            return work.get();
        } finally {
            quiet.set(outer);
        }
    }

    void quietly(Runnable work) {
        quietly(() -> {
            work.run();
            return null;
        });
    }

    boolean isQuiet() {
        return quiet.get();
    }

    /** Runs {@code work} holding the world lock. */
    <T> T locked(Supplier<T> work) {
        return arm.inLock(work);
    }

    void locked(Runnable work) {
        arm.inLock(() -> {
            work.run();
            return null;
        });
    }
}
