package dev.milink.step;

/** A step that calls Azure Resource Manager for the Managed Instance: exactly one ARM request ({@code ArmRequests.of(step)}). */
public sealed interface ManagedInstanceStep extends Step permits UploadTrustCertificate, CreateManagedInstanceLink, DeleteManagedInstanceLink, DeleteTrustCertificate, SetLinkReplicationMode, FailoverManagedInstanceLink, SetManagedInstanceRole {

    @Override
    default Side side() {
        return Side.MANAGED_INSTANCE;
    }

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
        return visitor.managedInstance(this);
    }

    /**
     * One method per Managed Instance step kind.
     *
     * @param <R> the result type
     */
    interface Visitor<R> {

        /**
         * @param step the step
         * @return the result for it
         */
        R visit(UploadTrustCertificate step);

        /**
         * @param step the step
         * @return the result for it
         */
        R visit(CreateManagedInstanceLink step);

        /**
         * @param step the step
         * @return the result for it
         */
        R visit(DeleteManagedInstanceLink step);

        /**
         * @param step the step
         * @return the result for it
         */
        R visit(DeleteTrustCertificate step);

        /**
         * @param step the step
         * @return the result for it
         */
        R visit(SetLinkReplicationMode step);

        /**
         * @param step the step
         * @return the result for it
         */
        R visit(FailoverManagedInstanceLink step);

        /**
         * @param step the step
         * @return the result for it
         */
        R visit(SetManagedInstanceRole step);
    }
}
