package dev.milink.step;

import dev.milink.DatabaseName;
import java.util.Objects;
import java.util.Optional;

/**
 * Waits until the link has seeded and is synchronizing, reporting seeding progress.
 *
 * @param linkName the link
 * @param target the database
 */
public record AwaitSynchronization(String linkName, DatabaseName target) implements CheckStep {

    /**
     * Checks the components.
     *
     * @param linkName the link
     * @param target the database
     */
    public AwaitSynchronization {
        Objects.requireNonNull(linkName, "linkName");
        Objects.requireNonNull(target, "target");
    }

    @Override
    public StepId id() {
        return StepId.of("await.synchronized", target.value());
    }

    @Override
    public Side side() {
        return Side.BOTH;
    }

    @Override
    public String summary() {
        return "Wait until [" + target + "] has seeded and link [" + linkName + "] is synchronizing";
    }

    @Override
    public String reason() {
        return "the link is usable only once the secondary has a full copy and receives the log";
    }

    @Override
    public Optional<DatabaseName> database() {
        return Optional.of(target);
    }

    @Override
    public <R> R accept(CheckStep.Visitor<R> visitor) {
        return visitor.visit(this);
    }
}
