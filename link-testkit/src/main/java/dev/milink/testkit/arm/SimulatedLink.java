package dev.milink.testkit.arm;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * One distributed availability group (a Managed Instance link) held by the simulated ARM for SQL Managed
 * Instance. The writable properties mirror the ARM resource; read-only ones ({@code partnerLinkRole}, the
 * per-database state) are what a linked world updates. Every accessor takes the simulator's lock.
 */
public final class SimulatedLink {

    private final ReentrantLock lock;
    private final String id;
    private final String name;
    private final String subscriptionId;
    private final String resourceGroup;
    private final String instanceName;
    private final String instanceFqdn;
    private final UUID distributedAvailabilityGroupId = UUID.randomUUID();
    private final List<SimulatedLinkDatabase> databases;
    private String partnerEndpoint;
    private String partnerAvailabilityGroupName;
    private String instanceAvailabilityGroupName;
    private LinkRole instanceLinkRole;
    private LinkRole partnerLinkRole;
    private String failoverMode;
    private String seedingMode;
    private String replicationMode;

    SimulatedLink(ReentrantLock lock, InstanceState instance, String name, LinkRequest request) {
        this.lock = lock;
        this.id = instance.id() + "/distributedAvailabilityGroups/" + name;
        this.name = name;
        this.subscriptionId = instance.subscriptionId();
        this.resourceGroup = instance.resourceGroup();
        this.instanceName = instance.name();
        this.instanceFqdn = instance.spec().fqdn();
        this.databases = request.databases().stream().map(db -> new SimulatedLinkDatabase(lock, db)).toList();
        this.partnerEndpoint = request.partnerEndpoint();
        this.partnerAvailabilityGroupName = request.partnerAvailabilityGroupName();
        this.instanceAvailabilityGroupName = request.instanceAvailabilityGroupName();
        this.instanceLinkRole = request.instanceLinkRole();
        this.partnerLinkRole = instanceLinkRole.opposite();
        this.failoverMode = request.failoverMode();
        this.seedingMode = request.seedingMode();
        this.replicationMode = request.replicationMode();
    }

    private <T> T read(Supplier<T> getter) {
        lock.lock();
        try {
            return getter.get();
        } finally {
            lock.unlock();
        }
    }

    private SimulatedLink write(Runnable setter) {
        lock.lock();
        try {
            setter.run();
            return this;
        } finally {
            lock.unlock();
        }
    }

    /** @return the ARM id, with the casing used when the link was created */
    public String id() {
        return id;
    }

    /** @return the DAG name ({@code distributedAvailabilityGroupName}) */
    public String name() {
        return name;
    }

    /** @return the subscription of the instance */
    public String subscriptionId() {
        return subscriptionId;
    }

    /** @return the resource group of the instance */
    public String resourceGroup() {
        return resourceGroup;
    }

    /** @return the Managed Instance name */
    public String instanceName() {
        return instanceName;
    }

    /** @return the Managed Instance FQDN, the name SQL Server must give the instance's certificate */
    public String instanceFqdn() {
        return instanceFqdn;
    }

    /** @return {@code distributedAvailabilityGroupId} */
    public UUID distributedAvailabilityGroupId() {
        return distributedAvailabilityGroupId;
    }

    /** @return the databases of the link, in request order (fixed at creation) */
    public List<SimulatedLinkDatabase> databases() {
        return databases;
    }

    /**
     * @param databaseName database name, any casing
     * @return the database of that name, case-insensitive
     */
    public Optional<SimulatedLinkDatabase> database(String databaseName) {
        return databases.stream().filter(d -> d.databaseName().equalsIgnoreCase(databaseName)).findFirst();
    }

    /** @return {@code partnerEndpoint}, for example {@code TCP://10.0.0.4:5022} */
    public String partnerEndpoint() {
        return read(() -> partnerEndpoint);
    }

    /**
     * @param value new {@code partnerEndpoint}
     * @return this
     */
    public SimulatedLink partnerEndpoint(String value) {
        return write(() -> partnerEndpoint = value);
    }

    /** @return {@code partnerAvailabilityGroupName}, the AG on SQL Server */
    public String partnerAvailabilityGroupName() {
        return read(() -> partnerAvailabilityGroupName);
    }

    /** @return {@code instanceAvailabilityGroupName}, the AG on the instance */
    public String instanceAvailabilityGroupName() {
        return read(() -> instanceAvailabilityGroupName);
    }

    /** @return {@code instanceLinkRole} */
    public LinkRole instanceLinkRole() {
        return read(() -> instanceLinkRole);
    }

    /** @return {@code partnerLinkRole} */
    public LinkRole partnerLinkRole() {
        return read(() -> partnerLinkRole);
    }

    /**
     * Sets both roles; they are independent so a world can model split brain (both {@code PRIMARY}).
     *
     * @param instance new {@code instanceLinkRole}
     * @param partner new {@code partnerLinkRole}
     * @return this
     */
    public SimulatedLink roles(LinkRole instance, LinkRole partner) {
        return write(() -> {
            instanceLinkRole = instance;
            partnerLinkRole = partner;
        });
    }

    /** @return {@code failoverMode}: {@code None} or {@code Manual} */
    public String failoverMode() {
        return read(() -> failoverMode);
    }

    /** @return {@code seedingMode}: {@code Automatic} or {@code Manual} */
    public String seedingMode() {
        return read(() -> seedingMode);
    }

    /** @return {@code replicationMode}: {@code Async} or {@code Sync} */
    public String replicationMode() {
        return read(() -> replicationMode);
    }

    /**
     * @param value new {@code replicationMode}
     * @return this
     */
    public SimulatedLink replicationMode(String value) {
        return write(() -> replicationMode = value);
    }

    /** Applies the writable properties of a repeated PUT. */
    void apply(LinkRequest request) {
        write(() -> {
            partnerEndpoint = request.partnerEndpoint();
            partnerAvailabilityGroupName = request.partnerAvailabilityGroupName();
            instanceAvailabilityGroupName = request.instanceAvailabilityGroupName();
            failoverMode = request.failoverMode();
            seedingMode = request.seedingMode();
            replicationMode = request.replicationMode();
        });
    }

    @Override
    public String toString() {
        return "SimulatedLink[" + id + "]";
    }
}
