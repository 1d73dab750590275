package dev.milink.testkit.arm;

import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A transport-free test double of Azure Resource Manager for SQL Managed Instance: the instances, their
 * databases, server trust and endpoint certificates and distributed availability groups (Managed Instance
 * links), with ARM's routing, errors, paging and long-running operations. Not Azure: see the package
 * documentation for what is modelled. Put it behind {@link InMemoryArmHttpClient} or {@link HttpsArmServer},
 * or get a wired {@code SqlServerManager} from {@link ArmSimulators}.
 *
 * <p>Thread safe: one lock guards all state; {@link SimulatedLink} accessors take the same lock.
 */
public final class ArmSimulator {

    private static final Logger LOG = LoggerFactory.getLogger(ArmSimulator.class);

    private final ReentrantLock lock = new ReentrantLock();
    private final Map<String, InstanceState> instances = new LinkedHashMap<>();
    private final RequestJournal journal = new RequestJournal(lock);
    private final ArmFaults faults = new ArmFaults(lock);
    private final LroEngine lro;
    private final DagResources dags;
    private final InstanceResources instanceResources;
    private volatile DagLifecycle lifecycle;
    private volatile Runnable beforeEachRequest = () -> { };

    private ArmSimulator(Builder builder) {
        this.lifecycle = builder.lifecycle;
        this.lro = new LroEngine(new EnumMap<>(builder.styles), builder.lroPolls, builder.retryAfterSeconds,
                builder.lroClock, builder.lroDuration);
        this.dags = new DagResources(lock, lro, faults, () -> this.lifecycle, builder.pageSize);
        this.instanceResources = new InstanceResources(lro, faults, builder.pageSize);
        builder.instances.forEach(i -> instances.put(key(i.subscriptionId(), i.resourceGroup(), i.name()), i));
    }

    /** @return a builder with no instances, page size 2, default LRO styles, 1 poll, no {@code Retry-After} */
    public static Builder builder() {
        return new Builder();
    }

    private static String key(String subscription, String resourceGroup, String instance) {
        return InstanceState.key(subscription + "/" + resourceGroup + "/" + instance);
    }

    /**
     * Handles one request. Never throws for ARM-level problems; they become ARM error responses.
     *
     * @param request the request
     * @return the response, possibly marked to be delayed or dropped by the transport
     */
    public ArmResponse handle(ArmRequest request) {
        // Outside the lock, so a hook that sleeps (simulated latency) does not serialise concurrent requests.
        beforeEachRequest.run();
        lock.lock();
        try {
            lro.completeDue();
            ArmPath path = ArmPath.parse(request.path()).orElse(null);
            ArmResponse response = respond(request, path);
            journal.record(request, path != null && LroEngine.isPoll(path),
                    response.dropConnection() ? 0 : response.status());
            return response.dropConnection() ? response : response.withRequestIds(request.header("x-ms-correlation-request-id"));
        } finally {
            lock.unlock();
        }
    }

    private ArmResponse respond(ArmRequest request, ArmPath path) {
        ArmFaults.Rule fault = faults.take(request, ArmFaults.BEFORE_ROUTING);
        if (fault != null && fault.kind() == ArmFaults.Kind.RESPOND) {
            return ArmResponse.error(fault.error());
        }
        if (fault != null && fault.kind() == ArmFaults.Kind.DROP_CONNECTION) {
            return ArmResponse.dropped();
        }
        ArmResponse response;
        try {
            response = route(request, path);
        } catch (ArmError e) {
            response = ArmResponse.error(e);
        } catch (RuntimeException e) {
            // A simulator bug must reach the test as a visible 500, not as a hang or a transport error.
            LOG.warn("ARM simulator failed on {} {}", request.method(), request.uri(), e);
            response = ArmResponse.error(new ArmError(500, "InternalServerError", "ARM simulator failure: " + e));
        }
        return fault != null && fault.kind() == ArmFaults.Kind.DELAY ? response.withDelay(fault.delayValue()) : response;
    }

    private ArmResponse route(ArmRequest request, ArmPath path) {
        if (path == null) {
            throw new ArmError(404, "InvalidResourceType", "The ARM simulator has no resource at '" + request.path() + "'.");
        }
        if (request.apiVersion() == null || request.apiVersion().isEmpty()) {
            throw new ArmError(400, "MissingApiVersionParameter", "The api-version query parameter (?api-version=) is required.");
        }
        if (path.isOperation()) {
            if (!LroEngine.isPoll(path)) {
                throw new ArmError(404, "InvalidResourceType", "Unknown operation kind '" + path.collection() + "'.");
            }
            return lro.poll(path);
        }
        InstanceState inst = instances.get(key(path.subscriptionId(), path.resourceGroup(), path.instance()));
        // ARM validates the api-version of the resource type before it looks for the resource.
        ApiVersions.require(request, path, inst != null ? inst.spec().location() : "westeurope");
        if (inst == null) {
            throw missingInstance(path);
        }
        if (path.collection() == null) {
            return instanceResources.instance(request, inst);
        }
        return switch (path.collection()) {
            case ArmPath.DAGS -> dags.handle(request, path, inst);
            case ArmPath.TRUST_CERTIFICATES -> instanceResources.trustCertificates(request, path, inst);
            case ArmPath.ENDPOINT_CERTIFICATES -> instanceResources.endpointCertificates(request, path, inst);
            case ArmPath.DATABASES -> instanceResources.databases(request, path, inst);
            default -> throw new ArmError(404, "InvalidResourceType", "Unknown collection '" + path.collection() + "'.");
        };
    }

