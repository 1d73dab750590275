package dev.milink.testkit.sql.catalog;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.UnaryOperator;

/**
 * AG / DAG, replica-state and seeding operations of a {@link HadrCatalog}; what a linked world drives
 * (role changes, connection state and errors such as 41973/41974, synchronization state, LSNs, seeding).
 * All methods take the catalog lock.
 */
public final class HadrCatalogGroups {

    private final HadrCatalog catalog;

    HadrCatalogGroups(HadrCatalog catalog) {
        this.catalog = catalog;
    }

    /**
     * @param name name of the AG or DAG
     * @return the AG or DAG with that name
     */
    public Optional<AvailabilityGroupInfo> group(String name) {
        return catalog.atomically(() -> Optional.ofNullable(catalog.groups.get(name)));
    }

    /**
     * @param id group id
     * @return the AG or DAG with that id
     */
    public Optional<AvailabilityGroupInfo> groupById(UUID id) {
        return catalog.atomically(() -> catalog.groups.values().stream().filter(g -> g.groupId().equals(id))
                .findFirst());
    }

    /** @return all AGs and DAGs */
    public List<AvailabilityGroupInfo> all() {
        return catalog.atomically(() -> List.copyOf(catalog.groups.values()));
    }

    /**
     * Creates or replaces an AG/DAG (adds remote database replica rows for new remote replicas).
     *
     * @param group the AG or DAG; it replaces any group of the same name
     */
    public void put(AvailabilityGroupInfo group) {
        catalog.atomically(() -> {
            boolean created = !catalog.groups.containsKey(group.name());
            catalog.groups.put(group.name(), group);
            for (ReplicaInfo r : group.replicas()) {
                for (String db : group.databases()) {
                    if (!r.local() && databaseReplica(group.groupId(), r.replicaId(), db).isEmpty()) {
                        catalog.databaseReplicas.add(DatabaseReplicaInfo.initial(group.groupId(), r.replicaId(), db));
                    }
                }
            }
            if (created) {
                catalog.fire(group.distributed() ? HadrEvent.Type.DAG_CREATED : HadrEvent.Type.AG_CREATED,
                        group.name(), String.join(",", group.databases()));
            }
        });
    }

    /**
     * Drops an AG/DAG and its database replica rows.
     *
     * @param name name of the AG or DAG
     */
    public void remove(String name) {
        catalog.atomically(() -> {
            AvailabilityGroupInfo g = catalog.groups.remove(name);
            if (g != null) {
                catalog.databaseReplicas.removeIf(r -> r.groupId().equals(g.groupId()));
                catalog.fire(g.distributed() ? HadrEvent.Type.DAG_DROPPED : HadrEvent.Type.AG_DROPPED, g.name(), "");
            }
        });
    }

    /**
     * @param database database name, any casing
     * @return the plain (non-distributed) AG holding that database
     */
    public Optional<AvailabilityGroupInfo> agOfDatabase(String database) {
        return catalog.atomically(() -> catalog.groups.values().stream()
                .filter(g -> !g.distributed() && g.databases().stream().anyMatch(database::equalsIgnoreCase))
                .findFirst());
    }

    /**
     * @param agName name of the local AG, any casing
     * @return the DAGs whose local member AG is {@code agName}
     */
    public List<AvailabilityGroupInfo> dagsOver(String agName) {
        return catalog.atomically(() -> catalog.groups.values().stream().filter(AvailabilityGroupInfo::distributed)
                .filter(d -> d.localReplica().map(r -> r.serverName().equalsIgnoreCase(agName)).orElse(false))
                .toList());
    }

    /**
     * @param database database name
     * @return whether writes to the database are refused because this server holds a secondary copy (its AG's
     *         local replica, or a DAG over its AG, is SECONDARY)
     */
    public boolean isSecondary(String database) {
        return catalog.atomically(() -> agOfDatabase(database).map(ag -> {
            boolean agSecondary = ag.localReplica().map(r -> "SECONDARY".equals(r.role())).orElse(false);
            return agSecondary || dagsOver(ag.name()).stream()
                    .anyMatch(d -> d.localReplica().map(r -> "SECONDARY".equals(r.role())).orElse(false));
        }).orElse(false));
    }

