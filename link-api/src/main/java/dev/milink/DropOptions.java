package dev.milink;

/**
 * What a drop plan removes besides the links.
 *
 * @param dropSqlServerAvailabilityGroups also drop the local availability groups on SQL Server
 * @param removeTrust also remove the trust objects (server trust certificate on the Managed Instance,
 *        the Managed Instance's certificate on SQL Server) when no other link uses them
 * @param allowUnsynchronized drop even when the last hardened LSNs differ (data not yet on the secondary is lost)
 */
public record DropOptions(boolean dropSqlServerAvailabilityGroups, boolean removeTrust, boolean allowUnsynchronized) {

    /** @return drop the links and their SQL Server availability groups; keep trust; refuse when not in sync */
    public static DropOptions defaults() {
        return new DropOptions(true, false, false);
    }
}
