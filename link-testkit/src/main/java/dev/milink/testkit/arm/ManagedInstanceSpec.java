package dev.milink.testkit.arm;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Configuration of one simulated SQL Managed Instance, filled in by the lambda given to
 * {@link ArmSimulator.Builder#managedInstance}. Defaults describe a ready General Purpose Gen5 instance with 8
 * vCores in {@code westeurope}, collation {@code SQL_Latin1_General_CP1_CI_AS}, database format
 * {@code SQLServer2022}, no databases and a limit of 100 databases.
 */
public final class ManagedInstanceSpec {

    private static final Set<String> DATABASE_FORMATS = Set.of("AlwaysUpToDate", "SQLServer2022", "SQLServer2025");

    private final String name;
    private final List<String> databases = new ArrayList<>();
    private final Map<String, String> tags = new LinkedHashMap<>();
    private String dnsZone;
    private String fqdn;
    private String collation = "SQL_Latin1_General_CP1_CI_AS";
    private String databaseFormat = "SQLServer2022";
    private String location = "westeurope";
    private String state = "Ready";
    private String provisioningState = "Succeeded";
    private String instancePoolId;
    private int vCores = 8;
    private int maxDatabases = 100;

    ManagedInstanceSpec(String name) {
        this.name = Objects.requireNonNull(name, "name");
        this.dnsZone = String.format(Locale.ROOT, "%013x", Integer.toUnsignedLong(name.toLowerCase(Locale.ROOT).hashCode()));
    }

    /**
     * @param value {@code properties.fullyQualifiedDomainName}; default {@code <name>.<dnsZone>.database.windows.net}
     * @return this
     */
    public ManagedInstanceSpec fqdn(String value) {
        this.fqdn = Objects.requireNonNull(value, "fqdn");
        return this;
    }

    /**
     * @param value {@code properties.dnsZone}
     * @return this
     */
    public ManagedInstanceSpec dnsZone(String value) {
        this.dnsZone = Objects.requireNonNull(value, "dnsZone");
        return this;
    }

    /**
     * @param value {@code properties.collation}
     * @return this
     */
    public ManagedInstanceSpec collation(String value) {
        this.collation = Objects.requireNonNull(value, "collation");
        return this;
    }

    /**
     * @param value {@code properties.databaseFormat}: {@code AlwaysUpToDate}, {@code SQLServer2022} or {@code SQLServer2025}
     * @return this
     */
    public ManagedInstanceSpec databaseFormat(String value) {
        if (!DATABASE_FORMATS.contains(value)) {
            throw new IllegalArgumentException("databaseFormat must be one of " + DATABASE_FORMATS + ", but was " + value);
        }
        this.databaseFormat = value;
        return this;
    }

    /**
     * @param value the Azure region
     * @return this
     */
    public ManagedInstanceSpec location(String value) {
        this.location = Objects.requireNonNull(value, "location");
        return this;
    }

    /**
     * @param value {@code properties.state}, for example {@code Ready} or {@code Stopped}
     * @return this
     */
    public ManagedInstanceSpec state(String value) {
        this.state = Objects.requireNonNull(value, "state");
        return this;
    }

    /**
     * @param value {@code properties.provisioningState}, for example {@code Succeeded} or {@code Updating}
     * @return this
     */
    public ManagedInstanceSpec provisioningState(String value) {
        this.provisioningState = Objects.requireNonNull(value, "provisioningState");
        return this;
    }

    /**
     * @param value {@code properties.instancePoolId}, omitted unless set
     * @return this
     */
    public ManagedInstanceSpec instancePoolId(String value) {
        this.instancePoolId = value;
        return this;
    }

    /**
     * @param value vCores ({@code sku.capacity} and {@code properties.vCores})
     * @return this
     */
    public ManagedInstanceSpec vCores(int value) {
        if (value <= 0) {
            throw new IllegalArgumentException("vCores must be positive, but was " + value);
        }
        this.vCores = value;
        return this;
    }

    /**
     * @param key tag name
     * @param value tag value
     * @return this
     */
    public ManagedInstanceSpec tag(String key, String value) {
        tags.put(key, value);
        return this;
    }

    /**
     * @param databaseName a user database that already exists on the instance
     * @return this
     */
    public ManagedInstanceSpec database(String databaseName) {
        databases.add(Objects.requireNonNull(databaseName, "databaseName"));
        return this;
    }

    /**
     * @param value how many databases the instance holds at most, counting databases being seeded by links;
     *     beyond it a DAG PUT fails with 400 {@code DatabaseNumberLimitReached}
     * @return this
     */
    public ManagedInstanceSpec maxDatabases(int value) {
        if (value < 0) {
            throw new IllegalArgumentException("maxDatabases must not be negative, but was " + value);
        }
        this.maxDatabases = value;
        return this;
    }

    String name() {
        return name;
    }

    String fqdn() {
        return fqdn != null ? fqdn : name.toLowerCase(Locale.ROOT) + "." + dnsZone + ".database.windows.net";
    }

    String dnsZone() {
        return dnsZone;
    }

    String collation() {
        return collation;
    }

    String databaseFormat() {
        return databaseFormat;
    }

    String location() {
        return location;
    }

    String state() {
        return state;
    }

    String provisioningState() {
        return provisioningState;
    }

    String instancePoolId() {
        return instancePoolId;
    }

    int vCores() {
        return vCores;
    }

    int maxDatabases() {
        return maxDatabases;
    }

    Map<String, String> tags() {
        return tags;
    }

    List<String> databases() {
        return databases;
    }
}
