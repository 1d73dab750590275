package dev.milink.core;

import dev.milink.LinkPlan;
import dev.milink.SecretSource;
import dev.milink.core.internal.Execution;
import dev.milink.core.internal.Rollback;
import dev.milink.core.internal.RunSettings;
import dev.milink.event.LinkListener;
import dev.milink.port.ManagedInstancePort;
import dev.milink.port.SqlServerPort;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Runs plans against the ports, converging: each step is observed first and applied only when missing. A journal
 * makes runs resumable and refuses a second runner on the same links; transient failures are retried.
 *
 * <pre>{@code
 * LinkRun run = LinkRunner.with(sqlServerPort, managedInstancePort)
 *         .journal(JournalStore.directory(Path.of(".milink/journal")))
 *         .listener(event -> log(event))
 *         .run(plan);
 * }</pre>
 *
 * Instances are mutable builders and not thread-safe; each {@code run} is independent.
 */
public final class LinkRunner {

    private final SqlServerPort sql;
    private final ManagedInstancePort mi;
    private JournalStore journal = JournalStore.directory(Path.of(".milink", "journal"));
    private SecretSource secrets = SecretSource.environment();
    private LinkListener listener = LinkListener.NONE;
    private Clock clock = Clock.systemUTC();
    private Sleeper sleeper = Sleeper.system();
    private RetryPolicy retry = RetryPolicy.defaults();
    private int parallelism = 8;
    private Duration awaitTimeout = Duration.ofHours(12);
    private Duration pollInterval = Duration.ofSeconds(30);
    private Optional<Duration> breakStaleLock = Optional.empty();
    private EndpointProbe probe = EndpointProbe.tcp(Duration.ofSeconds(3));
    private int armWritesPerSecond = 10;
    private Duration maxFailoverLag = dev.milink.core.internal.PrerequisiteRules.DEFAULT_MAX_LAG;

    private LinkRunner(SqlServerPort sql, ManagedInstancePort mi) {
        this.sql = Objects.requireNonNull(sql, "sql");
        this.mi = Objects.requireNonNull(mi, "mi");
    }

    /**
     * @param sql SQL Server
     * @param mi the Managed Instance
     * @return a runner with defaults: file journal under {@code ./.milink/journal}, secrets from the environment,
     *         6 attempts with backoff, parallelism 8, 12 h synchronization timeout polled every 30 s
     */
    public static LinkRunner with(SqlServerPort sql, ManagedInstancePort mi) {
        return new LinkRunner(sql, mi);
    }

    /**
     * @param store where journals live
     * @return this
     */
    public LinkRunner journal(JournalStore store) {
        this.journal = Objects.requireNonNull(store, "store");
        return this;
    }

    /**
     * @param source where secrets (the master key password) come from
     * @return this
     */
    public LinkRunner secrets(SecretSource source) {
        this.secrets = Objects.requireNonNull(source, "source");
        return this;
    }

    /**
     * @param value who hears events
     * @return this
     */
    public LinkRunner listener(LinkListener value) {
        this.listener = Objects.requireNonNull(value, "listener");
        return this;
    }

    /**
     * @param value the time source
     * @return this
     */
    public LinkRunner clock(Clock value) {
        this.clock = Objects.requireNonNull(value, "clock");
        return this;
    }

    /**
     * @param value how waits happen
     * @return this
     */
    public LinkRunner sleeper(Sleeper value) {
        this.sleeper = Objects.requireNonNull(value, "sleeper");
        return this;
    }

    /**
     * @param policy how transient failures are retried
     * @return this
     */
    public LinkRunner retry(RetryPolicy policy) {
        this.retry = Objects.requireNonNull(policy, "policy");
        return this;
    }

    /**
     * @param links how many links run at once (at least 1)
     * @return this
     */
    public LinkRunner parallelism(int links) {
        if (links < 1) {
            throw new IllegalArgumentException("parallelism must be at least 1");
        }
        this.parallelism = links;
        return this;
    }