    private ArmError missingInstance(ArmPath path) {
        boolean groupKnown = instances.values().stream()
                .anyMatch(i -> i.subscriptionId().equalsIgnoreCase(path.subscriptionId())
                        && i.resourceGroup().equalsIgnoreCase(path.resourceGroup()));
        if (!groupKnown) {
            return new ArmError(404, "ResourceGroupNotFound", "Resource group '" + path.resourceGroup() + "' could not be found.");
        }
        String what = "Microsoft.Sql/managedInstances/" + path.instance();
        if (path.collection() == null) {
            return new ArmError(404, "ResourceNotFound", "The Resource '" + what + "' under resource group '"
                    + path.resourceGroup() + "' was not found.");
        }
        return new ArmError(404, "ParentResourceNotFound", "Can not perform requested operation on nested resource. Parent resource '"
                + path.instance() + "' not found.");
    }

    /** @return the journal of all requests */
    public RequestJournal journal() {
        return journal;
    }

    /** @return the fault rules */
    public ArmFaults faults() {
        return faults;
    }

    /**
     * @param value the behaviour hook for links from now on (a linked world installs itself here)
     */
    public void lifecycle(DagLifecycle value) {
        this.lifecycle = Objects.requireNonNull(value, "lifecycle");
    }

    /**
     * Sets a hook run at the start of every request, before the simulator's lock is taken: a linked world uses it
     * to bring its clock-driven state up to date (and to add latency) before ARM answers.
     *
     * @param hook the hook; it may take the simulator's lock itself through {@link #inLock(Supplier)}
     */
    public void beforeEachRequest(Runnable hook) {
        this.beforeEachRequest = Objects.requireNonNull(hook, "hook");
    }

    /**
     * Runs a compound update atomically with respect to ARM requests.
     *
     * @param action the update
     * @param <T> result type
     * @return what the action returned
     */
    public <T> T inLock(Supplier<T> action) {
        lock.lock();
        try {
            lro.completeDue();
            return action.get();
        } finally {
            lock.unlock();
        }
    }

    private InstanceState instance(String subscription, String resourceGroup, String name) {
        InstanceState inst = instances.get(key(subscription, resourceGroup, name));
        if (inst == null) {
            throw new IllegalArgumentException("No simulated managed instance " + subscription + "/" + resourceGroup + "/" + name);
        }
        return inst;
    }

    /**
     * Looks up one link of a managed instance.
     *
     * @param subscription subscription id of the managed instance
     * @param resourceGroup resource group of the managed instance
     * @param instance managed instance name (case-insensitive)
     * @param dagName name of the link (the distributed availability group)
     * @return the link, if it exists (names are case-insensitive)
     */
    public Optional<SimulatedLink> link(String subscription, String resourceGroup, String instance, String dagName) {
        return inLock(() -> Optional.ofNullable(instance(subscription, resourceGroup, instance).links().get(InstanceState.key(dagName))));
    }

    /** @return every link of every instance */
    public List<SimulatedLink> links() {
        return inLock(() -> {
            List<SimulatedLink> all = new ArrayList<>();
            instances.values().forEach(i -> all.addAll(i.links().values()));
            return all;
        });
    }

    /**
     * @param subscription subscription id of the managed instance
     * @param resourceGroup resource group of the managed instance
     * @param instance managed instance name (case-insensitive)
     * @return the databases {@code GET .../databases} lists: user databases plus seeded link databases
     */
    public List<String> databases(String subscription, String resourceGroup, String instance) {
        return inLock(() -> instance(subscription, resourceGroup, instance).databases());
    }

    /**
     * Adds a user database to an instance, as if restored or created there.
     *
     * @param subscription subscription id of the managed instance
     * @param resourceGroup resource group of the managed instance
     * @param instance managed instance name (case-insensitive)
     * @param databaseName name of the new user database
     */
    public void addDatabase(String subscription, String resourceGroup, String instance, String databaseName) {
        inLock(() -> {
            instance(subscription, resourceGroup, instance).addUserDatabase(databaseName);
            return null;
        });
    }

    /**
     * @param subscription subscription id of the managed instance
     * @param resourceGroup resource group of the managed instance
     * @param instance managed instance name (case-insensitive)
     * @return the instance's FQDN
     */
    public String fqdn(String subscription, String resourceGroup, String instance) {
        return inLock(() -> instance(subscription, resourceGroup, instance).spec().fqdn());
    }

