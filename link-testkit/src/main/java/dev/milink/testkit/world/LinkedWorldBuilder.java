package dev.milink.testkit.world;

import dev.milink.testkit.arm.ArmSimulator;
import dev.milink.testkit.sql.Flavor;
import dev.milink.testkit.sql.SimulatedSqlServer;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Configures a {@link LinkedWorld}. Defaults: SQL Server {@code SQLBOX01} 16.0.4135.4 (2022 CU14) with HADR on,
 * collation {@code SQL_Latin1_General_CP1_CI_AS}, login {@code sa}; Managed Instance {@code mi-link01} in
 * resource group {@code rg-milink}, DNS zone {@code a1b2c3d4e5f6}, update policy {@code SQLServer2022}; a
 * {@link SimulatedClock#standard()}; seeding at 100 MiB per simulated second; replication delay 1 s; no
 * latency; ARM in memory only. Not thread safe.
 */
public final class LinkedWorldBuilder {

    /** The default password of the {@code sa} login on both endpoints; a test value, never a real secret. */
    public static final String DEFAULT_PASSWORD = "Milink-Simulator-1!";

    String sqlServerName = "SQLBOX01";
    String productVersion = "16.0.4135.4";
    boolean hadrEnabled = true;
    String sqlCollation = "SQL_Latin1_General_CP1_CI_AS";
    String password = DEFAULT_PASSWORD;
    int sqlServerPort;
    int managedInstancePort;
    final List<Consumer<SimulatedSqlServer.Builder>> sqlDatabases = new ArrayList<>();
    final List<Consumer<SimulatedSqlServer.Builder>> miDatabases = new ArrayList<>();
    final List<String> miDatabaseNames = new ArrayList<>();
    String subscriptionId = "00000000-1111-2222-3333-444444444444";
    String resourceGroup = "rg-milink";
    String instanceName = "mi-link01";
    String dnsZone = "a1b2c3d4e5f6";
    String miCollation = "SQL_Latin1_General_CP1_CI_AS";
    String updatePolicy = "SQLServer2022";
    Clock clock = SimulatedClock.standard();
    long seedingBytesPerSecond = 100L << 20;
    Duration replicationDelay = Duration.ofSeconds(1);
    Duration sqlLatency = Duration.ZERO;
    Duration armLatency = Duration.ZERO;
    boolean httpsArm;
    boolean breakSeedingOnLogBackup = true;
    Duration linkInitTimeout = Duration.ofMinutes(5);
    Consumer<ArmSimulator.Builder> armCustomizer = b -> { };

    LinkedWorldBuilder() {
    }

    /**
     * @param name {@code @@SERVERNAME} of the SQL Server
     * @return this
     */
    public LinkedWorldBuilder sqlServerName(String name) {
        sqlServerName = Objects.requireNonNull(name);
        return this;
    }

    /**
     * @param version SERVERPROPERTY('ProductVersion'), e.g. {@code 16.0.4135.4}
     * @return this
     */
    public LinkedWorldBuilder sqlServerVersion(String version) {
        productVersion = Objects.requireNonNull(version);
        return this;
    }

    /**
     * @param enabled whether Always On availability groups are enabled on SQL Server
     * @return this
     */
    public LinkedWorldBuilder hadrEnabled(boolean enabled) {
        hadrEnabled = enabled;
        return this;
    }

    /**
     * @param collation SQL Server's server collation
     * @return this
     */
    public LinkedWorldBuilder sqlServerCollation(String collation) {
        sqlCollation = Objects.requireNonNull(collation);
        return this;
    }

    /**
     * @param value the {@code sa} password on both endpoints
     * @return this
     */
    public LinkedWorldBuilder password(String value) {
        password = Objects.requireNonNull(value);
        return this;
    }

    /**
     * @param port TCP port of the SQL Server endpoint, 0 for a free one (default)
     * @return this
     */
    public LinkedWorldBuilder sqlServerPort(int port) {
        sqlServerPort = port;
        return this;
    }

    /**
     * @param port TCP port of the Managed Instance SQL endpoint, 0 for a free one (default)
     * @return this
     */
    public LinkedWorldBuilder managedInstancePort(int port) {
        managedInstancePort = port;
        return this;
    }

    /**
     * Adds a user database on SQL Server.
     *
     * @param name the database
     * @param spec recovery model, backup, size (what seeding transfers), tables and rows
     * @return this
     */
    public LinkedWorldBuilder sqlServerDatabase(String name, Consumer<SimulatedSqlServer.DatabaseBuilder> spec) {
        sqlDatabases.add(b -> b.database(name, spec));
        return this;
    }

    /**
     * Adds a user database on the Managed Instance (its SQL endpoint and ARM), e.g. for an MI-primary link.
     *
     * @param name database name
     * @param spec configures the database, as for the simulated SQL Server side
     * @return this
     */
    public LinkedWorldBuilder managedInstanceDatabase(String name, Consumer<SimulatedSqlServer.DatabaseBuilder> spec) {
        miDatabases.add(b -> b.database(name, spec));
        miDatabaseNames.add(name);
        return this;
    }

    /**
     * @param subscription subscription id
     * @param group resource group
     * @param name instance name (lower case, as ARM requires)
     * @return this
     */
    public LinkedWorldBuilder managedInstance(String subscription, String group, String name) {
        subscriptionId = Objects.requireNonNull(subscription);
        resourceGroup = Objects.requireNonNull(group);
        instanceName = Objects.requireNonNull(name);
        return this;
    }

    /**
     * @param zone the DNS zone in {@code <name>.<zone>.database.windows.net}
     * @return this
     */
    public LinkedWorldBuilder managedInstanceDnsZone(String zone) {
        dnsZone = Objects.requireNonNull(zone);
        return this;
    }

    /**
     * @param collation the instance collation
     * @return this
     */
    public LinkedWorldBuilder managedInstanceCollation(String collation) {
        miCollation = Objects.requireNonNull(collation);
        return this;
    }

    /**
     * @param databaseFormat {@code AlwaysUpToDate}, {@code SQLServer2022} or {@code SQLServer2025}
     * @return this
     */
    public LinkedWorldBuilder updatePolicy(String databaseFormat) {
        updatePolicy = Objects.requireNonNull(databaseFormat);
        return this;
    }

    /**
     * @param value the clock; a {@link SimulatedClock} for tests, {@link Clock#systemUTC()} for demos
     * @return this
     */
    public LinkedWorldBuilder clock(Clock value) {
        clock = Objects.requireNonNull(value);
        return this;
    }

    /**
     * @param bytesPerSecond seeding speed per second of the world's clock
     * @return this
     */
    public LinkedWorldBuilder seedingBytesPerSecond(long bytesPerSecond) {
        seedingBytesPerSecond = bytesPerSecond;
        return this;
    }

    /**
     * @param delay how long an asynchronous commit takes to reach the secondary
     * @return this
     */
    public LinkedWorldBuilder replicationDelay(Duration delay) {
        replicationDelay = Objects.requireNonNull(delay);
        return this;
    }

    /**
     * @param perStatement real latency added to every SQL batch/RPC on both endpoints (benchmarks)
     * @return this
     */
    public LinkedWorldBuilder sqlLatency(Duration perStatement) {
        sqlLatency = Objects.requireNonNull(perStatement);
        return this;
    }

    /**
     * @param perRequest real latency added to every ARM request (benchmarks)
     * @return this
     */
    public LinkedWorldBuilder armLatency(Duration perRequest) {
        armLatency = Objects.requireNonNull(perRequest);
        return this;
    }

    /**
     * @param enabled also serve ARM over HTTPS on loopback ({@link LinkedWorld#httpsArmServer()})
     * @return this
     */
    public LinkedWorldBuilder httpsArm(boolean enabled) {
        httpsArm = enabled;
        return this;
    }

    /**
     * @param enabled whether a log backup during seeding fails the seeding with 1412 (default true)
     * @return this
     */
    public LinkedWorldBuilder breakSeedingOnLogBackup(boolean enabled) {
        breakSeedingOnLogBackup = enabled;
        return this;
    }

    /**
     * @param timeout how long an ARM link waits for SQL Server before LinkInitError 41962
     * @return this
     */
    public LinkedWorldBuilder linkInitTimeout(Duration timeout) {
        linkInitTimeout = Objects.requireNonNull(timeout);
        return this;
    }

    /**
     * @param customizer extra ARM simulator settings (LRO styles, page size); the lifecycle is the world's
     * @return this
     */
    public LinkedWorldBuilder arm(Consumer<ArmSimulator.Builder> customizer) {
        armCustomizer = Objects.requireNonNull(customizer);
        return this;
    }

    /** @return the FQDN the instance will have */
    public String fqdn() {
        return instanceName.toLowerCase(Locale.ROOT) + "." + dnsZone + ".database.windows.net";
    }

    /** @return the world, not yet listening; call {@link LinkedWorld#start()} */
    public LinkedWorld build() {
        SimulatedSqlServer.Builder sql = SimulatedSqlServer.builder().serverName(sqlServerName).productVersion(productVersion)
                .flavor(Flavor.SQL_SERVER).hadrEnabled(hadrEnabled).collation(sqlCollation).login("sa", password, true)
                .clock(clock);
        sqlDatabases.forEach(c -> c.accept(sql));
        SimulatedSqlServer.Builder mi = SimulatedSqlServer.builder().serverName(instanceName)
                .flavor(Flavor.MANAGED_INSTANCE).collation(miCollation).login("sa", password, true).clock(clock);
        miDatabases.forEach(c -> c.accept(mi));
        ArmSimulator.Builder arm = ArmSimulator.builder().managedInstance(subscriptionId, resourceGroup, instanceName,
                spec -> {
                    spec.fqdn(fqdn()).dnsZone(dnsZone).collation(miCollation).databaseFormat(updatePolicy);
                    miDatabaseNames.forEach(spec::database);
                });
        armCustomizer.accept(arm);
        WorldSettings settings = new WorldSettings(subscriptionId, resourceGroup, instanceName, fqdn(),
                seedingBytesPerSecond, replicationDelay, breakSeedingOnLogBackup, linkInitTimeout);
        return new LinkedWorld(this, sql.build(), mi.build(), arm.build(), settings);
    }
}
