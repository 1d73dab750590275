package dev.milink.testkit.arm;

import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Handlers for the instance itself, its {@code databases}, {@code serverTrustCertificates} and
 * {@code endpointCertificates}. Called with the simulator's lock held.
 */
final class InstanceResources {

    private static final Set<String> ENDPOINT_TYPES = Set.of("DATABASE_MIRRORING", "SERVICE_BROKER");
    private static final String TRUST_TYPE = "Microsoft.Sql/managedInstances/serverTrustCertificates";

    private final LroEngine lro;
    private final ArmFaults faults;
    private final int pageSize;

    InstanceResources(LroEngine lro, ArmFaults faults, int pageSize) {
        this.lro = lro;
        this.faults = faults;
        this.pageSize = pageSize;
    }

    ArmResponse instance(ArmRequest request, InstanceState inst) {
        requireGet(request);
        return ArmResponse.json(200, ArmJson.instance(inst));
    }

    ArmResponse databases(ArmRequest request, ArmPath path, InstanceState inst) {
        if ("DELETE".equals(request.method()) && path.name() != null) {
            return deleteDatabase(request, path, inst);
        }
        requireGet(request);
        List<String> names = inst.databases();
        if (path.name() == null) {
            return ArmJson.page(request, names.stream().map(n -> ArmJson.database(inst, n)).toList(), pageSize);
        }
        String name = names.stream().filter(n -> n.equalsIgnoreCase(path.name())).findFirst()
                .orElseThrow(() -> notFound("Microsoft.Sql/managedInstances/databases", path.name(), inst));
        return ArmResponse.json(200, ArmJson.database(inst, name));
    }

    /**
     * ManagedDatabases_Delete: 204 when absent; a database that a link still holds cannot be dropped (drop the link
     * first); otherwise an operation that removes it when it completes.
     */
    private ArmResponse deleteDatabase(ArmRequest request, ArmPath path, InstanceState inst) {
        String name = inst.databases().stream().filter(n -> n.equalsIgnoreCase(path.name())).findFirst().orElse(null);
        if (name == null && !inst.databaseInAnyLink(path.name())) {
            return ArmResponse.empty(204);
        }
        if (inst.databaseInAnyLink(path.name())) {
            throw new ArmError(400, "OperationCanNotStartDueToMiLink", "Database '" + path.name()
                    + "' is part of a Managed Instance link; delete the link before the database.");
        }
        String id = inst.id() + "/databases/" + name;
        busyCheck(id);
        ArmFaults.Rule fault = faults.take(request, ArmFaults.ON_LRO_START);
        ArmError failure = fault != null && fault.kind() == ArmFaults.Kind.LRO_FAILED ? fault.error() : null;
        boolean canceled = fault != null && fault.kind() == ArmFaults.Kind.LRO_CANCELED;
        return lro.start(request, path, inst.spec().location(), new LroEngine.Start(ArmOperation.DATABASE_DELETE, id,
                "managedDatabase", () -> null, () -> inst.removeUserDatabase(name), null, () -> null, 200, failure,
                canceled));
    }

    ArmResponse endpointCertificates(ArmRequest request, ArmPath path, InstanceState inst) {
        requireGet(request);
        if (path.name() == null) {
            List<Map<String, Object>> items = ENDPOINT_TYPES.stream().sorted().map(type -> ArmJson.endpointCertificate(inst,
                    type, inst.endpointCertificate(type).encoded())).toList();
            return ArmJson.page(request, items, pageSize);
        }
        String type = path.name().toUpperCase(Locale.ROOT);
        if (!ENDPOINT_TYPES.contains(type)) {
            throw notFound("Microsoft.Sql/managedInstances/endpointCertificates", path.name(), inst);
        }
        return ArmResponse.json(200, ArmJson.endpointCertificate(inst, type, inst.endpointCertificate(type).encoded()));
    }

