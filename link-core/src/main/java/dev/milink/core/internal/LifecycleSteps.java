package dev.milink.core.internal;

import dev.milink.DatabaseName;
import dev.milink.LinkErrorCode;
import dev.milink.LinkException;
import dev.milink.LinkExecutionException;
import dev.milink.LinkRole;
import dev.milink.core.StepState;
import dev.milink.event.LinkEvent;
import dev.milink.port.StepResult;
import dev.milink.state.SeedingState;
import dev.milink.state.SqlServerState;
import dev.milink.step.AwaitSynchronization;
import dev.milink.step.BackupLog;
import dev.milink.step.Side;
import dev.milink.step.Step;
import dev.milink.step.StepQuery;
import dev.milink.step.SwitchEndpointCertificate;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The steps after creation whose effect must be checked around the port call: role switches (failover, demotion,
 * setRole) re-read both sides before every attempt so a retried or resumed switch never swaps twice, and verify
 * the roles afterwards; a forced failover first reports what may be lost; the endpoint certificate switch is
 * verified; the first log backup refuses to run while the database is still seeding.
 */
final class LifecycleSteps {

    private final RunState run;
    private final Events events;

    LifecycleSteps(RunState run, Events events) {
        this.run = run;
        this.events = events;
    }

    StepResult backupLog(BackupLog step) {
        refuseWhileSeeding(step);
        return run.resilient.call(step, false, () -> run.settings.sql().apply(step, run.inputs()));
    }

    /**
     * @param step a role-changing step
     * @param change what it must leave behind
     * @param portCall the one port call that makes the switch
     * @return what the switch did
     */
    StepResult switchRoles(Step step, RoleChange change, Supplier<StepResult> portCall) {
        String loss = change.forced() ? reportPossibleLoss(step, change) : "";
        StepResult result = run.resilient.call(step, step.side() == Side.MANAGED_INSTANCE, () -> {
            Optional<String> already = change.reached(readSql(step, change), readMi(step, change));
            return already.isPresent() ? StepResult.unchanged(already.get()) : portCall.get();
        });
        verify(step, change);
        return loss.isEmpty() ? result : result.withNote(loss);
    }

    private Optional<Sides.SqlSide> readSql(Step step, RoleChange change) {
        return change.readsSql() ? Optional.of(Sides.sql(run, change.linkName(), db(step))) : Optional.empty();
    }

    private Optional<Sides.MiSide> readMi(Step step, RoleChange change) {
        return change.readsMi() ? Optional.of(Sides.mi(run, change.linkName(), db(step))) : Optional.empty();
    }

    private void verify(Step step, RoleChange change) {
        Optional<Sides.SqlSide> sql = run.resilient.call(step, false, () -> readSql(step, change));
        Optional<Sides.MiSide> mi = run.resilient.call(step, false, () -> readMi(step, change));
        if (change.reached(sql, mi).isEmpty()) {
            throw LinkExecutionException.of(LinkErrorCode.STATE_CONFLICT, step.id(), step.side(),
                    "the roles did not switch as expected: " + change.expectation() + ", but " + RoleChange.describe(sql, mi),
                    "read both sides with 'milink status'; nothing else is changed until the roles are understood", null);
        }
        if (change.forced()) {
            warnSplitBrain(step, change);
        }
    }

    /** After a forced failover the old primary, when reachable, usually still claims the primary role. */
    private void warnSplitBrain(Step step, RoleChange change) {
        try {
            Optional<LinkRole> other = change.target() == RoleChange.Target.MANAGED_INSTANCE
                    ? Sides.sql(run, change.linkName(), db(step)).role() : Sides.mi(run, change.linkName(), db(step)).role();
            if (other.equals(Optional.of(LinkRole.PRIMARY))) {
                warn(step, "both sides are now PRIMARY (split brain): stop writes on the old primary and repair with "
                        + "planSplitBrainRepair(...) before failing back");
            }
        } catch (LinkException e) {
            warn(step, "the old primary could not be read after the forced failover (" + e.getMessage()
                    + "); when it comes back it may still be PRIMARY: check for a split brain");
        }
    }

