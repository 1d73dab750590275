package dev.milink.step;

import dev.milink.DatabaseName;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Waits until the last hardened LSN is the same on both sides and stays unchanged for a while: the gate
 * that makes a planned failover lose nothing.
 *
 * @param linkName the link
 * @param target the database
 * @param stableFor how long the LSNs must stay equal and unchanged
 */
public record AwaitLsnAlignment(String linkName, DatabaseName target, Duration stableFor) implements CheckStep {

    /**
     * Checks the components.
     *
     * @param linkName the link
     * @param target the database
     * @param stableFor how long the LSNs must stay equal and unchanged
     */
    public AwaitLsnAlignment {
        Objects.requireNonNull(linkName, "linkName");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(stableFor, "stableFor");
    }

    @Override
    public StepId id() {
        return StepId.of("await.lsn-alignment", target.value());
    }

    @Override
    public Side side() {
        return Side.BOTH;
    }

    @Override
    public String summary() {
        return "Wait until the last hardened LSNs of [" + target + "] are equal on both sides and stable for "
                + stableFor.toSeconds() + " s";
    }

    @Override
    public String reason() {
        return "failing over only when the secondary has every transaction means no data is lost";
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
