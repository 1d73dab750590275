package dev.milink;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * The stage after {@code Link.from(...)}: name the databases (one link each), then the other side.
 *
 * @param <T> the type of the other side: {@link ManagedInstance} or {@link SqlServerInstance}
 */
public final class DatabaseStage<T> {

    private final InitialPrimary initialPrimary;
    private final Function<T, LinkDefinition> target;
    private final Set<DatabaseName> databases = new LinkedHashSet<>();

    DatabaseStage(InitialPrimary initialPrimary, Function<T, LinkDefinition> target) {
        this.initialPrimary = initialPrimary;
        this.target = target;
    }

    /**
     * Adds databases to replicate; each gets its own link. May be called repeatedly.
     *
     * @param names database names
     * @return this stage
     * @throws LinkPlanningException for an invalid or duplicate name
     */
    public DatabaseStage<T> database(String... names) {
        Objects.requireNonNull(names, "names");
        for (String name : names) {
            DatabaseName db = DatabaseName.of(name);
            if (!databases.add(db)) {
                throw new LinkPlanningException("database", NameRules.printable(name),
                        "each database may appear once", "remove the duplicate");
            }
        }
        return this;
    }

    /**
     * Names the other side of the link.
     *
     * @param other the Managed Instance (or SQL Server, when the Managed Instance is the initial primary)
     * @return the link definition, where options are set and plans derived
     */
    public LinkDefinition to(T other) {
        Objects.requireNonNull(other, "other side");
        if (databases.isEmpty()) {
            throw new LinkPlanningException("database", "(none)", "a link needs at least one database",
                    "call .database(\"name\") before .to(...)");
        }
        LinkDefinition definition = target.apply(other);
        List<DatabaseName> names = new ArrayList<>(databases);
        definition.databases(names);
        return definition;
    }

    @Override
    public String toString() {
        return "DatabaseStage[" + initialPrimary + ", " + databases + "]";
    }
}
