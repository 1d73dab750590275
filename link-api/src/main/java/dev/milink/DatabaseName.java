package dev.milink;

import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * The name of a user database to replicate. System databases are refused: the link replicates user
 * databases only.
 */
public final class DatabaseName implements Comparable<DatabaseName> {

    private static final Set<String> SYSTEM = Set.of("master", "msdb", "model", "tempdb", "resource", "distribution");

    private final String value;

    private DatabaseName(String value) {
        this.value = value;
    }

    /**
     * @param value the database name as SQL Server shows it
     * @return the name
     * @throws LinkPlanningException when the name breaks SQL Server's rules or names a system database
     */
    public static DatabaseName of(String value) {
        NameRules.sqlIdentifier("database", value);
        if (SYSTEM.contains(value.toLowerCase(Locale.ROOT))) {
            throw new LinkPlanningException("database", NameRules.printable(value),
                    "system databases cannot be replicated by the link; only user databases can",
                    "name a user database");
        }
        return new DatabaseName(value);
    }

    /** @return the name */
    public String value() {
        return value;
    }

    @Override
    public int compareTo(DatabaseName o) {
        return value.compareTo(o.value);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DatabaseName other && value.equals(other.value);
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
