package dev.milink.step;

/** A step that calls Azure Resource Manager for the Managed Instance. */
public sealed interface ManagedInstanceStep extends Step permits UploadTrustCertificate, CreateManagedInstanceLink,
        DeleteManagedInstanceLink, DeleteTrustCertificate, SetLinkReplicationMode, FailoverManagedInstanceLink,
        SetManagedInstanceRole {

    @Override
    default Side side() {
        return Side.MANAGED_INSTANCE;
    }
}
