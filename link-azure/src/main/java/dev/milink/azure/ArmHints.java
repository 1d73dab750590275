package dev.milink.azure;

import java.util.Locale;

/**
 * The fix for each ARM error code the Managed Instance link is documented to return: the error lists of
 * DistributedAvailabilityGroups (stable/2025-01-01, preview/2025-08-01-preview) and ServerTrustCertificates
 * (stable/2021-11-01) in Azure/azure-rest-api-specs, plus the codes Azure itself uses for throttling and access.
 * An unknown code gets no hint: ARM's own message still reaches the user verbatim.
 */
final class ArmHints {

    private static final String RBAC = "grant the caller 'SQL Managed Instance Contributor' on the instance, or a custom role with "
            + "Microsoft.Sql/managedInstances read+write, managedInstances/hybridCertificate/action, managedInstances/databases "
            + "read+write+delete+completeRestore/action+readBackups/action+restoreDetails/read, "
            + "managedInstances/distributedAvailabilityGroups read+write+delete+setRole/action, "
            + "managedInstances/endpointCertificates/read, managedInstances/hybridLink read+write+delete, "
            + "managedInstances/serverTrustCertificates read+write+delete";
    private static final String RESOURCE_ID = "check the resource id: subscription, resource group, instance and link names";

    private ArmHints() {
    }

    /**
     * @param code the (normalised) ARM error code, or null
     * @param status the HTTP status, 0 for a failed long-running operation
     * @return the remediation hint, empty when none is known
     */
    static String hint(String code, int status) {
        String c = code == null ? "" : code;
        String prefixed = prefixed(c);
        if (prefixed != null) {
            return prefixed;
        }
        switch (c) {
            case "RemoteDatabaseExists":
                return "a database with this name already exists on the Managed Instance: drop or rename it there "
                        + "(or link another database), then rerun";
            case "DatabaseNumberLimitReached":
                return "the Managed Instance reached its database limit (links count as databases; 100 on General "
                        + "Purpose/Business Critical, 500 on Next-gen General Purpose): remove databases or links, or use another instance";
            case "ConflictingServerOperation":
            case "ManagedInstanceIsBusy":
            case "OperationCanNotStartDueToMiLink":
                return "another operation is running on the Managed Instance (for example a link database being "
                        + "created): retry later";
            case "AuthorizationFailed":
                return RBAC;
            case "ResourceNotFound":
            case "ResourceDoesNotExist":
            case "ParentResourceNotFound":
            case "ResourceGroupNotFound":
            case "SubscriptionNotFound":
            case "ManagedInstanceNotInSubscriptionResourceGroup":
            case "SubscriptionDoesNotHaveServer":
            case "ServerNotInSubscriptionResourceGroup":
                return RESOURCE_ID;
            case "CertificateAlreadyExists":
                return "the Managed Instance already holds a server trust certificate of this name with another public key, "
                        + "or this certificate under another name: list them (GET serverTrustCertificates, or "
                        + "'az sql mi partner-cert list'), delete the stale one or reuse its name, then rerun";
            case "MissingPublicBlob":
            case "InvalidPublicBlob":
                return "the Managed Instance refused SQL Server's certificate: export the endpoint certificate's public key "
                        + "again (DER, as hex) and rerun; milink uploads what SQL Server's CERTENCODED returns";
            case "UnableToResolveRemoteServer":
                return "partnerEndpoint must resolve from the Managed Instance's VNet: use an IP address or a name in the VNet's DNS";
            case "DistributedAvailabilityGroupMiPrimaryWithGeodr":
                return "remove the instance from its failover group: a failover group and a link with the instance as primary exclude each other";
            case "InstanceAvailabilityGroupNamePartnerAvailabilityGroupNameMatch":
                return "the Managed Instance's availability group must be named differently from SQL Server's: choose another "
                        + "instance availability group name";
            case "CloudLifterChimeraMIAgNameIsAlreadyUsed":
                return "another link on the Managed Instance already uses this instance availability group name: choose another one";
            case "ManagedInstanceLinkForProvidedAvailabilityGroupsAlreadyExists":
                return "a link for these availability groups already exists on the Managed Instance: reuse it (milink status) "
                        + "or drop it first";
            case "CloudLifterChimeraBoxAndMiOnDifferentDbVersionsFailoverModeManual":
                return "two-way failover (failoverMode Manual) needs the Managed Instance's update policy to match SQL Server's "
                        + "version (SQL Server 2022 or 2025 update policy): change the update policy, or create a one-way link";
            case "ManagedInstanceLinkConnectivityIsNotEstablished":
                return "the Managed Instance could not reach SQL Server's mirroring endpoint (or the reverse): open the endpoint "
                        + "port (5022 by default) both ways in firewalls and NSGs, check partnerEndpoint, then drop and recreate the link";
            case "ManagedInstanceLinkCertificateNotFoundOnManagedInstance":
                return "the Managed Instance does not trust the certificate SQL Server's endpoint presents: upload that "
                        + "certificate as a server trust certificate, then rerun";
            case "ManagedInstanceLinkCertificateNotFoundOnSqlServer":
                return "SQL Server does not trust the Managed Instance's endpoint certificate: import it (named after the "
                        + "instance's FQDN) and the Azure root certificates on SQL Server, then rerun";
            case "TooManyRequests":
                return "Azure Resource Manager throttled the requests: retry after the Retry-After interval";
            case "OperationTimedOut":
            case "InternalServerError":
            case "ServiceUnavailable":
                return "a transient Azure failure: retry";
            case "ConnectionFailed":
                return "check network access to the Azure Resource Manager endpoint (proxy, firewall, DNS), then retry";
            default:
                if (c.toLowerCase(Locale.ROOT).contains("encrypt") || c.toLowerCase(Locale.ROOT).contains("smk")) {
                    return "a database protected by a service-managed TDE key cannot take part: use a customer-managed key";
                }
                return status == 401 ? "the credential was rejected: sign in again or check the tenant" : "";
        }
    }

    /** Families of codes that share a prefix, such as every setRole refusal. */
    private static String prefixed(String c) {
        if (c.startsWith("DistributedAvailabilityGroupFailover")) {
            return "the link is not synchronized enough to fail over: set replication mode Sync, wait until the "
                    + "databases are synchronized and the last hardened LSNs match, then retry";
        }
        if (c.startsWith("InvalidDistributedAvailabilityGroupFailover")) {
            return "the instance's current role does not allow this failover: a planned failover starts where the instance "
                    + "is primary, a forced one where it is secondary; check the link's roles (milink status), then rerun";
        }
        if (c.startsWith("InvalidDistributedAvailabilityGroupsCreateOrUpdateRequest")) {
            return "ARM refused the link definition: check the database name, partnerEndpoint (TCP://host:port), both "
                    + "availability group names and the link role against the plan, then rerun";
        }
        if (c.startsWith("DistributedAvailabilityGroupSetRole")) {
            if (c.endsWith("PrimaryPlannedNotSupported")) {
                return "the instance can become Primary through setRole only with roleChangeType Forced; for a planned "
                        + "role change use a planned failover";
            }
            if (c.endsWith("AlreadyInRequestedRole")) {
                return "the instance already has that role; nothing to do";
            }
            if (c.endsWith("AlreadyInProgress")) {
                return "a role change is already running; wait for it to finish, then rerun";
            }
            return "check the link's current roles (GET the link) before changing the instance's role";
        }
        return null;
    }
}
