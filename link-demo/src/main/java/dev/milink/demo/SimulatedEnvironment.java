package dev.milink.demo;

import com.azure.core.credential.TokenCredential;
import dev.milink.Link;
import dev.milink.LinkDefinition;
import dev.milink.ManagedInstance;
import dev.milink.Secret;
import dev.milink.SecretSource;
import dev.milink.SqlServerInstance;
import dev.milink.azure.ArmManagedInstancePort;
import dev.milink.core.EndpointProbe;
import dev.milink.core.JournalStore;
import dev.milink.core.LinkMonitor;
import dev.milink.core.LinkRunner;
import dev.milink.core.Sleeper;
import dev.milink.port.ManagedInstancePort;
import dev.milink.port.SqlServerPort;
import dev.milink.testkit.arm.ArmSimulators;
import dev.milink.testkit.world.LinkedWorld;
import dev.milink.testkit.world.SimulatedClock;
import dev.milink.jdbc.JdbcSqlServerPort;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * milink's real adapters (JDBC over TDS, the Azure SDK over the simulated ARM) pointed at a
 * {@link LinkedWorld} of test doubles. One place wires them, so the end-to-end suites, the CLI demo and the
 * benchmarks all run the same production code against the same simulators.
 */
public final class SimulatedEnvironment implements AutoCloseable {

    /** The master key password used against the simulators; a recognisable test value, never a real secret. */
    public static final String MASTER_KEY_PASSWORD = "Simulated-Master-Key-1!";

    private final LinkedWorld world;
    private final JdbcSqlServerPort sqlServer;
    private final JdbcSqlServerPort managedInstanceSql;
    private final ArmManagedInstancePort managedInstance;
    private final ManagedInstance managedInstanceId;
    private final String masterKeyPassword;

    private SimulatedEnvironment(LinkedWorld world, TokenCredential credential, String masterKeyPassword) {
        this.world = world;
        this.masterKeyPassword = masterKeyPassword;
        this.sqlServer = JdbcSqlServerPort.of(world.sqlServerDataSource());
        this.managedInstanceSql = JdbcSqlServerPort.of(world.managedInstanceDataSource());
        this.managedInstanceId = ManagedInstance.of(world.subscriptionId(), world.resourceGroup(), world.managedInstanceName());
        this.managedInstance = ArmManagedInstancePort.builder().managedInstance(managedInstanceId)
                .credential(credential).httpClient(world.armHttpClient())
                .environment(world.armEndpoint()).retryPolicy(ArmSimulators.fastRetryPolicy())
                .pollInterval(Duration.ofMillis(1)).build();
    }

    /**
     * @param world a started world; closed together with this environment
     * @return the environment
     */
    public static SimulatedEnvironment of(LinkedWorld world) {
        return of(world, ArmSimulators.staticCredential(), MASTER_KEY_PASSWORD);
    }

    /**
     * @param world a started world; closed together with this environment
     * @param credential the Azure credential the ARM adapter authenticates with (the simulator accepts any token)
     * @param masterKeyPassword the master key password the runners' secret source hands out
     * @return the environment
     */
    public static SimulatedEnvironment of(LinkedWorld world, TokenCredential credential, String masterKeyPassword) {
        ArmSimulators.useFastPolling();
        return new SimulatedEnvironment(Objects.requireNonNull(world, "world"), Objects.requireNonNull(credential, "credential"),
                Objects.requireNonNull(masterKeyPassword, "masterKeyPassword"));
    }

    /** @return the world of test doubles */
    public LinkedWorld world() {
        return world;
    }

    /** @return SQL Server's port (the simulated SQL Server, through the real mssql-jdbc driver) */
    public JdbcSqlServerPort sqlServer() {
        return sqlServer;
    }

    /** @return a port on the simulated Managed Instance's SQL endpoint, for health reads of its DMVs */
    public JdbcSqlServerPort managedInstanceSql() {
        return managedInstanceSql;
    }

    /** @return the Managed Instance's port (the real Azure SDK against the simulated ARM) */
    public ArmManagedInstancePort managedInstance() {
        return managedInstance;
    }

    /** @return the Managed Instance's identity as the world knows it */
    public ManagedInstance managedInstanceId() {
        return managedInstanceId;
    }

    /** @return SQL Server as a link endpoint: the world's server name and a mirroring endpoint address */
    public SqlServerInstance sqlServerInstance() {
        return SqlServerInstance.of(world.sqlServer().serverName(), "TCP://10.0.1.8:5022");
    }

    /**
     * @param databases the databases to link
     * @return a definition from SQL Server to the Managed Instance, two-way DR
     */
    public LinkDefinition linkFromSqlServer(String... databases) {
        return Link.from(sqlServerInstance()).database(databases).to(managedInstanceId).twoWayDR(true);
    }

    /** @return the secrets used against the simulators */
    public SecretSource secrets() {
        return SecretSource.ofMasterKeyPassword(Secret.of(masterKeyPassword));
    }

    /**
     * Waiting advances the world's clock when it is simulated, so seeding and LSN waits finish at once;
     * with the system clock it really sleeps.
     *
     * @return the sleeper for runners and monitors
     */
    public Sleeper sleeper() {
        Clock clock = world.clock();
        if (clock instanceof SimulatedClock) {
            return world::advance;
        }
        return Sleeper.system();
    }

    /**
     * @return a runner on both ports with the world's clock and an in-memory journal; the endpoint probe reports
     *         honestly that a simulated endpoint was not probed (no traffic leaves loopback)
     */
    public LinkRunner runner() {
        return runner(sqlServer, managedInstance);
    }

    /**
     * A runner configured like {@link #runner()} over other ports, for example wrappers that inject crashes.
     *
     * @param sql the SQL Server port
     * @param mi the Managed Instance port
     * @return the runner, with an in-memory journal unless another is set
     */
    public LinkRunner runner(SqlServerPort sql, ManagedInstancePort mi) {
        return LinkRunner.with(sql, mi).journal(JournalStore.inMemory()).secrets(secrets())
                .clock(world.clock()).sleeper(sleeper()).pollInterval(Duration.ofSeconds(1))
                .endpointProbe((host, port) -> Optional.of("not probed: the endpoint belongs to the simulated world"));
    }

    /** @return a monitor reading SQL Server and the Managed Instance's SQL endpoint */
    public LinkMonitor monitor() {
        return LinkMonitor.of(sqlServer, managedInstance).withManagedInstanceSql(managedInstanceSql).clock(world.clock());
    }

    @Override
    public void close() {
        sqlServer.close();
        managedInstanceSql.close();
        world.close();
    }
}
