package dev.milink.step;

import dev.milink.DatabaseName;
import dev.milink.FailoverType;
import java.util.Objects;
import java.util.Optional;

/**
 * Fails the link over through ARM (POST {@code .../failover}).
 *
 * @param linkName the link
 * @param target the database
 * @param type planned or forced
 */
public record FailoverManagedInstanceLink(String linkName, DatabaseName target, FailoverType type)
        implements ManagedInstanceStep {

    /**
     * Checks the components.
     *
     * @param linkName the link
     * @param target the database
     * @param type planned or forced
     */
    public FailoverManagedInstanceLink {
        Objects.requireNonNull(linkName, "linkName");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(type, "type");
    }

    @Override
    public StepId id() {
        return StepId.of(type == FailoverType.PLANNED ? "mi.failover" : "mi.forced-failover", target.value());
    }

    @Override
    public String summary() {
        return "Fail link [" + linkName + "] over (" + StepText.of(type) + ") through ARM";
    }

    @Override
    public String reason() {
        return "switches the roles of the two sides";
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
