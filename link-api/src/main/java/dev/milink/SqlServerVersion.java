package dev.milink;

/**
 * The SQL Server major versions the link supports, with what each allows (docs/LINK-FACTS.md section 5.1).
 */
public enum SqlServerVersion {
    /** SQL Server 2016 SP3 with the Azure Connect pack; needs a WSFC; SQL Server to MI only. */
    SQL_SERVER_2016(13, "13.0.7000.253", false, false),
    /** SQL Server 2017 CU31 with the Azure Connect pack; SQL Server to MI only. */
    SQL_SERVER_2017(14, "14.0.3490.10", true, false),
    /** SQL Server 2019 CU20; SQL Server to MI only. */
    SQL_SERVER_2019(15, "15.0.4312.2", true, false),
    /** SQL Server 2022; both directions (MI as initial primary from CU10, T-SQL failover from CU13). */
    SQL_SERVER_2022(16, "16.0.1000.6", true, true),
    /** SQL Server 2025; both directions. */
    SQL_SERVER_2025(17, "17.0.1000.7", true, true);

    private final int major;
    private final String minimumBuild;
    private final boolean clusterTypeNone;
    private final boolean bidirectional;

    SqlServerVersion(int major, String minimumBuild, boolean clusterTypeNone, boolean bidirectional) {
        this.major = major;
        this.minimumBuild = minimumBuild;
        this.clusterTypeNone = clusterTypeNone;
        this.bidirectional = bidirectional;
    }

    /** @return the major version number, for example 16 for SQL Server 2022 */
    public int major() {
        return major;
    }

    /** @return the lowest build that supports the link from SQL Server to MI */
    public String minimumBuild() {
        return minimumBuild;
    }

    /** @return whether {@code CLUSTER_TYPE = NONE} exists (not on 2016, which needs a WSFC) */
    public boolean supportsClusterTypeNone() {
        return clusterTypeNone;
    }

    /** @return whether failing back from MI to SQL Server (and MI as initial primary) is possible */
    public boolean isBidirectional() {
        return bidirectional;
    }

    /**
     * @param major a major version number from {@code SERVERPROPERTY('ProductVersion')}
     * @return the version
     * @throws LinkPlanningException for versions the link does not support
     */
    public static SqlServerVersion ofMajor(int major) {
        for (SqlServerVersion v : values()) {
            if (v.major == major) {
                return v;
            }
        }
        throw new LinkPlanningException("sqlServerVersion", "major " + major,
                "the link supports SQL Server 2016 (13) to 2025 (17)", "upgrade SQL Server to a supported version");
    }

    /**
     * @param year 2016, 2017, 2019, 2022 or 2025
     * @return the version
     */
    public static SqlServerVersion ofYear(int year) {
        for (SqlServerVersion v : values()) {
            if (v.name().endsWith("_" + year)) {
                return v;
            }
        }
        throw new LinkPlanningException("sqlServerVersion", String.valueOf(year),
                "the link supports SQL Server 2016, 2017, 2019, 2022 and 2025", "pick one of those");
    }

    /** @return for example {@code SQL Server 2022} */
    public String displayName() {
        return "SQL Server " + name().substring(name().length() - 4);
    }
}
