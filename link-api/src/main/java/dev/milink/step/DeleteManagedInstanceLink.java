package dev.milink.step;

import dev.milink.DatabaseName;
import java.util.Objects;
import java.util.Optional;

/**
 * Deletes the link on the Managed Instance (ARM DELETE). The Managed Instance's database stays and
 * becomes read/write.
 *
 * @param linkName the link
 * @param target the database
 */
public record DeleteManagedInstanceLink(String linkName, DatabaseName target) implements ManagedInstanceStep {

    /**
     * Checks the components.
     *
     * @param linkName the link
     * @param target the database
     */
    public DeleteManagedInstanceLink {
        Objects.requireNonNull(linkName, "linkName");
        Objects.requireNonNull(target, "target");
    }

    @Override
    public StepId id() {
        return StepId.of("mi.delete-link", target.value());
    }

    @Override
    public String summary() {
        return "Delete link [" + linkName + "] on the Managed Instance";
    }

    @Override
    public String reason() {
        return "ends replication; both databases become independent";
    }

    @Override
    public Optional<DatabaseName> database() {
        return Optional.of(target);
    }

    @Override
    public <R> R accept(ManagedInstanceStep.Visitor<R> visitor) {
        return visitor.visit(this);
    }
}