    /**
     * Sets the local role of an AG/DAG; for a DAG the remote member gets the opposite role.
     *
     * @param name the AG/DAG
     * @param role PRIMARY or SECONDARY
     */
    public void setLocalRole(String name, String role) {
        catalog.atomically(() -> {
            AvailabilityGroupInfo g = require(name);
            String other = "PRIMARY".equals(role) ? "SECONDARY" : "PRIMARY";
            catalog.groups.put(g.name(), g.mapReplicas(r -> r.local() ? r.withRole(role)
                    : g.distributed() ? r.withRole(other) : r));
            catalog.fire(HadrEvent.Type.ROLE_SET, g.name(), role);
        });
    }

    /**
     * Sets what {@code sys.dm_hadr_availability_replica_states} shows for one replica.
     *
     * @param name the AG/DAG
     * @param replicaName the replica server name (the member AG name for a DAG)
     * @param connectedState CONNECTED or DISCONNECTED
     * @param health HEALTHY, PARTIALLY_HEALTHY or NOT_HEALTHY
     * @param errorNumber last connect error (e.g. 41973) or null to clear
     * @param errorText its description or null
     */
    public void setReplicaConnection(String name, String replicaName, String connectedState, String health,
            Integer errorNumber, String errorText) {
        catalog.atomically(() -> {
            AvailabilityGroupInfo g = require(name);
            g.replica(replicaName).orElseThrow(() -> new IllegalArgumentException("no replica " + replicaName));
            catalog.groups.put(g.name(), g.mapReplicas(r -> r.serverName().equalsIgnoreCase(replicaName)
                    ? r.withConnection(connectedState, health, errorNumber, errorText,
                            errorNumber == null ? null : catalog.now())
                    : r));
        });
    }

    /**
     * @param groupId the AG or DAG id
     * @param replicaId the remote replica id
     * @param database database name, any casing
     * @return the stored remote database replica row
     */
    public Optional<DatabaseReplicaInfo> databaseReplica(UUID groupId, UUID replicaId, String database) {
        return catalog.atomically(() -> catalog.databaseReplicas.stream().filter(r -> r.groupId().equals(groupId)
                && r.replicaId().equals(replicaId) && r.databaseName().equalsIgnoreCase(database)).findFirst());
    }

    /** @return all stored remote database replica rows */
    public List<DatabaseReplicaInfo> databaseReplicas() {
        return catalog.atomically(() -> List.copyOf(catalog.databaseReplicas));
    }

    /**
     * Changes the remote database replica rows of a group (all remote replicas) for one database.
     *
     * @param name name of the AG or DAG
     * @param database database name, any casing
     * @param change computes each new row from the current one
     */
    public void updateRemoteDatabase(String name, String database, UnaryOperator<DatabaseReplicaInfo> change) {
        catalog.atomically(() -> {
            AvailabilityGroupInfo g = require(name);
            catalog.databaseReplicas.replaceAll(r -> r.groupId().equals(g.groupId())
                    && r.databaseName().equalsIgnoreCase(database) ? change.apply(r) : r);
        });
    }

    /**
     * Sets synchronization state and health of the remote copies of {@code database} in AG/DAG {@code name}.
     *
     * @param name name of the AG or DAG
     * @param database database name, any casing
     * @param state synchronization state, for example SYNCHRONIZED
     * @param health synchronization health, for example HEALTHY
     */
    public void setSynchronization(String name, String database, String state, String health) {
        updateRemoteDatabase(name, database, r -> r.withSync(state, health));
    }

    /**
     * Sets the remote copies' hardened/received/commit LSN.
     *
     * @param name name of the AG or DAG
     * @param database database name, any casing
     * @param lsn the LSN the remote copies have reached
     */
    public void setRemoteLsn(String name, String database, BigDecimal lsn) {
        updateRemoteDatabase(name, database, r -> r.withLsn(lsn, catalog.now()));
    }

