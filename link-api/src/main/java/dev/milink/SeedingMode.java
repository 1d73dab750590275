package dev.milink;

/** How the database reaches the secondary at link creation. */
public enum SeedingMode {
    /** The primary streams the database to the secondary (the default and the documented path). */
    AUTOMATIC("Automatic", "AUTOMATIC"),
    /** The secondary is restored from backups by hand before joining ("for supported scenarios"). */
    MANUAL("Manual", "MANUAL");

    private final String arm;
    private final String tsql;

    SeedingMode(String arm, String tsql) {
        this.arm = arm;
        this.tsql = tsql;
    }

    /** @return the ARM value, {@code Automatic} or {@code Manual} */
    public String armValue() {
        return arm;
    }

    /** @return the T-SQL keyword, {@code AUTOMATIC} or {@code MANUAL} */
    public String tsqlKeyword() {
        return tsql;
    }
}
