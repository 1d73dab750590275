package dev.milink;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything a user decided about a set of links, with defaults filled in and every name validated.
 * Built by {@link Link}; plans are derived from it.
 *
 * @param initialPrimary which side holds the databases at creation
 * @param sqlServer the SQL Server instance
 * @param managedInstance the Managed Instance
 * @param links one entry per database
 * @param endpointName the database mirroring endpoint's name on SQL Server
 * @param certificateName the SQL Server endpoint certificate's name
 * @param certificateExpiry the certificate's {@code EXPIRY_DATE}; empty means SQL Server's default (one year)
 * @param seedingMode how the databases are seeded
 * @param sqlServerVersion the SQL Server major version
 * @param twoWayDisasterRecovery whether failing back to SQL Server is intended ({@code failoverMode = Manual})
 * @param issuerDnsName the DNS name the Azure root certificates are trusted for
 * @param firstLogBackupPath where the first log backup after seeding goes; empty to skip that step
 */
public record LinkSpec(InitialPrimary initialPrimary, SqlServerInstance sqlServer, ManagedInstance managedInstance,
        List<DatabaseLink> links, String endpointName, String certificateName, Optional<LocalDate> certificateExpiry,
        SeedingMode seedingMode, SqlServerVersion sqlServerVersion, boolean twoWayDisasterRecovery,
        String issuerDnsName, Optional<String> firstLogBackupPath) {

    /**
     * Checks the components.
     *
     * @param initialPrimary which side holds the databases at creation
     * @param sqlServer the SQL Server instance
     * @param managedInstance the Managed Instance
     * @param links one entry per database
     * @param endpointName the database mirroring endpoint's name on SQL Server
     * @param certificateName the SQL Server endpoint certificate's name
     * @param certificateExpiry the certificate's {@code EXPIRY_DATE}; empty means SQL Server's default (one year)
     * @param seedingMode how the databases are seeded
     * @param sqlServerVersion the SQL Server major version
     * @param twoWayDisasterRecovery whether failing back to SQL Server is intended ({@code failoverMode = Manual})
     * @param issuerDnsName the DNS name the Azure root certificates are trusted for
     * @param firstLogBackupPath where the first log backup after seeding goes; empty to skip that step
     */
    public LinkSpec {
        Objects.requireNonNull(initialPrimary, "initialPrimary");
        Objects.requireNonNull(sqlServer, "sqlServer");
        Objects.requireNonNull(managedInstance, "managedInstance");
        links = List.copyOf(links);
        if (links.isEmpty()) {
            throw new LinkPlanningException("database", "(none)", "a link needs at least one database",
                    "call .database(\"name\")");
        }
        NameRules.sqlIdentifier("endpointName", endpointName);
        NameRules.sqlIdentifier("certificateName", certificateName);
        if (certificateName.indexOf('\\') >= 0) {
            throw new LinkPlanningException("certificateName", NameRules.printable(certificateName),
                    "the SQL Server endpoint certificate name must not contain '\\'",
                    "replace the backslash, for example Cert_SQLBOX01_INST2_endpoint");
        }
        Objects.requireNonNull(certificateExpiry, "certificateExpiry");
        Objects.requireNonNull(seedingMode, "seedingMode");
        Objects.requireNonNull(sqlServerVersion, "sqlServerVersion");
        Objects.requireNonNull(issuerDnsName, "issuerDnsName");
        Objects.requireNonNull(firstLogBackupPath, "firstLogBackupPath");
        firstLogBackupPath.ifPresent(p -> NameRules.sqlIdentifier("firstLogBackupPath", p));
        distinctNames(links);
    }

    /**
     * Databases, link names and group names must differ between links the way the servers compare them
     * (case-insensitively): SQL Server keeps availability groups and distributed availability groups in one
     * namespace, and a second {@code IF NOT EXISTS} create of the same name would silently be skipped.
     */
    private static void distinctNames(List<DatabaseLink> links) {
        java.util.Map<String, String> sqlServerGroups = new java.util.HashMap<>();
        java.util.Map<String, String> managedInstanceGroups = new java.util.HashMap<>();
        java.util.Map<String, String> databases = new java.util.HashMap<>();
        for (DatabaseLink l : links) {
            claim(databases, "database", l.database().value(), l.database().value());
            claim(sqlServerGroups, "linkName", l.linkName(), l.database().value());
            claim(sqlServerGroups, "sqlServerAvailabilityGroup", l.sqlServerAvailabilityGroup(), l.database().value());
            claim(managedInstanceGroups, "linkName", l.linkName(), l.database().value());
            claim(managedInstanceGroups, "managedInstanceAvailabilityGroup", l.managedInstanceAvailabilityGroup(),
                    l.database().value());
        }
    }

    private static void claim(java.util.Map<String, String> taken, String field, String name, String database) {
        String previous = taken.putIfAbsent(name.toLowerCase(java.util.Locale.ROOT), database);
        if (previous != null && !previous.equals(database)) {
            throw new LinkPlanningException(field, NameRules.printable(name),
                    "each link needs its own database and group names (compared case-insensitively); this name is already used for database "
                            + NameRules.printable(previous),
                    "give each database distinct names with .names(database, linkName, sqlServerGroup, managedInstanceGroup)");
        }
    }

    /** @return the mirroring endpoint's listener port (from the SQL Server endpoint URL) */
    public int endpointPort() {
        return sqlServer.endpoint().port();
    }

    /**
     * @param database a database of this spec
     * @return its link
     */
    public DatabaseLink link(DatabaseName database) {
        return links.stream().filter(l -> l.database().equals(database)).findFirst()
                .orElseThrow(() -> new LinkPlanningException("database", NameRules.printable(database.value()),
                        "the database is not part of this link definition", "add it with .database(...)"));
    }
}
