package dev.milink.testkit.sql;

/** Which product a simulated server pretends to be. */
public enum Flavor {
    /** SQL Server (boxed product, EngineEdition 2/3). */
    SQL_SERVER,
    /** Azure SQL Managed Instance (EngineEdition 8, ProductVersion 12.0.2000.8). */
    MANAGED_INSTANCE
}