    ArmResponse trustCertificates(ArmRequest request, ArmPath path, InstanceState inst) {
        Map<String, InstanceState.TrustCertificate> certs = inst.trustCertificates();
        if (path.name() == null) {
            requireGet(request);
            return ArmJson.page(request, certs.values().stream().map(c -> ArmJson.trustCertificate(inst, c, request.apiVersion())).toList(),
                    pageSize);
        }
        String key = InstanceState.key(path.name());
        String id = inst.id() + "/serverTrustCertificates/" + path.name();
        switch (request.method()) {
            case "GET" -> {
                InstanceState.TrustCertificate cert = certs.get(key);
                if (cert == null) {
                    throw notFound(TRUST_TYPE, path.name(), inst);
                }
                return ArmResponse.json(200, ArmJson.trustCertificate(inst, cert, request.apiVersion()));
            }
            case "PUT" -> {
                InstanceState.TrustCertificate existing = certs.get(key);
                busyCheck(id);
                InstanceState.TrustCertificate cert = parseTrust(request, existing != null ? existing.name() : path.name());
                refuseDuplicate(certs, key, existing, cert);
                return start(request, path, inst, ArmOperation.TRUST_CERTIFICATE_CREATE, id, existing == null ? 201 : 200,
                        () -> ArmJson.trustCertificate(inst, cert, request.apiVersion()), () -> certs.put(key, cert));
            }
            case "DELETE" -> {
                if (!certs.containsKey(key)) {
                    return ArmResponse.empty(204);
                }
                busyCheck(id);
                return start(request, path, inst, ArmOperation.TRUST_CERTIFICATE_DELETE, id, 200, () -> null,
                        () -> certs.remove(key));
            }
            default -> throw DagResources.methodNotAllowed(request.method());
        }
    }

    /**
     * ARM refuses a second copy of a certificate (400 {@code CertificateAlreadyExists}, ServerTrustCertificates
     * CreateOrUpdate: "A certificate with a given name already exists or this certificate already has been added to
     * the database"): the same blob under another name, or another blob under a name in use. Re-sending the same
     * blob under the same name is the documented 200 "Certificate already existed".
     */
    private static void refuseDuplicate(Map<String, InstanceState.TrustCertificate> certs, String key,
            InstanceState.TrustCertificate existing, InstanceState.TrustCertificate wanted) {
        if (existing != null && !existing.thumbprint().equals(wanted.thumbprint())) {
            throw new ArmError(400, "CertificateAlreadyExists", "A certificate with the name '" + existing.name()
                    + "' already exists with another public key (thumbprint " + existing.thumbprint() + ").");
        }
        certs.forEach((otherKey, other) -> {
            if (!otherKey.equals(key) && other.thumbprint().equals(wanted.thumbprint())) {
                throw new ArmError(400, "CertificateAlreadyExists", "This certificate (thumbprint " + wanted.thumbprint()
                        + ") has already been added as '" + other.name() + "'.");
            }
        });
    }

    private InstanceState.TrustCertificate parseTrust(ArmRequest request, String name) {
        Map<String, Object> p = Json.child(Json.object(Json.parse(request.body()), "request body"), "properties");
        String blob = Json.string(p, "publicBlob");
        if (blob == null || blob.isBlank()) {
            throw new ArmError(400, "InvalidParameterValue", "'properties.publicBlob' is required.");
        }
        String hex = blob.trim();
        if (hex.startsWith("0x") || hex.startsWith("0X")) {
            hex = hex.substring(2);
        }
        byte[] der;
        try {
            der = HexFormat.of().parseHex(hex);
        } catch (IllegalArgumentException e) {
            throw new ArmError(400, "InvalidParameterValue", "'properties.publicBlob' is not hexadecimal: " + e.getMessage());
        }
        return new InstanceState.TrustCertificate(name, hex.toUpperCase(Locale.ROOT), InstanceState.thumbprint(der));
    }

    private ArmResponse start(ArmRequest request, ArmPath path, InstanceState inst, ArmOperation op, String id,
            int syncStatus, java.util.function.Supplier<Object> body, Runnable commit) {
        ArmFaults.Rule fault = faults.take(request, ArmFaults.ON_LRO_START);
        ArmError failure = fault != null && fault.kind() == ArmFaults.Kind.LRO_FAILED ? fault.error() : null;
        boolean canceled = fault != null && fault.kind() == ArmFaults.Kind.LRO_CANCELED;
        return lro.start(request, path, inst.spec().location(), new LroEngine.Start(op, id, ArmPath.TRUST_CERTIFICATES,
                body, commit, null, body, syncStatus, failure, canceled));
    }

    private void busyCheck(String id) {
        if (lro.busy(id)) {
            throw new ArmError(409, "ConflictingServerOperation", "An operation is currently in progress for '" + id + "'.");
        }
    }

    private static void requireGet(ArmRequest request) {
        if (!"GET".equals(request.method())) {
            throw DagResources.methodNotAllowed(request.method());
        }
    }

    static ArmError notFound(String type, String name, InstanceState inst) {
        return new ArmError(404, "ResourceNotFound", "The Resource '" + type + "/" + name + "' under managed instance '"
                + inst.name() + "' was not found.");
    }
}
