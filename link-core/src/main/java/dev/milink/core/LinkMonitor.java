package dev.milink.core;

import dev.milink.DatabaseLink;
import dev.milink.LinkHealth;
import dev.milink.LinkSpec;
import dev.milink.core.internal.health.HealthAssembler;
import dev.milink.event.LinkEvent;
import dev.milink.event.LinkListener;
import dev.milink.port.ManagedInstancePort;
import dev.milink.port.SqlServerPort;
import dev.milink.state.LinkResourceState;
import dev.milink.state.SqlServerState;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the health of links. One poll costs one observation batch on SQL Server and one read on the
 * Managed Instance side (its SQL endpoint's observation batch when a port for it is given, otherwise one
 * ARM list of links), however many links there are.
 */
public final class LinkMonitor {

    private static final Logger LOG = LoggerFactory.getLogger(LinkMonitor.class);

    private final SqlServerPort sqlServer;
    private final ManagedInstancePort managedInstance;
    private final SqlServerPort managedInstanceSql;
    private final Clock clock;

    private LinkMonitor(SqlServerPort sqlServer, ManagedInstancePort managedInstance, SqlServerPort managedInstanceSql,
            Clock clock) {
        this.sqlServer = sqlServer;
        this.managedInstance = managedInstance;
        this.managedInstanceSql = managedInstanceSql;
        this.clock = clock;
    }

    /**
     * @param sqlServer SQL Server
     * @param managedInstance the Managed Instance through ARM
     * @return a monitor
     */
    public static LinkMonitor of(SqlServerPort sqlServer, ManagedInstancePort managedInstance) {
        return new LinkMonitor(Objects.requireNonNull(sqlServer, "sqlServer"),
                Objects.requireNonNull(managedInstance, "managedInstance"), null, Clock.systemUTC());
    }

    /**
     * Reads the Managed Instance's side from its SQL endpoint (DMVs) instead of ARM.
     *
     * @param managedInstanceSql a port connected to the Managed Instance's SQL endpoint
     * @return a copy that uses it
     */
    public LinkMonitor withManagedInstanceSql(SqlServerPort managedInstanceSql) {
        return new LinkMonitor(sqlServer, managedInstance, Objects.requireNonNull(managedInstanceSql, "managedInstanceSql"), clock);
    }

    /**
     * @param newClock the clock that stamps observations
     * @return a copy using it
     */
    public LinkMonitor clock(Clock newClock) {
        return new LinkMonitor(sqlServer, managedInstance, managedInstanceSql, Objects.requireNonNull(newClock, "clock"));
    }

    /**
     * Reads every link of the spec once.
     *
     * @param spec the links
     * @return one health per link, in the spec's order
     */
    public List<LinkHealth> health(LinkSpec spec) {
        List<dev.milink.DatabaseName> databases = spec.links().stream().map(DatabaseLink::database).toList();
        SqlServerState sql = sqlServer.observe(databases);
        Optional<SqlServerState> miSql = Optional.ofNullable(managedInstanceSql).map(p -> p.observe(databases));
        List<LinkResourceState> armLinks = miSql.isPresent() ? List.of() : managedInstance.links();
        return HealthAssembler.assemble(spec, sql, miSql, armLinks, clock.instant());
    }

    /**
     * Lists SQL Server's endpoint certificates with the days they have left: one observation.
     *
     * @param spec the links (names the configured certificate)
     * @return the report
     */
    public CertificateReport certificates(LinkSpec spec) {
        SqlServerState sql = sqlServer.observe(List.of());
        return CertificateReport.of(sql, spec.certificateName(), clock.instant());
    }

    /**
     * Polls in the background and reports each link's health when it changes (and once at the start).
     * Failures of a poll are logged and the watch goes on; close the returned handle to stop it.
     *
     * @param spec the links
     * @param interval time between polls
     * @param listener receives {@link LinkEvent.HealthChanged} events
     * @return a handle that stops the watch
     */
    public AutoCloseable watch(LinkSpec spec, Duration interval, LinkListener listener) {
        Objects.requireNonNull(listener, "listener");
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("the poll interval must be positive");
        }
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "milink-link-monitor");
            t.setDaemon(true);
            return t;
        });
        Map<String, LinkHealth> last = new HashMap<>();
        executor.scheduleWithFixedDelay(() -> poll(spec, listener, last), 0, interval.toMillis(), TimeUnit.MILLISECONDS);
        return executor::shutdownNow;
    }

    private void poll(LinkSpec spec, LinkListener listener, Map<String, LinkHealth> last) {
        try {
            for (LinkHealth health : health(spec)) {
                LinkHealth before = last.put(health.linkName(), health);
                if (!health.sameAs(before)) {
                    listener.onEvent(new LinkEvent.HealthChanged(clock.instant(), health, Optional.ofNullable(before)));
                }
            }
        } catch (RuntimeException e) {
            LOG.warn("health poll failed, retrying at the next interval: {}", e.getMessage());
        }
    }
}