    /**
     * @param timeout the longest wait for seeding and synchronization
     * @return this
     */
    public LinkRunner awaitTimeout(Duration timeout) {
        this.awaitTimeout = positive(timeout, "awaitTimeout");
        return this;
    }

    /**
     * @param interval how often waits poll
     * @return this
     */
    public LinkRunner pollInterval(Duration interval) {
        this.pollInterval = positive(interval, "pollInterval");
        return this;
    }

    /**
     * @param age also break a journal lock whose holder cannot be checked (taken on another host) when it is older
     *        than this; locks of processes gone from this host are broken without it, a running one's never
     * @return this
     */
    public LinkRunner breakStaleLock(Duration age) {
        this.breakStaleLock = Optional.of(positive(age, "age"));
        return this;
    }

    /**
     * @param value how the SQL Server endpoint is probed by the reachability check
     * @return this
     */
    public LinkRunner endpointProbe(EndpointProbe value) {
        this.probe = Objects.requireNonNull(value, "probe");
        return this;
    }

    /**
     * Caps the average rate of ARM writes (PUT, PATCH, POST, DELETE). Default 10 per second, ARM's refill rate for a
     * subscription's writes; writes may burst up to five seconds' worth at once, as ARM's token bucket allows.
     *
     * @param perSecond the average rate
     * @return this
     */
    public LinkRunner armWritesPerSecond(int perSecond) {
        if (perSecond < 1) {
            throw new IllegalArgumentException("armWritesPerSecond must be at least 1");
        }
        this.armWritesPerSecond = perSecond;
        return this;
    }

    /**
     * @param lag the largest replication lag (seconds behind, as SQL Server or ARM reports it) at which the
     *        {@code LINK_SYNCHRONIZED} gate still lets a planned failover start; default 60 s
     * @return this
     */
    public LinkRunner maxFailoverLag(Duration lag) {
        this.maxFailoverLag = positive(lag, "maxFailoverLag");
        return this;
    }

    /**
     * Runs the plan; when an unfinished journal of the same plan exists, continues it.
     *
     * @param plan the plan
     * @return the outcome per link; step failures are reported in it, not thrown
     * @throws dev.milink.LinkException {@code JOURNAL_CONFLICT} when another runner holds the links or an
     *         unfinished journal belongs to another plan
     */
    public LinkRun run(LinkPlan plan) {
        return Execution.run(settings(), plan);
    }

    /**
     * Continues a run that was interrupted: steps left RUNNING are re-observed, not blindly re-applied.
     * Equivalent to {@link #run} (which also resumes); named for readability at call sites.
     *
     * @param plan the same plan
     * @return the outcome
     */
    public LinkRun resume(LinkPlan plan) {
        return Execution.run(settings(), plan);
    }

    /**
     * Undoes in reverse what the journal records this plan's run created: runs {@link #planRollback(LinkPlan)} like
     * any plan (journalled per step, converging), then marks the run rolled back.
     *
     * @param plan the plan that ran
     * @return what was undone and what was left in place
     */
    public RollbackReport rollback(LinkPlan plan) {
        return Rollback.run(settings(), plan);
    }

    /**
     * The rollback {@link #rollback(LinkPlan)} would run, as a plan of kind {@link dev.milink.PlanKind#ROLLBACK}: review
     * it, or print it with {@code TsqlScript.render}. Reads the journal only.
     *
     * @param plan the plan that ran
     * @return the steps that undo what its run created, in the order they run
     * @throws dev.milink.LinkException with {@code JOURNAL_CONFLICT} when no journal of that plan exists
     */
    public LinkPlan planRollback(LinkPlan plan) {
        return Rollback.plan(settings(), plan);
    }

    private RunSettings settings() {
        return new RunSettings(sql, mi, journal, secrets, listener, clock, sleeper, retry, parallelism, awaitTimeout,
                pollInterval, breakStaleLock, probe, armWritesPerSecond, maxFailoverLag);
    }

    private static Duration positive(Duration d, String name) {
        Objects.requireNonNull(d, name);
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be positive");
        }
        return d;
    }
}
