package dev.milink.step;

import dev.milink.DatabaseName;
import java.util.Objects;
import java.util.Optional;

/**
 * Checks one prerequisite before anything is changed.
 *
 * @param prerequisite what is checked
 * @param target the database for per-database checks; empty otherwise
 */
public record VerifyPrerequisite(Prerequisite prerequisite, Optional<DatabaseName> target) implements CheckStep {

    /**
     * Checks the components.
     *
     * @param prerequisite what is checked
     * @param target the database for per-database checks; empty otherwise
     */
    public VerifyPrerequisite {
        Objects.requireNonNull(prerequisite, "prerequisite");
        Objects.requireNonNull(target, "target");
        if (prerequisite.perDatabase() != target.isPresent()) {
            throw new IllegalArgumentException(prerequisite + (prerequisite.perDatabase()
                    ? " is checked per database" : " is checked once per server"));
        }
    }

    @Override
    public StepId id() {
        return StepId.of("check." + prerequisite.key(), target.map(DatabaseName::value).orElse(""));
    }

    @Override
    public Side side() {
        return prerequisite.side();
    }

    @Override
    public String summary() {
        return "Check: " + prerequisite.rule() + target.map(d -> " (" + d + ")").orElse("");
    }

    @Override
    public String reason() {
        return prerequisite.severity() == Prerequisite.Severity.ERROR
                ? "stops before anything is changed when the environment is not ready"
                : "a recommendation; reported as a warning";
    }

    @Override
    public Optional<DatabaseName> database() {
        return target;
    }

    @Override
    public <R> R accept(CheckStep.Visitor<R> visitor) {
        return visitor.visit(this);
    }
}
