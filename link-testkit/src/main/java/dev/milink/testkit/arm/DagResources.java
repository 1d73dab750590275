package dev.milink.testkit.arm;

import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * Handlers for {@code .../distributedAvailabilityGroups}: list, get, create or update, patch, delete, failover
 * and setRole. Called with the simulator's lock held.
 */
final class DagResources {

    private final ReentrantLock lock;
    private final LroEngine lro;
    private final ArmFaults faults;
    private final Supplier<DagLifecycle> lifecycle;
    private final int pageSize;

    DagResources(ReentrantLock lock, LroEngine lro, ArmFaults faults, Supplier<DagLifecycle> lifecycle, int pageSize) {
        this.lock = lock;
        this.lro = lro;
        this.faults = faults;
        this.lifecycle = lifecycle;
        this.pageSize = pageSize;
    }

    ArmResponse handle(ArmRequest request, ArmPath path, InstanceState inst) {
        String method = request.method();
        if (path.name() == null) {
            if ("GET".equals(method)) {
                List<Map<String, Object>> items = inst.links().values().stream()
                        .map(link -> DagJson.render(link, request.apiVersion())).toList();
                return ArmJson.page(request, items, pageSize);
            }
            throw methodNotAllowed(method);
        }
        if (path.action() != null) {
            if (!"POST".equals(method)) {
                throw methodNotAllowed(method);
            }
            SimulatedLink link = existing(inst, path.name());
            if ("failover".equalsIgnoreCase(path.action())) {
                return failover(request, path, inst, link);
            }
            if ("setRole".equalsIgnoreCase(path.action())) {
                return setRole(request, path, inst, link);
            }
            throw new ArmError(404, "InvalidResourceType", "Unknown action '" + path.action() + "'.");
        }
        return switch (method) {
            case "GET" -> ArmResponse.json(200, DagJson.render(existing(inst, path.name()), request.apiVersion()));
            case "PUT" -> put(request, path, inst);
            case "PATCH" -> patch(request, path, inst, existing(inst, path.name()));
            case "DELETE" -> delete(request, path, inst);
            default -> throw methodNotAllowed(method);
        };
    }

    private ArmResponse put(ArmRequest request, ArmPath path, InstanceState inst) {
        LinkRequest wanted = DagJson.parse(Json.parse(request.body()), request.apiVersion());
        SimulatedLink current = inst.links().get(InstanceState.key(path.name()));
        String version = request.apiVersion();
        if (current != null) {
            notBusy(current);
            lifecycle.get().onUpdate(current, wanted.replicationMode());
            return start(request, path, inst, current, ArmOperation.DAG_CREATE_OR_UPDATE, 200,
                    () -> DagJson.render(current, version), () -> {
                        current.apply(wanted);
                        lifecycle.get().onCompleted(current, ArmOperation.DAG_CREATE_OR_UPDATE);
                    }, null, null);
        }
        for (String db : wanted.databases()) {
            // With the instance as initial primary the database already lives there; only another link may not hold it.
            boolean taken = wanted.instanceLinkRole() == LinkRole.PRIMARY ? inst.databaseInAnyLink(db) : inst.databaseTaken(db);
            if (taken) {
                throw new ArmError(409, "RemoteDatabaseExists", "Database '" + db + "' already exists on managed instance '"
                        + inst.name() + "'.");
            }
        }
        int max = inst.spec().maxDatabases();
        if (inst.databaseCount() + wanted.databases().size() > max) {
            throw new ArmError(400, "DatabaseNumberLimitReached", "Managed instance '" + inst.name()
                    + "' has reached its limit of " + max + " databases.");
        }
        SimulatedLink link = new SimulatedLink(lock, inst, path.name(), wanted);
        ArmError refusal = null;
        try {
            lifecycle.get().onCreate(link);
        } catch (ArmError e) {
            if (!e.isAsynchronous()) {
                throw e;
            }
            refusal = e;
        }
        // Visible at once, as ARM shows a resource being created; removed again if the operation fails.
        inst.links().put(InstanceState.key(path.name()), link);
        return start(request, path, inst, link, ArmOperation.DAG_CREATE_OR_UPDATE, 201,
                () -> DagJson.render(link, version), () -> lifecycle.get().onCompleted(link, ArmOperation.DAG_CREATE_OR_UPDATE),
                () -> inst.links().remove(InstanceState.key(path.name())), refusal);
    }

    private ArmResponse patch(ArmRequest request, ArmPath path, InstanceState inst, SimulatedLink link) {
        Map<String, Object> properties = Json.child(Json.object(Json.parse(request.body()), "request body"), "properties");
        String mode = Json.string(properties, "replicationMode");
        String requested = mode == null ? null : DagJson.replicationMode(mode);
        notBusy(link);
        ArmError refusal = refusalOf(() -> lifecycle.get().onUpdate(link, requested));
        return start(request, path, inst, link, ArmOperation.DAG_UPDATE, 200, () -> DagJson.render(link, request.apiVersion()),
                () -> {
                    if (requested != null) {
                        link.replicationMode(requested);
                    }
                    lifecycle.get().onCompleted(link, ArmOperation.DAG_UPDATE);
                }, null, refusal);
    }

