package dev.milink.core.internal;

import dev.milink.LinkErrorCode;
import dev.milink.LinkExecutionException;
import dev.milink.event.LinkEvent;
import dev.milink.state.AvailabilityGroupState;
import dev.milink.state.DatabaseReplicaState;
import dev.milink.state.LinkDatabaseState;
import dev.milink.state.ReplicaState;
import dev.milink.state.SeedingState;
import dev.milink.state.SqlServerState;
import dev.milink.state.SynchronizationState;
import dev.milink.step.AwaitSynchronization;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Polls until a link's database is synchronizing, reporting seeding progress, failing fast when seeding or the
 * connection failed, and giving up with {@code TIMEOUT} after the configured wait. Each poll is one SQL
 * observation of that database plus, while SQL Server shows nothing conclusive, one ARM read of the link.
 */
final class SyncAwaiter {

    /** Endpoint connection errors: the partner refused the certificate / could not be reached (docs/LINK-FACTS.md section 11). */
    static final Set<Integer> CONNECT_ERRORS = Set.of(41973, 41974);

    private final RunState run;
    private final Events events;

    SyncAwaiter(RunState run, Events events) {
        this.run = run;
        this.events = events;
    }

    /**
     * @param sql an observation
     * @param step the wait
     * @return the synchronization state when the database is already synchronizing
     */
    static Optional<String> synchronizedNow(SqlServerState sql, AwaitSynchronization step) {
        return sql.availabilityGroup(step.linkName()).filter(AvailabilityGroupState::distributed).stream()
                .flatMap(g -> g.replicas().stream()).filter(r -> !r.local())
                .flatMap(r -> r.databases().stream()).filter(d -> d.database().equalsIgnoreCase(step.target().value()))
                .map(DatabaseReplicaState::synchronizationState).filter(s -> s != null && SynchronizationState.of(s).flowing())
                .findFirst();
    }

    String await(AwaitSynchronization step) {
        Instant deadline = run.settings.clock().instant().plus(run.settings.awaitTimeout());
        String db = step.target().value();
        while (true) {
            SqlServerState sql = run.resilient.call(step, false, () -> run.settings.sql().observe(List.of(step.target())));
            failOnConnectError(step, sql);
            Optional<SeedingState> seeding = sql.seeding(db);
            if (seeding.filter(SeedingState::failed).isPresent()) {
                SeedingState s = seeding.get();
                throw failure(step, LinkErrorCode.SQL_ERROR, null, "seeding of [" + db + "] failed: " + s.currentState()
                        + s.failureState().map(f -> " (failure_state " + f + ")").orElse("") + " " + s.failureDescription(),
                        "fix the cause named (23: a database of that name exists on the Managed Instance), drop the link and create it again");
            }
            Optional<String> done = synchronizedNow(sql, step);
            if (done.isPresent()) {
                progress(step, 100, seeding, "[" + db + "] is " + done.get());
                return "[" + db + "] is " + done.get();
            }
            Optional<LinkDatabaseState> link = run.resilient.call(step, false, () -> run.settings.mi().link(step.linkName()))
                    .flatMap(l -> l.database(db));
            if (link.filter(LinkDatabaseState::inError).isPresent()) {
                LinkDatabaseState l = link.get();
                throw failure(step, LinkErrorCode.ARM_ERROR, l.replicaState(), "the link reports " + l.replicaState()
                        + l.mostRecentLinkError().map(e -> ": " + e).orElse(""), "read the error, fix it, drop the link and create it again");
            }
            if (link.map(LinkDatabaseState::replicaState).filter(SyncAwaiter::linkSynchronizing).isPresent()) {
                progress(step, 100, seeding, "link reports " + link.get().replicaState());
                return "link reports " + link.get().replicaState();
            }
            int percent = seeding.map(SeedingState::percent).or(() -> link.flatMap(LinkDatabaseState::seedingProgress)).orElse(0);
            progress(step, percent, seeding, "seeding [" + db + "]" + link.map(l -> " (" + l.replicaState() + ")").orElse(""));
            Instant now = run.settings.clock().instant();
            if (!now.isBefore(deadline)) {
                throw failure(step, LinkErrorCode.TIMEOUT, null, "[" + db + "] did not start synchronizing within "
                        + run.settings.awaitTimeout(), "check seeding progress and network, then resume (seeding continues)");
            }
            Duration wait = run.settings.pollInterval();
            Duration left = Duration.between(now, deadline);
            run.resilient.sleep(step, wait.compareTo(left) < 0 ? wait : left);
        }
    }

    private static boolean linkSynchronizing(String replicaState) {
        String s = replicaState.toUpperCase(Locale.ROOT);
        return s.equals("LINKSYNCHRONIZING") || s.equals("CATCHUP") || SynchronizationState.of(s).flowing();
    }

    private void failOnConnectError(AwaitSynchronization step, SqlServerState sql) {
        Optional<ReplicaState> broken = sql.availabilityGroup(step.linkName()).stream().flatMap(g -> g.replicas().stream())
                .filter(r -> r.lastConnectErrorNumber().filter(CONNECT_ERRORS::contains).isPresent()).findFirst();
        if (broken.isPresent()) {
            ReplicaState r = broken.get();
            throw LinkExecutionException.sqlFailure(LinkErrorCode.SQL_ERROR, step.id(), step.side(), r.lastConnectErrorNumber().get(),
                    "replica [" + r.name() + "] cannot connect: " + r.lastConnectError(),
                    "check the certificates on both sides (SQL Server's trust certificate on MI, [<MI FQDN>] on SQL Server) and that port 5022 is open both ways", null);
        }
    }

    private void progress(AwaitSynchronization step, int percent, Optional<SeedingState> seeding, String message) {
        Instant now = run.settings.clock().instant();
        Optional<Duration> eta = seeding.flatMap(SeedingState::estimatedCompletion)
                .map(end -> end.isAfter(now) ? Duration.between(now, end) : Duration.ZERO);
        events.emit(new LinkEvent.Progress(now, step, percent, seeding.map(SeedingState::transferredBytes),
                seeding.map(SeedingState::databaseSizeBytes), eta, message));
    }

    private static LinkExecutionException failure(AwaitSynchronization step, LinkErrorCode code, String armCode, String message, String fix) {
        return LinkExecutionException.armFailure(code, step.id(), step.side(), armCode, message, fix, null, null);
    }
}
