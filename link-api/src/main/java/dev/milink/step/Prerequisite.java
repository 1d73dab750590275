package dev.milink.step;

/**
 * The preflight checks of docs/LINK-FACTS.md section 5, each with the side it reads, whether a failure stops the
 * plan, and the rule and fix that reports show.
 */
public enum Prerequisite {
    /** The SQL Server build supports the link in the planned direction. */
    SQL_SERVER_VERSION(Side.SQL_SERVER, Severity.ERROR, false,
            "SQL Server must be at least the minimum build for the link (2016 SP3 + Azure Connect pack, 2017 CU31, 2019 CU20, 2022 RTM, 2025 RTM; MI as initial primary needs 2022 CU10)",
            "install the cumulative update named in the rule"),
    /** Always On availability groups are enabled. */
    HADR_ENABLED(Side.SQL_SERVER, Severity.ERROR, false, "SERVERPROPERTY('IsHadrEnabled') must be 1",
            "enable Always On availability groups in SQL Server Configuration Manager (or mssql-conf) and restart the service"),
    /** The login is a sysadmin. */
    SYSADMIN(Side.SQL_SERVER, Severity.ERROR, false, "the login must be a member of sysadmin",
            "connect with a sysadmin login"),
    /** The database exists and is online. */
    DATABASE_ONLINE(Side.SQL_SERVER, Severity.ERROR, true, "the database must exist on SQL Server and be ONLINE",
            "check the database name and bring the database online"),
    /** The database uses the FULL recovery model. */
    RECOVERY_FULL(Side.SQL_SERVER, Severity.ERROR, true, "the database must use the FULL recovery model",
            "ALTER DATABASE [<db>] SET RECOVERY FULL; then take a full backup"),
    /** A full, non-COPY_ONLY backup exists. */
    FULL_BACKUP(Side.SQL_SERVER, Severity.ERROR, true,
            "the database needs a full backup that is not COPY_ONLY (otherwise error 1475)",
            "BACKUP DATABASE [<db>] TO DISK = N'<path>' WITH CHECKSUM;"),
    /** The database has exactly one log file. */
    SINGLE_LOG_FILE(Side.SQL_SERVER, Severity.ERROR, true,
            "the database must have exactly one log file (Managed Instance supports one)",
            "empty and remove the extra log files (DBCC SHRINKFILE ... EMPTYFILE; ALTER DATABASE ... REMOVE FILE)"),
    /** The database is not already in an availability group. */
    NOT_IN_AVAILABILITY_GROUP(Side.SQL_SERVER, Severity.ERROR, true,
            "the database must not already belong to another availability group",
            "remove it from that group, or reuse that group when it holds exactly this one database"),
    /** An existing mirroring endpoint allows certificate authentication with AES. */
    ENDPOINT_SHAPE(Side.SQL_SERVER, Severity.ERROR, false,
            "an existing DATABASE_MIRRORING endpoint must use CERTIFICATE authentication and AES encryption and be STARTED",
            "ALTER ENDPOINT [<endpoint>] STATE = STARTED FOR DATABASE_MIRRORING (AUTHENTICATION = WINDOWS NEGOTIATE CERTIFICATE [<cert>], ENCRYPTION = REQUIRED ALGORITHM AES)"),
    /** Trace flags 1800 and 9567 are on (a recommendation). */
    TRACE_FLAGS(Side.SQL_SERVER, Severity.WARNING, false,
            "trace flags 1800 (log sector size) and 9567 (seeding compression) are recommended",
            "add -T1800 and -T9567 as startup parameters and restart"),
    /** Server collations match. */
    COLLATION_MATCH(Side.BOTH, Severity.WARNING, false,
            "SQL Server's and the Managed Instance's server collation should be the same",
            "align the collations; a mismatch can break server-name casing and the connection"),
    /** The MI update policy allows the direction or two-way DR. */
    UPDATE_POLICY(Side.MANAGED_INSTANCE, Severity.ERROR, false,
            "failing back to SQL Server (two-way DR, or MI as initial primary) needs the Managed Instance update policy matching the SQL Server version (SQLServer2022 or SQLServer2025)",
            "set the instance's update policy to match, or plan a one-way link (twoWayDR(false))"),
    /** The instance has room for another link. */
    LINK_CAPACITY(Side.MANAGED_INSTANCE, Severity.ERROR, false,
            "the Managed Instance must have room for the new links (100 databases on General Purpose and Business Critical, 500 on Next-gen)",
            "remove unused databases or links, or use another instance"),
    /** The database name is free on the Managed Instance (SQL Server as primary). */
    DATABASE_NAME_FREE(Side.MANAGED_INSTANCE, Severity.ERROR, true,
            "no database of the same name may exist on the Managed Instance (seeding fails, ARM 409 RemoteDatabaseExists)",
            "drop or rename the database on the Managed Instance"),
    /** The database exists on the Managed Instance (Managed Instance as primary). */
    DATABASE_ON_MANAGED_INSTANCE(Side.MANAGED_INSTANCE, Severity.ERROR, true,
            "the database must exist on the Managed Instance when the Managed Instance is the initial primary",
            "check the database name"),
    /** The link name is not used by another link with other settings. */
    LINK_NAME_FREE(Side.MANAGED_INSTANCE, Severity.ERROR, true,
            "no other link with this name may exist on the Managed Instance with different settings",
            "choose another link name or drop the old link"),
    /** The side that fails over is the current primary and the other side is secondary. */
    FAILOVER_ROLES(Side.BOTH, Severity.ERROR, true,
            "the current primary must be the side the failover starts from, and the other side its secondary",
            "check the link's roles with 'milink status'; fail over in the other direction, or repair a split brain first"),
    /** The link is connected and synchronizing, so a failover can be planned. */
    LINK_SYNCHRONIZED(Side.BOTH, Severity.ERROR, true,
            "the link must be connected, healthy and synchronizing before a planned failover",
            "wait until seeding has finished and the link is healthy, or investigate the link error"),
    /** The secondary has every log record the primary hardened, so dropping the link loses nothing. */
    LSNS_IN_SYNC(Side.BOTH, Severity.ERROR, true,
            "the last hardened LSN must be the same on both sides before the link is dropped (otherwise the secondary misses data)",
            "stop the workload and wait until the LSNs match, or drop anyway with allowUnsynchronized (CLI: --force)"),
    /** Both sides claim the primary role: a split brain to repair. */
    SPLIT_BRAIN(Side.BOTH, Severity.ERROR, true,
            "a split-brain repair applies only when both sides are primary",
            "nothing to repair; use a planned failover to change roles"),
    /** The SQL Server endpoint accepts TCP connections from where milink runs. */
    ENDPOINT_REACHABLE(Side.SQL_SERVER, Severity.WARNING, false,
            "the SQL Server mirroring endpoint address should accept TCP connections (probed from where milink runs, not from the Managed Instance)",
            "open port 5022 (or your endpoint port) in the firewalls between SQL Server and the Managed Instance subnet");

    /** Whether a failed check stops the plan. */
    public enum Severity {
        /** Stops the plan. */
        ERROR,
        /** Reported; the plan goes on. */
        WARNING
    }

    private final Side side;
    private final Severity severity;
    private final boolean perDatabase;
    private final String rule;
    private final String fix;

    Prerequisite(Side side, Severity severity, boolean perDatabase, String rule, String fix) {
        this.side = side;
        this.severity = severity;
        this.perDatabase = perDatabase;
        this.rule = rule;
        this.fix = fix;
    }

    /** @return the side the check reads */
    public Side side() {
        return side;
    }

    /** @return whether a failure stops the plan */
    public Severity severity() {
        return severity;
    }

    /** @return whether the check is made once per database */
    public boolean perDatabase() {
        return perDatabase;
    }

    /** @return the rule, in one sentence */
    public String rule() {
        return rule;
    }

    /** @return how to fix a failure */
    public String fix() {
        return fix;
    }

    /** @return the kebab-case id used in step ids and reports */
    public String key() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