    private String reportPossibleLoss(Step step, RoleChange change) {
        DatabaseName db = db(step);
        String sqlRead;
        String miRead;
        Optional<java.math.BigInteger> sqlLsn = Optional.empty();
        Optional<java.math.BigInteger> miLsn = Optional.empty();
        try {
            sqlLsn = Sides.sql(run, change.linkName(), db).lsn();
            sqlRead = "SQL Server " + Sides.lsn(sqlLsn);
        } catch (LinkException e) {
            sqlRead = "SQL Server unreadable (" + e.getMessage() + ")";
        }
        try {
            miLsn = Sides.mi(run, change.linkName(), db).lsn();
            miRead = "Managed Instance " + Sides.lsn(miLsn);
        } catch (LinkException e) {
            miRead = "Managed Instance unreadable (" + e.getMessage() + ")";
        }
        boolean toMi = change.target() == RoleChange.Target.MANAGED_INSTANCE;
        Optional<java.math.BigInteger> oldPrimary = toMi ? sqlLsn : miLsn;
        Optional<java.math.BigInteger> newPrimary = toMi ? miLsn : sqlLsn;
        String message;
        if (oldPrimary.isPresent() && newPrimary.isPresent()) {
            java.math.BigInteger gap = oldPrimary.get().subtract(newPrimary.get());
            message = gap.signum() <= 0 ? "forced failover of [" + db + "]: no LSN gap (" + sqlRead + ", " + miRead
                    + "), nothing hardened on the old primary is missing on the new one"
                    : "forced failover of [" + db + "] may lose data: up to " + gap + " log blocks, the LSN gap between "
                    + newPrimary.get() + " (new primary's last hardened LSN) and " + oldPrimary.get() + " (old primary's)";
        } else {
            message = "forced failover of [" + db + "] may lose data: the LSN gap is unknown (" + sqlRead + ", " + miRead
                    + "); everything after the new primary's last hardened LSN may be lost";
        }
        warn(step, message);
        run.recorder.fact("possible-data-loss:" + db.value(), message);
        run.notes.add(message);
        return message;
    }

    StepResult switchCertificate(SwitchEndpointCertificate step) {
        StepResult result = run.resilient.call(step, false, () -> run.settings.sql().apply(step, run.inputs()));
        SqlServerState after = run.resilient.call(step, false, () -> run.settings.sql().observe(List.of()));
        String now = after.mirroringEndpoint().map(e -> e.certificateName()).orElse("none (no endpoint)");
        if (!step.certificateName().equalsIgnoreCase(now)) {
            throw LinkExecutionException.of(LinkErrorCode.STATE_CONFLICT, step.id(), step.side(),
                    "endpoint [" + step.endpointName() + "] still uses certificate [" + now + "], not [" + step.certificateName() + "]",
                    "ALTER ENDPOINT by hand and check the certificate has its private key; the old certificate is kept", null);
        }
        return result;
    }

    private void refuseWhileSeeding(BackupLog step) {
        String db = step.target().value();
        boolean awaited = run.plan.steps().stream().filter(AWAIT_SYNCHRONIZATION::ask)
                .anyMatch(s -> s.database().equals(step.database()) && run.recorder.entry(s.id()).state() == StepState.DONE);
        if (awaited) {
            return; // this run (or its journal) saw the database synchronizing: seeding is over
        }
        SqlServerState now = run.resilient.call(step, false, () -> run.settings.sql().observe(List.of(step.target())));
        Optional<SeedingState> seeding = now.seeding(db).filter(s -> !s.failed() && !"COMPLETED".equalsIgnoreCase(s.currentState()));
        if (seeding.isPresent()) {
            throw LinkExecutionException.of(LinkErrorCode.GATE_REFUSED, step.id(), step.side(),
                    "log backup refused: [" + db + "] is still seeding (" + seeding.get().percent() + "% transferred); a log "
                            + "backup now truncates the log the seeding needs and breaks the link (errors 1408/1412)",
                    "pause the log backup jobs for this database and run the plan again once seeding has finished", null);
        }
    }

    private static final StepQuery<Boolean> AWAIT_SYNCHRONIZATION = new StepQuery<>() {
        @Override
        protected Boolean otherwise(Step step) {
            return false;
        }

        @Override
        public Boolean visit(AwaitSynchronization step) {
            return true;
        }
    };

    private void warn(Step step, String message) {
        events.emit(new LinkEvent.Warning(run.settings.clock().instant(), step, message));
    }

    private static DatabaseName db(Step step) {
        return step.database().orElseThrow();
    }
}
