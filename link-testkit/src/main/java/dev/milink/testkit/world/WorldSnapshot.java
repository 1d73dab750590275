package dev.milink.testkit.world;

import dev.milink.testkit.sql.catalog.CatalogSnapshot;

/**
 * The whole world at one moment, comparable with {@code equals} (for "the state after rollback equals the state
 * before"). Timestamps come from the world's clock, so with a {@link SimulatedClock} that did not move two
 * snapshots of an unchanged world are equal.
 *
 * @param sqlServer the SQL Server catalog
 * @param managedInstance the Managed Instance catalog (its SQL endpoint)
 * @param arm the ARM resources of the instance
 */
public record WorldSnapshot(CatalogSnapshot sqlServer, CatalogSnapshot managedInstance, ArmSnapshot arm) {
}
