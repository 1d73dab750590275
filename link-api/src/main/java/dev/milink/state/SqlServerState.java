package dev.milink.state;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One observation of SQL Server's link-relevant state, read in a single round trip.
 *
 * @param server server-level facts
 * @param databases the databases asked about
 * @param certificates certificates in {@code master}
 * @param mirroringEndpoint the database mirroring endpoint, if any
 * @param availabilityGroups availability groups and distributed availability groups
 * @param seeding automatic seeding operations
 * @param observedAt when the observation was made (server clock)
 * @param logs the databases' log space and recent log backups, when the adapter reads them (empty otherwise)
 */
public record SqlServerState(ServerFacts server, List<DatabaseState> databases, List<CertificateState> certificates,
        Optional<EndpointState> mirroringEndpoint, List<AvailabilityGroupState> availabilityGroups,
        List<SeedingState> seeding, Instant observedAt, List<LogState> logs) {

    /**
     * Checks the components.
     *
     * @param server server-level facts
     * @param databases the databases asked about
     * @param certificates certificates in {@code master}
     * @param mirroringEndpoint the database mirroring endpoint, if any
     * @param availabilityGroups availability groups and distributed availability groups
     * @param seeding automatic seeding operations
     * @param observedAt when the observation was made (server clock)
     * @param logs the databases' log space and recent log backups, when the adapter reads them (empty otherwise)
     */
    public SqlServerState {
        logs = List.copyOf(logs);
        databases = List.copyOf(databases);
        certificates = List.copyOf(certificates);
        availabilityGroups = List.copyOf(availabilityGroups);
        seeding = List.copyOf(seeding);
    }

    /**
     * @param name a database name
     * @return the database, if it exists
     */
    public Optional<DatabaseState> database(String name) {
        return databases.stream().filter(d -> d.name().equals(name)).findFirst();
    }

    /**
     * @param name a certificate name (case-insensitive, like SQL Server's default collation)
     * @return the certificate, if it exists
     */
    public Optional<CertificateState> certificate(String name) {
        return certificates.stream().filter(c -> c.name().equalsIgnoreCase(name)).findFirst();
    }

    /**
     * @param name a group name (case-insensitive)
     * @return the group, if it exists
     */
    public Optional<AvailabilityGroupState> availabilityGroup(String name) {
        return availabilityGroups.stream().filter(g -> g.name().equalsIgnoreCase(name)).findFirst();
    }

    /**
     * @param database a database name
     * @return its most recent seeding operation, if any
     */
    public Optional<SeedingState> seeding(String database) {
        return seeding.stream().filter(s -> s.database().equals(database)).reduce((a, b) -> b);
    }

    /**
     * An observation without log information (adapters that do not read {@code msdb}).
     *
     * @param server server-level facts
     * @param databases the databases asked about
     * @param certificates certificates in {@code master}
     * @param mirroringEndpoint the database mirroring endpoint, if any
     * @param availabilityGroups availability groups and distributed availability groups
     * @param seeding automatic seeding operations
     * @param observedAt when the observation was made
     */
    public SqlServerState(ServerFacts server, List<DatabaseState> databases, List<CertificateState> certificates,
            Optional<EndpointState> mirroringEndpoint, List<AvailabilityGroupState> availabilityGroups,
            List<SeedingState> seeding, Instant observedAt) {
        this(server, databases, certificates, mirroringEndpoint, availabilityGroups, seeding, observedAt, List.of());
    }

    /**
     * @param database a database name
     * @return its log state, when the adapter read it
     */
    public Optional<LogState> log(String database) {
        return logs.stream().filter(l -> l.database().equals(database)).findFirst();
    }
}