    /**
     * @param name name of the AG or DAG
     * @return whether every remote copy of every database of the group is SYNCHRONIZED
     */
    public boolean synchronizedRemotes(String name) {
        return catalog.atomically(() -> {
            AvailabilityGroupInfo g = require(name);
            List<DatabaseReplicaInfo> rows = catalog.databaseReplicas.stream()
                    .filter(r -> r.groupId().equals(g.groupId())).toList();
            return !rows.isEmpty() && rows.stream().allMatch(r -> "SYNCHRONIZED".equals(r.synchronizationState()));
        });
    }

    // ---- seeding ----

    /** @return all seeding operations */
    public List<SeedingInfo> seeding() {
        return catalog.atomically(() -> List.copyOf(catalog.seeding));
    }

    /**
     * @param database database name, any casing
     * @return whether a seeding operation for the database is running
     */
    public boolean seedingRunning(String database) {
        return catalog.atomically(() -> catalog.seeding.stream()
                .anyMatch(s -> s.running() && s.databaseName().equalsIgnoreCase(database)));
    }

    /**
     * Starts an automatic seeding operation (state SEEDING).
     *
     * @param name name of the AG or DAG
     * @param database the database being seeded
     * @param remoteReplicaName the replica on the other side (the member AG name for a DAG)
     * @param sizeBytes total bytes to transfer
     * @param source whether this server sends the data
     * @return the operation id
     */
    public UUID startSeeding(String name, String database, String remoteReplicaName, long sizeBytes,
            boolean source) {
        return catalog.atomically(() -> {
            AvailabilityGroupInfo g = require(name);
            ReplicaInfo remote = g.replica(remoteReplicaName)
                    .orElseThrow(() -> new IllegalArgumentException("no replica " + remoteReplicaName));
            UUID id = UUID.randomUUID();
            int attempts = (int) catalog.seeding.stream().filter(s -> s.databaseName().equalsIgnoreCase(database)
                    && s.groupId().equals(g.groupId())).count() + 1;
            UUID dbId = catalog.database(database).map(DatabaseInfo::stableId)
                    .orElse(UUID.nameUUIDFromBytes(database.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            catalog.seeding.add(new SeedingInfo(id, g.groupId(), dbId, remote.replicaId(), database, source,
                    "SEEDING", sizeBytes, 0, 0, null, null, null, attempts, catalog.now(), null,
                    catalog.traceFlags().contains(9567)));
            return id;
        });
    }

    /**
     * Reports progress of a running operation.
     *
     * @param operationId the running operation
     * @param transferredBytes bytes sent so far
     * @param rateBytesPerSecond current transfer rate
     */
    public void reportSeedingProgress(UUID operationId, long transferredBytes, long rateBytesPerSecond) {
        update(operationId, s -> s.withProgress(transferredBytes, rateBytesPerSecond));
    }

    /**
     * Marks an operation COMPLETED.
     *
     * @param operationId the running operation
     */
    public void completeSeeding(UUID operationId) {
        update(operationId, s -> s.finish("COMPLETED", null, null, null, catalog.now()));
    }

    /**
     * Marks an operation FAILED, e.g. failure state 23 "database with that name already exists".
     *
     * @param operationId the running operation
     * @param failureState failure_state, for example 23
     * @param failureStateDesc failure_state_desc
     * @param errorCode error_code
     */
    public void failSeeding(UUID operationId, int failureState, String failureStateDesc, int errorCode) {
        update(operationId, s -> s.finish("FAILED", failureState, failureStateDesc, errorCode, catalog.now()));
    }

    private void update(UUID operationId, UnaryOperator<SeedingInfo> change) {
        catalog.atomically(() -> {
            int i = indexOf(operationId);
            catalog.seeding.set(i, change.apply(catalog.seeding.get(i)));
        });
    }

    private int indexOf(UUID operationId) {
        for (int i = 0; i < catalog.seeding.size(); i++) {
            if (catalog.seeding.get(i).operationId().equals(operationId)) {
                return i;
            }
        }
        throw new IllegalArgumentException("no seeding operation " + operationId);
    }

    private AvailabilityGroupInfo require(String name) {
        AvailabilityGroupInfo g = catalog.groups.get(name);
        if (g == null) {
            throw new IllegalArgumentException("no availability group " + name);
        }
        return g;
    }
}
