package dev.milink.testkit.arm;

/** The write operations of the simulated ARM, each with its own long-running-operation style. */
public enum ArmOperation {
    /** PUT {@code distributedAvailabilityGroups/{name}}. */
    DAG_CREATE_OR_UPDATE(LroStyle.AZURE_ASYNC_OPERATION),
    /** PATCH {@code distributedAvailabilityGroups/{name}}. */
    DAG_UPDATE(LroStyle.AZURE_ASYNC_OPERATION),
    /** DELETE {@code distributedAvailabilityGroups/{name}}. */
    DAG_DELETE(LroStyle.LOCATION),
    /** POST {@code distributedAvailabilityGroups/{name}/failover}. */
    DAG_FAILOVER(LroStyle.LOCATION),
    /** POST {@code distributedAvailabilityGroups/{name}/setRole}. */
    DAG_SET_ROLE(LroStyle.LOCATION),
    /** PUT {@code serverTrustCertificates/{name}}. */
    TRUST_CERTIFICATE_CREATE(LroStyle.AZURE_ASYNC_OPERATION),
    /** DELETE {@code serverTrustCertificates/{name}}. */
    TRUST_CERTIFICATE_DELETE(LroStyle.LOCATION),
    /** DELETE {@code databases/{name}} (ManagedDatabases_Delete: 200, 202 or 204). */
    DATABASE_DELETE(LroStyle.LOCATION);

    private final LroStyle defaultStyle;

    ArmOperation(LroStyle defaultStyle) {
        this.defaultStyle = defaultStyle;
    }

    /** @return the style used unless the builder overrides it */
    public LroStyle defaultStyle() {
        return defaultStyle;
    }
}
