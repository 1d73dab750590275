package dev.milink.azure;

import com.azure.core.credential.TokenCredential;
import com.azure.core.http.HttpClient;
import com.azure.core.http.jdk.httpclient.JdkHttpClientBuilder;
import com.azure.core.http.policy.HttpLogOptions;
import com.azure.core.http.policy.RetryPolicy;
import com.azure.core.management.AzureEnvironment;
import com.azure.core.management.profile.AzureProfile;
import com.azure.identity.DefaultAzureCredentialBuilder;
import com.azure.resourcemanager.sql.SqlServerManager;
import com.azure.resourcemanager.sql.fluent.models.EndpointCertificateInner;
import com.azure.resourcemanager.sql.fluent.models.ManagedDatabaseInner;
import dev.milink.LinkException;
import dev.milink.ManagedInstance;
import dev.milink.arm.ArmRequests;
import dev.milink.port.ManagedInstancePort;
import dev.milink.port.StepInputs;
import dev.milink.port.StepResult;
import dev.milink.state.InstanceFacts;
import dev.milink.state.LinkResourceState;
import dev.milink.state.TrustCertificateState;
import dev.milink.step.ManagedInstanceStep;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * {@link ManagedInstancePort} over Azure Resource Manager, built on azure-resourcemanager-sql's
 * {@code SqlServerManager}. Databases, the endpoint certificate and server trust certificates go through the
 * SDK's typed clients; the instance and links (distributed availability groups) are api-version 2025-01-01
 * requests sent through the same SDK pipeline, so credential, retry ({@code Retry-After} honoured) and
 * logging policies are shared. Long-running operations are awaited up to the operation timeout.
 *
 * <p>Each read is one ARM request (lists follow {@code nextLink}); each write is one request plus its
 * operation polls. Failures become {@link dev.milink.LinkExecutionException}s (in {@link #apply}) or
 * {@link LinkException}s (in reads) with the ARM error code, HTTP status and a remediation hint. Thread
 * safe: the port holds configuration only.
 *
 * <pre>{@code
 * ManagedInstancePort mi = ArmManagedInstancePort.builder()
 *         .managedInstance(ManagedInstance.fromResourceId(id))
 *         .build();                               // DefaultAzureCredential, public cloud
 * }</pre>
 */
public final class ArmManagedInstancePort implements ManagedInstancePort {

    static final String ENDPOINT_TYPE = "DATABASE_MIRRORING";

    private final ManagedInstance instance;
    private final SqlServerManager manager;
    private final ArmRest rest;
    private final ArmWrites writes;

    private ArmManagedInstancePort(ManagedInstance instance, SqlServerManager manager, ArmRest rest, Duration timeout) {
        this.instance = instance;
        this.manager = manager;
        this.rest = rest;
        this.writes = new ArmWrites(instance, rest, this::trustCertificates);
    }

    /** @return a builder; {@link Builder#managedInstance} is required */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the instance this port talks to */
    public ManagedInstance managedInstance() {
        return instance;
    }

    @Override
    public InstanceFacts instance() {
        // Raw GET at 2025-01-01: the SDK's typed model (2021-11-01) has no databaseFormat (the update policy).
        return read("GET the instance", () -> {
            Map<String, Object> body = rest.get(rest.url(instance.resourceId(), ArmRequests.API_VERSION));
            Map<String, Object> p = ArmJson.child(body, "properties");
            String name = ArmJson.string(body, "name");
            return new InstanceFacts(name == null ? instance.name() : name, ArmJson.string(p, "fullyQualifiedDomainName"),
                    ArmJson.string(p, "collation"), ArmJson.string(p, "databaseFormat"), ArmJson.string(p, "state"));
        });
    }

    @Override
    public List<String> databaseNames() {
        return read("LIST databases", () -> manager.serviceClient().getManagedDatabases()
                .listByInstance(instance.resourceGroup(), instance.name()).stream().map(ManagedDatabaseInner::name).toList());
    }

    @Override
    public byte[] endpointCertificate() {
        return read("GET endpointCertificates/" + ENDPOINT_TYPE, () -> {
            EndpointCertificateInner cert = manager.serviceClient().getEndpointCertificates()
                    .get(instance.resourceGroup(), instance.name(), ENDPOINT_TYPE);
            return ArmJson.fromHex(cert.publicBlob());
        });
    }

    @Override
    public List<TrustCertificateState> trustCertificates() {
        return read("LIST serverTrustCertificates", () -> manager.serviceClient().getServerTrustCertificates()
                .listByInstance(instance.resourceGroup(), instance.name()).stream()
                .map(c -> new TrustCertificateState(c.name(), c.thumbprint())).toList());
    }

    @Override
    public List<LinkResourceState> links() {
        return read("LIST distributedAvailabilityGroups", () -> rest
                .list(rest.url(instance.resourceId() + "/distributedAvailabilityGroups", ArmRequests.API_VERSION))
                .stream().map(DagJson::state).toList());
    }

    @Override
    public Optional<LinkResourceState> link(String name) {
        Objects.requireNonNull(name, "name");
        return read("GET distributedAvailabilityGroups/" + name, () -> writes.findLink(name));
    }

    @Override
    public StepResult apply(ManagedInstanceStep step, StepInputs inputs) {
        Objects.requireNonNull(step, "step");
        Objects.requireNonNull(inputs, "inputs");
        return writes.apply(step, inputs);
    }

    private static <T> T read(String what, Supplier<T> call) {
        try {
            return call.get();
        } catch (LinkException e) {
            throw e;
        } catch (RuntimeException e) {
            throw ArmErrorMapping.forRead(what, e);
        }
    }

    @Override
    public String toString() {
        return "ArmManagedInstancePort[" + instance.resourceId() + " via " + rest.url("", ArmRequests.API_VERSION) + "]";
    }

    /**
     * Configures an {@link ArmManagedInstancePort}. The setters take azure-core configuration types; the port
     * itself exposes link-api types only.
     */
    public static final class Builder {
        private ManagedInstance managedInstance;
        private TokenCredential credential;
        private AzureEnvironment environment = AzureEnvironment.AZURE;
        private String resourceManagerEndpoint;
        private String tenantId;
        private HttpClient httpClient;
        private RetryPolicy retryPolicy;
        private Duration pollInterval = Duration.ofSeconds(10);
        private Duration operationTimeout = Duration.ofMinutes(30);

        private Builder() {
        }

        /**
         * @param value the instance (required)
         * @return this
         */
        public Builder managedInstance(ManagedInstance value) {
            this.managedInstance = Objects.requireNonNull(value, "managedInstance");
            return this;
        }

        /**
         * @param value the credential; default {@code DefaultAzureCredential} for the environment's authority
         * @return this
         */
        public Builder credential(TokenCredential value) {
            this.credential = Objects.requireNonNull(value, "credential");
            return this;
        }

        /**
         * @param value the Azure cloud, for example {@code AzureEnvironment.AZURE_US_GOVERNMENT}; default public cloud
         * @return this
         */
        public Builder environment(AzureEnvironment value) {
            this.environment = Objects.requireNonNull(value, "environment");
            return this;
        }

        /**
         * @param httpsUrl a custom resource manager endpoint (a sovereign or private cloud, or a test double);
         *     the other endpoints come from {@link #environment}. Must be {@code https}: bearer tokens are never
         *     sent in clear text.
         * @return this
         */
        public Builder environment(String httpsUrl) {
            Objects.requireNonNull(httpsUrl, "httpsUrl");
            if (!httpsUrl.regionMatches(true, 0, "https://", 0, 8)) {
                throw new IllegalArgumentException("the resource manager endpoint must be an https URL, but was " + httpsUrl);
            }
            this.resourceManagerEndpoint = httpsUrl.endsWith("/") ? httpsUrl : httpsUrl + "/";
            return this;
        }

        /**
         * @param value the Entra tenant, for the default credential and the profile; optional
         * @return this
         */
        public Builder tenantId(String value) {
            this.tenantId = value;
            return this;
        }

        /**
         * @param value the transport; default the JDK HTTP client
         * @return this
         */
        public Builder httpClient(HttpClient value) {
            this.httpClient = Objects.requireNonNull(value, "httpClient");
            return this;
        }

        /**
         * @param value the retry policy for 408/429/5xx and I/O failures; default the SDK's exponential one
         * @return this
         */
        public Builder retryPolicy(RetryPolicy value) {
            this.retryPolicy = Objects.requireNonNull(value, "retryPolicy");
            return this;
        }

        /**
         * @param value the wait between operation polls when ARM sends no {@code Retry-After}; default 10 s
         * @return this
         */
        public Builder pollInterval(Duration value) {
            this.pollInterval = positive(value, "pollInterval");
            return this;
        }

        /**
         * @param value the longest wait for one long-running operation; default 30 min
         * @return this
         */
        public Builder operationTimeout(Duration value) {
            this.operationTimeout = positive(value, "operationTimeout");
            return this;
        }

        private static Duration positive(Duration value, String name) {
            Objects.requireNonNull(value, name);
            if (value.isNegative() || value.isZero()) {
                throw new IllegalArgumentException(name + " must be positive, but was " + value);
            }
            return value;
        }

        /** @return the port */
        public ArmManagedInstancePort build() {
            Objects.requireNonNull(managedInstance, "managedInstance is required");
            AzureEnvironment env = environment;
            if (resourceManagerEndpoint != null) {
                // Copy the whole map: the SDK reads other endpoints (graph, authority) and fails on a sparse one.
                Map<String, String> endpoints = new HashMap<>(environment.getEndpoints());
                endpoints.put("resourceManagerEndpointUrl", resourceManagerEndpoint);
                env = new AzureEnvironment(endpoints);
            }
            TokenCredential cred = credential;
            if (cred == null) {
                DefaultAzureCredentialBuilder dac = new DefaultAzureCredentialBuilder().authorityHost(env.getActiveDirectoryEndpoint());
                cred = (tenantId == null ? dac : dac.tenantId(tenantId)).build();
            }
            // The SDK's user-agent policy puts the application id first: "milink/<version> azsdk-java-...".
            SqlServerManager.Configurable configurable = SqlServerManager.configure()
                    .withLogOptions(new HttpLogOptions().setApplicationId(MilinkVersion.applicationId()))
                    .withHttpClient(httpClient != null ? httpClient : new JdkHttpClientBuilder().build());
            if (retryPolicy != null) {
                configurable = configurable.withRetryPolicy(retryPolicy);
            }
            SqlServerManager manager = configurable.authenticate(cred,
                    new AzureProfile(tenantId, managedInstance.subscriptionId(), env));
            ArmRest rest = new ArmRest(manager.httpPipeline(), env.getResourceManagerEndpoint(), pollInterval, operationTimeout);
            return new ArmManagedInstancePort(managedInstance, manager, rest, operationTimeout);
        }
    }
}