    private ArmResponse delete(ArmRequest request, ArmPath path, InstanceState inst) {
        SimulatedLink link = inst.links().get(InstanceState.key(path.name()));
        if (link == null) {
            // ARM answers a DELETE of something absent with 204 No Content.
            return ArmResponse.empty(204);
        }
        notBusy(link);
        ArmError refusal = refusalOf(() -> lifecycle.get().onDelete(link));
        return start(request, path, inst, link, ArmOperation.DAG_DELETE, 200, () -> null, () -> {
            // A seeded database stays on the instance as an independent read-write copy.
            link.databases().stream().filter(SimulatedLinkDatabase::isSeeded)
                    .forEach(db -> inst.addUserDatabase(db.databaseName()));
            inst.links().remove(InstanceState.key(link.name()));
            lifecycle.get().onCompleted(link, ArmOperation.DAG_DELETE);
        }, null, refusal);
    }

    private ArmResponse failover(ArmRequest request, ArmPath path, InstanceState inst, SimulatedLink link) {
        Map<String, Object> body = Json.object(Json.parse(request.body()), "request body");
        DagLifecycle.FailoverType type = DagLifecycle.FailoverType.parse(Json.string(body, "failoverType"));
        notBusy(link);
        ArmError refusal = refusalOf(() -> lifecycle.get().onFailover(link, type));
        return start(request, path, inst, link, ArmOperation.DAG_FAILOVER, 200, () -> DagJson.render(link, request.apiVersion()),
                () -> {
                    link.roles(link.instanceLinkRole().opposite(), link.partnerLinkRole().opposite());
                    lifecycle.get().onCompleted(link, ArmOperation.DAG_FAILOVER);
                }, null, refusal);
    }

    private ArmResponse setRole(ArmRequest request, ArmPath path, InstanceState inst, SimulatedLink link) {
        Map<String, Object> body = Json.object(Json.parse(request.body()), "request body");
        String roleValue = Json.string(body, "instanceRole");
        String typeValue = Json.string(body, "roleChangeType");
        if (roleValue == null || typeValue == null) {
            throw new ArmError(400, "InvalidParameterValue", "Both 'instanceRole' and 'roleChangeType' are required.");
        }
        LinkRole role = LinkRole.parse(roleValue);
        DagLifecycle.RoleChangeType type = DagLifecycle.RoleChangeType.parse(typeValue);
        if (lro.busy(link.id())) {
            throw new ArmError(409, "DistributedAvailabilityGroupSetRoleChangeRoleAlreadyInProgress",
                    "A role change of '" + link.name() + "' is already in progress.");
        }
        if (role == LinkRole.PRIMARY && type == DagLifecycle.RoleChangeType.PLANNED) {
            throw new ArmError(409, "DistributedAvailabilityGroupSetRolePrimaryPlannedNotSupported",
                    "Setting the instance role to Primary with a Planned role change is not supported.");
        }
        if (link.instanceLinkRole() == role) {
            throw new ArmError(409, "DistributedAvailabilityGroupSetRoleInstanceAlreadyInRequestedRole",
                    "The instance is already " + role.wireName() + " in '" + link.name() + "'.");
        }
        ArmError refusal = refusalOf(() -> lifecycle.get().onSetRole(link, role, type));
        return start(request, path, inst, link, ArmOperation.DAG_SET_ROLE, 200, () -> DagJson.render(link, request.apiVersion()),
                () -> {
                    // Only this side changes: the instance cannot demote SQL Server, so both may end up Primary.
                    link.roles(role, link.partnerLinkRole());
                    lifecycle.get().onCompleted(link, ArmOperation.DAG_SET_ROLE);
                }, null, refusal);
    }

    private ArmResponse start(ArmRequest request, ArmPath path, InstanceState inst, SimulatedLink link, ArmOperation op,
            int syncStatus, Supplier<Object> body, Runnable commit, Runnable rollback, ArmError refusal) {
        ArmFaults.Rule fault = faults.take(request, ArmFaults.ON_LRO_START);
        ArmError failure = refusal;
        if (fault != null && fault.kind() == ArmFaults.Kind.LRO_FAILED) {
            failure = fault.error();
        }
        boolean canceled = fault != null && fault.kind() == ArmFaults.Kind.LRO_CANCELED;
        boolean returnsBody = op != ArmOperation.DAG_DELETE;
        return lro.start(request, path, inst.spec().location(), new LroEngine.Start(op, link.id(), ArmPath.DAGS,
                returnsBody ? body : () -> null, commit, rollback, returnsBody ? body : () -> null, syncStatus, failure, canceled));
    }

    private static ArmError refusalOf(Runnable hook) {
        try {
            hook.run();
            return null;
        } catch (ArmError e) {
            if (!e.isAsynchronous()) {
                throw e;
            }
            return e;
        }
    }

    private void notBusy(SimulatedLink link) {
        if (lro.busy(link.id())) {
            throw new ArmError(409, "ConflictingServerOperation", "An operation is currently in progress for '"
                    + link.name() + "'.");
        }
    }

    private static SimulatedLink existing(InstanceState inst, String name) {
        SimulatedLink link = inst.links().get(InstanceState.key(name));
        if (link == null) {
            throw new ArmError(404, "ResourceNotFound", "The Resource '" + DagJson.TYPE + "/" + name
                    + "' under managed instance '" + inst.name() + "' was not found.");
        }
        return link;
    }

    static ArmError methodNotAllowed(String method) {
        return new ArmError(405, "MethodNotAllowed", "The method '" + method + "' is not supported here.");
    }
}
