package dev.milink;

/** How the database reaches the secondary at link creation. */
public enum SeedingMode {
    /** The primary streams the database to the secondary (the default and the documented path). */
    AUTOMATIC,
    /** The secondary is restored from backups by hand before joining ("for supported scenarios"). */
    MANUAL
}
