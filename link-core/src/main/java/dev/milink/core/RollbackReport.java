package dev.milink.core;

import dev.milink.LinkException;
import dev.milink.step.StepId;
import java.util.List;
import java.util.Optional;

/**
 * What a rollback did.
 *
 * @param undone the compensating steps applied (or found already undone), in the order run
 * @param leftInPlace objects this run created that no step type can remove yet, with the reason
 * @param failure the first compensation that failed; the rollback stops there and can be run again
 */
public record RollbackReport(List<StepId> undone, List<String> leftInPlace, Optional<LinkException> failure) {

    /**
     * Checks the components.
     *
     * @param undone the compensating steps applied (or found already undone), in the order run
     * @param leftInPlace objects this run created that no step type can remove yet, with the reason
     * @param failure the first compensation that failed; the rollback stops there and can be run again
     */
    public RollbackReport {
        undone = List.copyOf(undone);
        leftInPlace = List.copyOf(leftInPlace);
    }

    /** @return whether everything that could be undone was */
    public boolean succeeded() {
        return failure.isEmpty();
    }
}
