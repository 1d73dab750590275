package dev.milink.step;

import dev.milink.DatabaseName;
import dev.milink.LinkRole;
import java.util.Objects;
import java.util.Optional;

/**
 * Sets the Managed Instance's role in the link through ARM (POST {@code .../setRole}), used to demote the
 * Managed Instance when repairing a split brain.
 *
 * @param linkName the link
 * @param target the database
 * @param role the new role
 * @param forced {@code roleChangeType = Forced} rather than {@code Planned}
 */
public record SetManagedInstanceRole(String linkName, DatabaseName target, LinkRole role, boolean forced)
        implements ManagedInstanceStep {

    /**
     * Checks the components.
     *
     * @param linkName the link
     * @param target the database
     * @param role the new role
     * @param forced {@code roleChangeType = Forced} rather than {@code Planned}
     */
    public SetManagedInstanceRole {
        Objects.requireNonNull(linkName, "linkName");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(role, "role");
    }

    @Override
    public StepId id() {
        return StepId.of("mi.set-role-" + role.name().toLowerCase(java.util.Locale.ROOT), target.value());
    }

    @Override
    public String summary() {
        return "Set the Managed Instance's role in [" + linkName + "] to " + StepText.of(role)
                + (forced ? " (forced)" : "");
    }

    @Override
    public String reason() {
        return "ends a split brain: only one side may accept writes";
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
