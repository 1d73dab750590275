package dev.milink.testkit.arm;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenCredential;
import com.azure.core.http.HttpClient;
import com.azure.core.http.policy.FixedDelay;
import com.azure.core.http.policy.RetryPolicy;
import com.azure.core.management.AzureEnvironment;
import com.azure.core.management.profile.AzureProfile;
import com.azure.resourcemanager.resources.fluentcore.utils.ResourceManagerUtils;
import com.azure.resourcemanager.sql.SqlServerManager;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;
import reactor.core.publisher.Mono;

/**
 * Ready-wired {@link SqlServerManager}s for the simulated ARM: an {@link AzureProfile} whose resource manager
 * endpoint is the simulator (a full copy of the public-cloud endpoint map, since a sparse map fails in the
 * SDK), a static token credential, a fast retry policy, and millisecond LRO polling.
 */
public final class ArmSimulators {

    /** Tenant id used in the profile; the simulator does not check tokens. */
    public static final String TENANT_ID = "00000000-0000-0000-0000-0000000000aa";

    private ArmSimulators() {
    }

    /**
     * @param simulator the simulated ARM to call in-process
     * @return a manager on the in-memory transport, for the subscription of the simulator's first instance
     */
    public static SqlServerManager sqlServerManager(ArmSimulator simulator) {
        return sqlServerManager(simulator, simulator.firstSubscription());
    }

    /**
     * @param simulator the simulated ARM to call in-process
     * @param subscriptionId subscription the manager works in
     * @return a manager on the in-memory transport for that subscription
     */
    public static SqlServerManager sqlServerManager(ArmSimulator simulator, String subscriptionId) {
        return sqlServerManager(new InMemoryArmHttpClient(simulator), InMemoryArmHttpClient.BASE_URL, subscriptionId);
    }

    /**
     * @param server a running HTTPS front of a simulated ARM
     * @return a manager talking HTTPS to the server, for the subscription of its simulator's first instance
     */
    public static SqlServerManager sqlServerManager(HttpsArmServer server) {
        return sqlServerManager(server.httpClient(), server.endpoint(), server.simulator().firstSubscription());
    }

    /**
     * @param client transport
     * @param endpoint resource manager endpoint with trailing slash, must be https
     * @param subscriptionId subscription
     * @return a manager with the production pipeline (auth, retry, logging) but fast retries and polling
     */
    public static SqlServerManager sqlServerManager(HttpClient client, String endpoint, String subscriptionId) {
        useFastPolling();
        return SqlServerManager.configure()
                .withHttpClient(client)
                .withRetryPolicy(fastRetryPolicy())
                .authenticate(staticCredential(), profile(endpoint, subscriptionId));
    }

    /**
     * @param endpoint resource manager endpoint; a trailing slash is added if missing
     * @param subscriptionId subscription of the profile
     * @return a profile for the endpoint, all other endpoints copied from the public cloud
     */
    public static AzureProfile profile(String endpoint, String subscriptionId) {
        Map<String, String> endpoints = new HashMap<>(AzureEnvironment.AZURE.getEndpoints());
        endpoints.put("resourceManagerEndpointUrl", endpoint.endsWith("/") ? endpoint : endpoint + "/");
        return new AzureProfile(TENANT_ID, subscriptionId, new AzureEnvironment(endpoints));
    }

    /** @return a credential handing out a fixed token valid for an hour */
    public static TokenCredential staticCredential() {
        return context -> Mono.just(new AccessToken("arm-simulator-token", OffsetDateTime.now().plusHours(1)));
    }

    /** @return three retries 1 ms apart (a {@code Retry-After} header still wins) */
    public static RetryPolicy fastRetryPolicy() {
        return new RetryPolicy(new FixedDelay(3, Duration.ofMillis(1)));
    }

    /**
     * Makes LRO polling wait 1 ms instead of the SDK's 30 s. It is a JVM-wide static of the Azure SDK; never zero,
     * which the poller rejects.
     */
    public static void useFastPolling() {
        ResourceManagerUtils.InternalRuntimeContext.setDelayProvider(duration -> Duration.ofMillis(1));
    }
}
