package dev.milink.testkit.world;

/** The two ends of a Managed Instance link. */
enum Side {
    /** The simulated SQL Server (ARM's "partner"). */
    SQL_SERVER,
    /** The simulated Managed Instance (ARM's "instance"). */
    MANAGED_INSTANCE;

    Side other() {
        return this == SQL_SERVER ? MANAGED_INSTANCE : SQL_SERVER;
    }
}
