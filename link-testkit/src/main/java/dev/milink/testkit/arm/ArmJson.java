package dev.milink.testkit.arm;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Renders the Managed Instance, its databases and certificates, and list pages, in the 2025-01-01 shapes. */
final class ArmJson {

    /** api-versions whose ServerTrustCertificates spec marks {@code publicBlob} as {@code x-ms-secret}. */
    static final java.util.Set<String> SECRET_PUBLIC_BLOB = java.util.Set.of("2021-11-01");

    private static final Instant CREATED = Instant.parse("2025-01-15T08:00:00Z");

    private ArmJson() {
    }

    static Map<String, Object> resource(String id, String name, String type, Map<String, Object> properties) {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("properties", properties);
        result.put("id", id);
        result.put("name", name);
        result.put("type", type);
        return result;
    }

    static String time(Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    static Map<String, Object> instance(InstanceState inst) {
        ManagedInstanceSpec spec = inst.spec();
        String subscriptionScope = "/subscriptions/" + inst.subscriptionId();
        Map<String, Object> sku = new LinkedHashMap<>();
        sku.put("name", "GP_Gen5");
        sku.put("tier", "GeneralPurpose");
        sku.put("capacity", spec.vCores());
        sku.put("family", "Gen5");
        Map<String, Object> admin = new LinkedHashMap<>();
        admin.put("administratorType", "ActiveDirectory");
        admin.put("principalType", "User");
        admin.put("login", "link-admin@contoso.invalid");
        admin.put("sid", UUID.nameUUIDFromBytes(inst.id().getBytes(java.nio.charset.StandardCharsets.UTF_8)).toString());
        admin.put("tenantId", "00000000-0000-0000-0000-000000000001");
        admin.put("azureADOnlyAuthentication", false);
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("fullyQualifiedDomainName", spec.fqdn());
        p.put("administratorLogin", "milinkadmin");
        p.put("subnetId", subscriptionScope + "/resourceGroups/" + inst.resourceGroup()
                + "/providers/Microsoft.Network/virtualNetworks/vnet-mi/subnets/mi-subnet");
        p.put("state", spec.state());
        p.put("provisioningState", spec.provisioningState());
        p.put("vCores", spec.vCores());
        p.put("storageSizeInGB", 1024);
        p.put("licenseType", "LicenseIncluded");
        p.put("collation", spec.collation());
        p.put("publicDataEndpointEnabled", false);
        p.put("proxyOverride", "Default");
        p.put("minimalTlsVersion", "1.2");
        p.put("dnsZone", spec.dnsZone());
        if (spec.instancePoolId() != null) {
            p.put("instancePoolId", spec.instancePoolId());
        }
        p.put("maintenanceConfigurationId", subscriptionScope
                + "/providers/Microsoft.Maintenance/publicMaintenanceConfigurations/SQL_Default");
        p.put("virtualClusterId", subscriptionScope + "/resourceGroups/" + inst.resourceGroup()
                + "/providers/Microsoft.Sql/virtualClusters/vc-" + spec.dnsZone());
        p.put("currentBackupStorageRedundancy", "Geo");
        p.put("requestedBackupStorageRedundancy", "Geo");
        p.put("administrators", admin);
        p.put("externalGovernanceStatus", "Disabled");
        p.put("hybridSecondaryUsage", "Active");
        p.put("authenticationMetadata", "Windows");
        p.put("pricingModel", "Regular");
        p.put("createTime", time(CREATED));
        p.put("databaseFormat", spec.databaseFormat());
        p.put("requestedLogicalAvailabilityZone", "NoPreference");
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("sku", sku);
        result.put("properties", p);
        result.put("location", spec.location());
        result.put("tags", new LinkedHashMap<>(spec.tags()));
        result.put("id", inst.id());
        result.put("name", inst.name());
        result.put("type", "Microsoft.Sql/managedInstances");
        return result;
    }

    static Map<String, Object> database(InstanceState inst, String name) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("collation", inst.spec().collation());
        p.put("status", "Online");
        p.put("creationDate", time(CREATED));
        Map<String, Object> result = resource(inst.id() + "/databases/" + name, name,
                "Microsoft.Sql/managedInstances/databases", p);
        result.put("location", inst.spec().location());
        return result;
    }

    /**
     * A server trust certificate. Where the api-version's spec marks {@code publicBlob} {@code "x-ms-secret"}
     * (stable/2021-11-01/ServerTrustCertificates.json, the typed client's version) ARM accepts it on PUT and never
     * returns it; the 2025-01-01 spec drops the mark and its Get example returns the blob.
     */
    static Map<String, Object> trustCertificate(InstanceState inst, InstanceState.TrustCertificate cert, String apiVersion) {
        Map<String, Object> p = new LinkedHashMap<>();
        if (!SECRET_PUBLIC_BLOB.contains(apiVersion)) {
            p.put("publicBlob", cert.publicBlobHex());
        }
        p.put("thumbprint", cert.thumbprint());
        p.put("certificateName", cert.name());
        return resource(inst.id() + "/serverTrustCertificates/" + cert.name(), cert.name(),
                "Microsoft.Sql/managedInstances/serverTrustCertificates", p);
    }

    /** The instance's endpoint certificate; the blob carries {@code 0x} as in the ARM examples. */
    static Map<String, Object> endpointCertificate(InstanceState inst, String endpointType, byte[] der) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("publicBlob", "0x" + HexFormat.of().withUpperCase().formatHex(der));
        return resource(inst.id() + "/endpointCertificates/" + endpointType, endpointType,
                "Microsoft.Sql/managedInstances/endpointCertificates", p);
    }

    /**
     * One page of a list. The continuation is an absolute {@code nextLink} carrying {@code $skiptoken}, which
     * clients call as is.
     */
    static ArmResponse page(ArmRequest request, List<Map<String, Object>> items, int pageSize) {
        int offset = parseOffset(request.query().get("$skiptoken"));
        int end = Math.min(items.size(), offset + pageSize);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("value", new ArrayList<>(items.subList(Math.min(offset, items.size()), end)));
        if (end < items.size()) {
            String apiVersion = request.apiVersion() == null ? "" : request.apiVersion();
            body.put("nextLink", request.origin() + request.uri().getRawPath() + "?api-version=" + apiVersion
                    + "&$skiptoken=" + end);
        }
        return ArmResponse.json(200, body);
    }

    private static int parseOffset(String token) {
        if (token == null || token.isEmpty()) {
            return 0;
        }
        try {
            return Math.max(0, Integer.parseInt(token));
        } catch (NumberFormatException e) {
            throw new ArmError(400, "InvalidSkipToken", "The skip token '" + token + "' is not valid: " + e.getMessage());
        }
    }
}
