package dev.milink.core.internal;

import dev.milink.SecretSource;
import dev.milink.core.EndpointProbe;
import dev.milink.core.JournalStore;
import dev.milink.core.RetryPolicy;
import dev.milink.core.Sleeper;
import dev.milink.event.LinkListener;
import dev.milink.port.ManagedInstancePort;
import dev.milink.port.SqlServerPort;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * Everything a run is configured with; built by {@code LinkRunner}.
 *
 * @param sql SQL Server
 * @param mi the Managed Instance
 * @param journal where the journal lives
 * @param secrets where secrets come from
 * @param listener who hears events
 * @param clock the time
 * @param sleeper how to wait
 * @param retry how transient failures are retried
 * @param parallelism how many links run at once
 * @param awaitTimeout the longest wait for synchronization (and for a rate-limiter permit)
 * @param pollInterval how often waits poll
 * @param breakStaleLock when present, older locks are broken
 * @param probe how the endpoint is probed
 * @param armWritesPerSecond the rate limit on ARM writes
 * @param maxFailoverLag the largest replication lag the planned-failover gate accepts
 */
public record RunSettings(SqlServerPort sql, ManagedInstancePort mi, JournalStore journal, SecretSource secrets,
        LinkListener listener, Clock clock, Sleeper sleeper, RetryPolicy retry, int parallelism, Duration awaitTimeout,
        Duration pollInterval, Optional<Duration> breakStaleLock, EndpointProbe probe, int armWritesPerSecond,
        Duration maxFailoverLag) {
}
