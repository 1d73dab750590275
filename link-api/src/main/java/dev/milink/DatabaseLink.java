package dev.milink;

import java.util.Objects;

/**
 * One link: one database, its distributed availability group (the link name, which is also the ARM
 * resource name) and the availability group on each side.
 *
 * @param database the replicated database
 * @param linkName the distributed availability group and ARM resource name
 * @param sqlServerAvailabilityGroup the availability group on SQL Server
 * @param managedInstanceAvailabilityGroup the availability group on the Managed Instance
 */
public record DatabaseLink(DatabaseName database, String linkName, String sqlServerAvailabilityGroup,
        String managedInstanceAvailabilityGroup) {

    /**
     * Checks the components.
     *
     * @param database the replicated database
     * @param linkName the distributed availability group and ARM resource name
     * @param sqlServerAvailabilityGroup the availability group on SQL Server
     * @param managedInstanceAvailabilityGroup the availability group on the Managed Instance
     */
    public DatabaseLink {
        Objects.requireNonNull(database, "database");
        NameRules.linkName(linkName);
        NameRules.sqlIdentifier("sqlServerAvailabilityGroup", sqlServerAvailabilityGroup);
        NameRules.sqlIdentifier("managedInstanceAvailabilityGroup", managedInstanceAvailabilityGroup);
        if (sqlServerAvailabilityGroup.equalsIgnoreCase(linkName)
                || managedInstanceAvailabilityGroup.equalsIgnoreCase(linkName)
                || sqlServerAvailabilityGroup.equalsIgnoreCase(managedInstanceAvailabilityGroup)) {
            throw new LinkPlanningException("linkName", NameRules.printable(linkName),
                    "the link name and the two availability group names must all differ",
                    "use the defaults (DAG_<db>, AG_<db>, AG_<db>_MI) or three distinct names");
        }
    }

    /**
     * The documented naming: {@code DAG_<db>}, {@code AG_<db>}, {@code AG_<db>_MI}. Characters that ARM
     * does not allow in a link name become {@code _}.
     *
     * @param database the database
     * @return the link with default names
     */
    public static DatabaseLink withDefaultNames(DatabaseName database) {
        String base = database.value();
        String safe = base.replaceAll("[^\\w@#$]", "_");
        String link = safe.length() > 124 ? safe.substring(0, 124) : safe;
        String ag = base.length() > 125 ? base.substring(0, 125) : base;
        String miAg = base.length() > 122 ? base.substring(0, 122) : base;
        return new DatabaseLink(database, "DAG_" + link, "AG_" + ag, "AG_" + miAg + "_MI");
    }
}
