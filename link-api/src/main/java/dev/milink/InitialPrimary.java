package dev.milink;

/** Which side holds the database when the link is created. */
public enum InitialPrimary {
    /** SQL Server replicates to the Managed Instance (every supported version). */
    SQL_SERVER,
    /** The Managed Instance replicates to SQL Server (SQL Server 2022 CU10+ and 2025 only). */
    MANAGED_INSTANCE
}
