package dev.milink.step;

/** A step that changes nothing: a prerequisite check or a wait for a state. */
public sealed interface CheckStep extends Step permits VerifyPrerequisite, AwaitSynchronization, AwaitLsnAlignment {

    /**
     * Dispatches to the visitor method for this step's kind. Every kind has its own method, so a new kind fails to
     * compile in every visitor that does not handle it (Java 17 has no exhaustive pattern switch).
     *
     * @param visitor what to do per kind
     * @param <R> the result type
     * @return the visitor's result
     */
    <R> R accept(Visitor<R> visitor);

    @Override
    default <R> R accept(Step.Visitor<R> visitor) {
        return visitor.check(this);
    }

    /**
     * One method per check step kind.
     *
     * @param <R> the result type
     */
    interface Visitor<R> {

        /**
         * @param step the step
         * @return the result for it
         */
        R visit(VerifyPrerequisite step);

        /**
         * @param step the step
         * @return the result for it
         */
        R visit(AwaitSynchronization step);

        /**
         * @param step the step
         * @return the result for it
         */
        R visit(AwaitLsnAlignment step);
    }
}