    /**
     * @param subscription subscription id of the managed instance
     * @param resourceGroup resource group of the managed instance
     * @param instance managed instance name (case-insensitive)
     * @return the instance's {@code DATABASE_MIRRORING} endpoint certificate (what SQL Server must trust)
     */
    public X509Certificate endpointCertificate(String subscription, String resourceGroup, String instance) {
        return inLock(() -> instance(subscription, resourceGroup, instance).endpointCertificate("DATABASE_MIRRORING").certificate());
    }

    /**
     * @param subscription subscription id of the managed instance
     * @param resourceGroup resource group of the managed instance
     * @param instance managed instance name (case-insensitive)
     * @return uploaded server trust certificates of the instance: name to upper-case SHA-1 thumbprint, in upload order
     */
    public Map<String, String> trustCertificateThumbprints(String subscription, String resourceGroup, String instance) {
        return inLock(() -> {
            Map<String, String> result = new LinkedHashMap<>();
            instance(subscription, resourceGroup, instance).trustCertificates().values()
                    .forEach(c -> result.put(c.name(), c.thumbprint()));
            return result;
        });
    }

    /** The subscription of the first configured instance, for one-subscription setups. */
    String firstSubscription() {
        return inLock(() -> instances.values().stream().findFirst().map(InstanceState::subscriptionId)
                .orElseThrow(() -> new IllegalStateException("the simulator has no managed instance")));
    }

    /** Configures a simulator. Not thread safe; build once per test. */
    public static final class Builder {
        private final List<InstanceState> instances = new ArrayList<>();
        private final Map<ArmOperation, LroStyle> styles = new EnumMap<>(ArmOperation.class);
        private DagLifecycle lifecycle = DagLifecycle.DEFAULT;
        private int pageSize = 2;
        private int lroPolls = 1;
        private Integer retryAfterSeconds;
        private Clock lroClock;
        private Duration lroDuration;

        private Builder() {
        }

        /**
         * Adds a managed instance (its resource group exists implicitly).
         *
         * @param subscriptionId subscription id
         * @param resourceGroup resource group
         * @param name instance name, echoed with this casing
         * @param config sets FQDN, collation, database format, databases, limits
         * @return this
         */
        public Builder managedInstance(String subscriptionId, String resourceGroup, String name,
                Consumer<ManagedInstanceSpec> config) {
            ManagedInstanceSpec spec = new ManagedInstanceSpec(name);
            config.accept(spec);
            instances.add(new InstanceState(subscriptionId, resourceGroup, spec));
            return this;
        }

        /**
         * Adds a managed instance with defaults.
         *
         * @param subscriptionId subscription id
         * @param resourceGroup resource group
         * @param name instance name, echoed with this casing
         * @return this
         */
        public Builder managedInstance(String subscriptionId, String resourceGroup, String name) {
            return managedInstance(subscriptionId, resourceGroup, name, spec -> { });
        }

        /**
         * @param value items per list page before a {@code nextLink} (default 2, so paging is exercised)
         * @return this
         */
        public Builder pageSize(int value) {
            if (value < 1) {
                throw new IllegalArgumentException("pageSize must be at least 1, but was " + value);
            }
            this.pageSize = value;
            return this;
        }

        /**
         * @param style long-running-operation style for every write
         * @return this
         */
        public Builder lroStyle(LroStyle style) {
            for (ArmOperation op : ArmOperation.values()) {
                styles.put(op, style);
            }
            return this;
        }

        /**
         * @param operation one write
         * @param style its style
         * @return this
         */
        public Builder lroStyle(ArmOperation operation, LroStyle style) {
            styles.put(operation, Objects.requireNonNull(style, "style"));
            return this;
        }

        /**
         * @param value the status poll on which an operation completes (default 1: the first poll)
         * @return this
         */
        public Builder lroPolls(int value) {
            if (value < 1) {
                throw new IllegalArgumentException("lroPolls must be at least 1 (use LroStyle.SYNCHRONOUS for none), but was " + value);
            }
            this.lroPolls = value;
            return this;
        }

        /**
         * @param seconds {@code Retry-After} on operation responses; default none, since clients honour it
         * @return this
         */
        public Builder lroRetryAfter(int seconds) {
            this.retryAfterSeconds = seconds;
            return this;
        }

        /**
         * Runs long-running operations on a clock instead of a poll count: each completes {@code duration} after it
         * started, whether or not a client polls it (the next request, or any accessor of this simulator, sees it
         * done); polls before then answer {@code InProgress}.
         *
         * @param clock the clock, for example a linked world's simulated clock
         * @param duration how long every operation runs
         * @return this
         */
        public Builder lroClock(Clock clock, Duration duration) {
            Objects.requireNonNull(duration, "duration");
            if (duration.isNegative()) {
                throw new IllegalArgumentException("duration must not be negative, but was " + duration);
            }
            this.lroClock = Objects.requireNonNull(clock, "clock");
            this.lroDuration = duration;
            return this;
        }

        /**
         * @param value the behaviour hook for links
         * @return this
         */
        public Builder lifecycle(DagLifecycle value) {
            this.lifecycle = Objects.requireNonNull(value, "lifecycle");
            return this;
        }

        /** @return the simulator */
        public ArmSimulator build() {
            return new ArmSimulator(this);
        }
    }
}
