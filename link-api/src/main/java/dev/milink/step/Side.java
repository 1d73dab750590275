package dev.milink.step;

/** Where a step runs. */
public enum Side {
    /** On SQL Server, over T-SQL. */
    SQL_SERVER("SQL Server"),
    /** On Azure SQL Managed Instance, through Azure Resource Manager. */
    MANAGED_INSTANCE("Managed Instance (ARM)"),
    /** Reads both sides; changes neither (checks and waits). */
    BOTH("both sides");

    private final String displayName;

    Side(String displayName) {
        this.displayName = displayName;
    }

    /** @return a human-readable name */
    public String displayName() {
        return displayName;
    }
}
