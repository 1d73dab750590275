package dev.milink.testkit.world;

import com.azure.core.http.HttpClient;
import com.azure.resourcemanager.sql.SqlServerManager;
import com.microsoft.sqlserver.jdbc.SQLServerDataSource;
import dev.milink.testkit.arm.ArmSimulator;
import dev.milink.testkit.arm.ArmSimulators;
import dev.milink.testkit.arm.HttpsArmServer;
import dev.milink.testkit.arm.InMemoryArmHttpClient;
import dev.milink.testkit.sql.SimulatedSqlServer;
import dev.milink.testkit.tds.TdsServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A test double of a linked world: a simulated SQL Server and a simulated Azure SQL Managed Instance (its
 * SQL endpoint in Managed Instance flavor plus a simulated ARM) sharing one clock, wired so the real Managed
 * Instance link sequence works end to end through the real mssql-jdbc driver and the real Azure SDK. Not SQL
 * Server and not Azure; see {@code link-testkit/README.md} for what it models and what it does not.
 *
 * <pre>{@code
 * try (LinkedWorld world = LinkedWorld.builder()
 *         .sqlServerDatabase("SalesDb", d -> d.recoveryFull().fullBackup().sizeBytes(1L << 30)
 *                 .table("Orders", List.of("id", "item"), rows))
 *         .build().start()) {
 *     DataSource sql = world.sqlServerDataSource();          // T-SQL side of the link
 *     SqlServerManager azure = world.sqlServerManager();     // ARM side of the link
 *     world.advance(Duration.ofSeconds(20));                 // seeding progresses with the simulated clock
 * }
 * }</pre>
 *
 * <p>Thread safe. Link state advances lazily against the clock whenever the world is observed: before each SQL
 * statement, each ARM request, and on {@link #tick()}.
 */
public final class LinkedWorld implements AutoCloseable {

    private final SimulatedSqlServer sqlServer;
    private final SimulatedSqlServer managedInstance;
    private final ArmSimulator arm;
    private final WorldContext ctx;
    private final LinkCoordinator links;
    private final TdsServer sqlTds;
    private final TdsServer miTds;
    private final Clock clock;
    private final String password;
    private final boolean httpsArm;
    private final Duration armLatency;
    private volatile HttpsArmServer httpsServer;
    private volatile SqlServerManager manager;

    LinkedWorld(LinkedWorldBuilder b, SimulatedSqlServer sqlServer, SimulatedSqlServer managedInstance, ArmSimulator arm,
            WorldSettings settings) {
        this.sqlServer = sqlServer;
        this.managedInstance = managedInstance;
        this.arm = arm;
        this.clock = b.clock;
        this.password = b.password;
        this.httpsArm = b.httpsArm;
        this.armLatency = b.armLatency;
        this.ctx = new WorldContext(sqlServer, managedInstance, arm, b.clock, settings);
        this.links = new LinkCoordinator(ctx);
        arm.lifecycle(new WorldArmLifecycle(links));
        arm.beforeEachRequest(this::beforeArmRequest);
        sqlServer.catalog().addListener(new WorldSqlListener(Side.SQL_SERVER, ctx, links));
        managedInstance.catalog().addListener(new WorldSqlListener(Side.MANAGED_INSTANCE, ctx, links));
        this.sqlTds = TdsServer.builder().engine(new TickingSqlEngine(sqlServer.engine(), links::tick))
                .port(b.sqlServerPort).serverName(sqlServer.serverName()).latency(b.sqlLatency).build();
        this.miTds = TdsServer.builder().engine(new TickingSqlEngine(managedInstance.engine(), links::tick))
                .port(b.managedInstancePort).serverName(managedInstance.serverName()).latency(b.sqlLatency).build();
    }

    /** @return a builder with the defaults described on {@link LinkedWorldBuilder} */
    public static LinkedWorldBuilder builder() {
        return new LinkedWorldBuilder();
    }

    /**
     * Starts both TDS endpoints (and the HTTPS ARM server when configured).
     *
     * @return this
     */
    public LinkedWorld start() {
        sqlTds.start();
        miTds.start();
        if (httpsArm) {
            try {
                httpsServer = HttpsArmServer.start(arm);
            } catch (IOException e) {
                close();
                throw new UncheckedIOException("cannot start the HTTPS ARM simulator", e);
            }
        }
        return this;
    }

    private void beforeArmRequest() {
        if (!armLatency.isZero()) {
            try {
                Thread.sleep(armLatency.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        links.tick();
    }

    /** @return the TCP port of the SQL Server endpoint on 127.0.0.1 */
    public int sqlServerPort() {
        return sqlTds.port();
    }

    /** @return the TCP port of the Managed Instance SQL endpoint on 127.0.0.1 */
    public int managedInstancePort() {
        return miTds.port();
    }

    /** @return a data source for SQL Server: 127.0.0.1, encrypt=false, login sa, database master */
    public SQLServerDataSource sqlServerDataSource() {
        return dataSource(sqlTds, "master");
    }

    /** @return a data source for the Managed Instance SQL endpoint, same settings */
    public SQLServerDataSource managedInstanceDataSource() {
        return dataSource(miTds, "master");
    }

    /**
     * @param database the linked database
     * @return a data source for that database on whichever side currently takes its writes
     */
    public SQLServerDataSource primaryDataSource(String database) {
        return dataSource(links.primarySide(database) == Side.SQL_SERVER ? sqlTds : miTds, database);
    }

    private SQLServerDataSource dataSource(TdsServer tds, String database) {
        SQLServerDataSource ds = new SQLServerDataSource();
        ds.setServerName("127.0.0.1");
        ds.setPortNumber(tds.port());
        ds.setUser("sa");
        ds.setPassword(password);
        ds.setDatabaseName(database);
        ds.setEncrypt("false");
        ds.setLoginTimeout(5);
        ds.setApplicationName("milink-linked-world");
        return ds;
    }

    /** @return the ARM simulator (links, trust certificates, journal, faults) */
    public ArmSimulator arm() {
        return arm;
    }

    /** @return a {@code SqlServerManager} wired to the simulated ARM (HTTPS when started, else in memory) */
    public SqlServerManager sqlServerManager() {
        SqlServerManager m = manager;
        if (m == null) {
            synchronized (this) {
                if (manager == null) {
                    manager = ArmSimulators.sqlServerManager(armHttpClient(), armEndpoint(), ctx.settings().subscriptionId());
                }
                m = manager;
            }
        }
        return m;
    }

    /** @return the azure-core HTTP client reaching the simulated ARM */
    public HttpClient armHttpClient() {
        HttpsArmServer https = httpsServer;
        return https != null ? https.httpClient() : new InMemoryArmHttpClient(arm);
    }

    /** @return the resource manager endpoint with trailing slash */
    public String armEndpoint() {
        HttpsArmServer https = httpsServer;
        return https != null ? https.endpoint() : InMemoryArmHttpClient.BASE_URL;
    }

    /** @return the HTTPS ARM server, when {@link LinkedWorldBuilder#httpsArm(boolean)} was set */
    public Optional<HttpsArmServer> httpsArmServer() {
        return Optional.ofNullable(httpsServer);
    }

    /** @return the simulated SQL Server, for test control (catalog, engine) */
    public SimulatedSqlServer sqlServer() {
        return sqlServer;
    }

    /** @return the Managed Instance's SQL endpoint (Managed Instance flavor), for test control */
    public SimulatedSqlServer managedInstance() {
        return managedInstance;
    }

    /** @return the TDS server of SQL Server (journal, faults, latency) */
    public TdsServer sqlServerTds() {
        return sqlTds;
    }

    /** @return the TDS server of the Managed Instance endpoint */
    public TdsServer managedInstanceTds() {
        return miTds;
    }

    /** @return the shared clock */
    public Clock clock() {
        return clock;
    }

    /** @return the subscription of the instance */
    public String subscriptionId() {
        return ctx.settings().subscriptionId();
    }

    /** @return the resource group of the instance */
    public String resourceGroup() {
        return ctx.settings().resourceGroup();
    }

    /** @return the instance name */
    public String managedInstanceName() {
        return ctx.settings().instanceName();
    }

    /** @return the instance FQDN */
    public String managedInstanceFqdn() {
        return ctx.settings().fqdn();
    }

    /** Brings the links up to the clock now (also happens before every SQL statement and ARM request). */
    public void tick() {
        links.tick();
    }

    /**
     * Moves the {@link SimulatedClock} forward and ticks.
     *
     * @param amount how far
     * @throws IllegalStateException when the world runs on another clock
     */
    public void advance(Duration amount) {
        if (!(clock instanceof SimulatedClock simulated)) {
            throw new IllegalStateException("the world runs on " + clock + ", not a SimulatedClock");
        }
        simulated.advance(amount);
        tick();
    }

    /** @return both catalogs and the ARM resources, comparable with {@code equals} */
    public WorldSnapshot snapshot() {
        return ctx.locked(() -> new WorldSnapshot(sqlServer.catalog().snapshot(), managedInstance.catalog().snapshot(),
                ArmSnapshots.of(ctx)));
    }

    /**
     * @param database database to write to, on its current primary side
     * @return a workload writing to {@code database}'s table {@code milink_workload (id, payload)}
     */
    public Workload workload(String database) {
        return workload(database, "milink_workload");
    }

    /**
     * @param database database to write to, on its current primary side
     * @param table table to write to; created if missing
     * @return a workload writing to an existing or new table of {@code database}
     */
    public Workload workload(String database, String table) {
        return new Workload(this, database, table);
    }

    /** @return databases that had a log backup while they were being seeded, in order */
    public List<String> logBackupsDuringSeeding() {
        return links.logBackupsDuringSeeding();
    }

    LinkCoordinator links() {
        return links;
    }

    SimulatedSqlServer server(Side side) {
        return ctx.server(side);
    }

    /** Stops the endpoints; safe to call twice. */
    @Override
    public void close() {
        List<RuntimeException> errors = new ArrayList<>();
        for (AutoCloseable c : new AutoCloseable[] {httpsServer, miTds, sqlTds}) {
            try {
                if (c != null) {
                    c.close();
                }
            } catch (Exception e) {
                errors.add(new IllegalStateException("closing " + c, e));
            }
        }
        if (!errors.isEmpty()) {
            RuntimeException first = errors.get(0);
            errors.subList(1, errors.size()).forEach(first::addSuppressed);
            throw first;
        }
    }

    @Override
    public String toString() {
        return "LinkedWorld[test double: " + sqlServer.serverName() + " <-> " + ctx.settings().fqdn() + "]";
    }
}
