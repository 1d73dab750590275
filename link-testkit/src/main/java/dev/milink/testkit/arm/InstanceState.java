package dev.milink.testkit.arm;

import dev.milink.testkit.tls.TestCertificates;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The mutable state of one simulated Managed Instance. Guarded by the simulator's lock. */
final class InstanceState {

    /** A server trust certificate; the blob is kept as upper-case hex without {@code 0x}. */
    record TrustCertificate(String name, String publicBlobHex, String thumbprint) {
    }

    private final String subscriptionId;
    private final String resourceGroup;
    private final ManagedInstanceSpec spec;
    private final Map<String, String> userDatabases = new LinkedHashMap<>();
    private final Map<String, TrustCertificate> trustCertificates = new LinkedHashMap<>();
    private final Map<String, SimulatedLink> links = new LinkedHashMap<>();
    private final Map<String, TestCertificates.Minted> endpointCertificates = new LinkedHashMap<>();

    InstanceState(String subscriptionId, String resourceGroup, ManagedInstanceSpec spec) {
        this.subscriptionId = subscriptionId;
        this.resourceGroup = resourceGroup;
        this.spec = spec;
        spec.databases().forEach(this::addUserDatabase);
    }

    static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    String id() {
        return "/subscriptions/" + subscriptionId + "/resourceGroups/" + resourceGroup
                + "/providers/Microsoft.Sql/managedInstances/" + spec.name();
    }

    String subscriptionId() {
        return subscriptionId;
    }

    String resourceGroup() {
        return resourceGroup;
    }

    String name() {
        return spec.name();
    }

    ManagedInstanceSpec spec() {
        return spec;
    }

    void addUserDatabase(String name) {
        userDatabases.putIfAbsent(key(name), name);
    }

    void removeUserDatabase(String name) {
        userDatabases.remove(key(name));
    }

    /** User databases plus the databases of links that finished seeding, as {@code GET .../databases} lists them. */
    List<String> databases() {
        List<String> result = new ArrayList<>(userDatabases.values());
        for (SimulatedLink link : links.values()) {
            link.databases().stream().filter(SimulatedLinkDatabase::isSeeded)
                    .filter(db -> !userDatabases.containsKey(key(db.databaseName())))
                    .forEach(db -> result.add(db.databaseName()));
        }
        return result;
    }

    /** @return true if the name is a user database or a database of any link, seeded or not */
    boolean databaseTaken(String name) {
        return userDatabases.containsKey(key(name))
                || links.values().stream().anyMatch(link -> link.database(name).isPresent());
    }

    /** @return true if any link of the instance holds a database of that name */
    boolean databaseInAnyLink(String name) {
        return links.values().stream().anyMatch(link -> link.database(name).isPresent());
    }

    int databaseCount() {
        return userDatabases.size() + (int) links.values().stream().mapToLong(l -> l.databases().size()).sum();
    }

    Map<String, TrustCertificate> trustCertificates() {
        return trustCertificates;
    }

    Map<String, SimulatedLink> links() {
        return links;
    }

    /** The instance's certificate for an endpoint type, minted on first use because RSA key generation is slow. */
    TestCertificates.Minted endpointCertificate(String endpointType) {
        return endpointCertificates.computeIfAbsent(endpointType.toUpperCase(Locale.ROOT), type -> {
            Instant now = Instant.now();
            return TestCertificates.endpoint(spec.fqdn(), now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(365)));
        });
    }

    static String thumbprint(byte[] der) {
        try {
            return HexFormat.of().withUpperCase().formatHex(MessageDigest.getInstance("SHA-1").digest(der));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is mandatory in every JDK", e);
        }
    }
}
