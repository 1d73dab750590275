package dev.milink.testkit.sql.catalog;

import java.util.List;
import java.util.Set;

/**
 * An immutable, comparable view of the whole catalog: two snapshots are {@code equals} when the states are.
 * Contains no secrets (the master key is a flag, logins are not part of the catalog).
 *
 * @param hadrEnabled IsHadrEnabled
 * @param masterKey whether a database master key exists in master
 * @param traceFlags globally enabled trace flags
 * @param databases databases by id
 * @param tables user tables
 * @param certificates certificates by id
 * @param issuers trusted issuers
 * @param endpoints endpoints
 * @param groups AGs and DAGs
 * @param databaseReplicas remote database replica states
 * @param seeding seeding operations
 * @param backups backup history
 */
public record CatalogSnapshot(boolean hadrEnabled, boolean masterKey, Set<Integer> traceFlags,
        List<DatabaseInfo> databases, List<UserTable> tables, List<CertificateInfo> certificates,
        List<IssuerInfo> issuers, List<EndpointInfo> endpoints, List<AvailabilityGroupInfo> groups,
        List<DatabaseReplicaInfo> databaseReplicas, List<SeedingInfo> seeding, List<BackupInfo> backups) {

    /**
     * Copies every collection, so a snapshot never changes after it is taken.
     *
     * @param hadrEnabled IsHadrEnabled
     * @param masterKey whether a database master key exists in master
     * @param traceFlags globally enabled trace flags
     * @param databases databases by id
     * @param tables user tables
     * @param certificates certificates by id
     * @param issuers trusted issuers
     * @param endpoints endpoints
     * @param groups AGs and DAGs
     * @param databaseReplicas remote database replica states
     * @param seeding seeding operations
     * @param backups backup history
     */
    public CatalogSnapshot {
        traceFlags = Set.copyOf(traceFlags);
        databases = List.copyOf(databases);
        tables = List.copyOf(tables);
        certificates = List.copyOf(certificates);
        issuers = List.copyOf(issuers);
        endpoints = List.copyOf(endpoints);
        groups = List.copyOf(groups);
        databaseReplicas = List.copyOf(databaseReplicas);
        seeding = List.copyOf(seeding);
        backups = List.copyOf(backups);
    }
}
