package dev.milink.step;

import dev.milink.DatabaseName;
import dev.milink.ReplicationMode;
import java.util.Objects;
import java.util.Optional;

/**
 * Sets the link's replication mode on the Managed Instance (ARM PATCH {@code replicationMode}).
 *
 * @param linkName the link
 * @param target the database
 * @param mode the new mode
 */
public record SetLinkReplicationMode(String linkName, DatabaseName target, ReplicationMode mode)
        implements ManagedInstanceStep {

    /**
     * Checks the components.
     *
     * @param linkName the link
     * @param target the database
     * @param mode the new mode
     */
    public SetLinkReplicationMode {
        Objects.requireNonNull(linkName, "linkName");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(mode, "mode");
    }

    @Override
    public StepId id() {
        return StepId.of("mi.replication-mode-" + mode.name().toLowerCase(java.util.Locale.ROOT), target.value());
    }

    @Override
    public String summary() {
        return "Set link [" + linkName + "] replication mode to " + StepText.arm(mode) + " on the Managed Instance";
    }

    @Override
    public String reason() {
        return "both sides must agree on the commit mode";
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
