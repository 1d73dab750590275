package dev.milink.core.internal;

import dev.milink.LinkErrorCode;
import dev.milink.LinkExecutionException;
import dev.milink.event.LinkEvent;
import dev.milink.step.AwaitLsnAlignment;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Waits until SQL Server's and the Managed Instance's last hardened LSNs are equal and unchanged for the step's
 * {@code stableFor} (docs/LINK-FACTS.md section 7.1), measured with the injected clock. Each poll is one SQL Server observation and
 * one ARM read of the link; the wait is bounded by the runner's await timeout.
 */
final class LsnAligner {

    private final RunState run;
    private final Events events;

    LsnAligner(RunState run, Events events) {
        this.run = run;
        this.events = events;
    }

    String await(AwaitLsnAlignment step) {
        Instant deadline = run.settings.clock().instant().plus(run.settings.awaitTimeout());
        BigInteger stable = null;
        Instant since = null;
        while (true) {
            Optional<BigInteger> sql = run.resilient.call(step, false, () -> Sides.sql(run, step.linkName(), step.target())).lsn();
            Optional<BigInteger> mi = run.resilient.call(step, false, () -> Sides.mi(run, step.linkName(), step.target())).lsn();
            Instant now = run.settings.clock().instant();
            boolean equal = sql.isPresent() && sql.equals(mi);
            if (!equal) {
                stable = null;
                since = null;
            } else if (!sql.get().equals(stable)) {
                stable = sql.get();
                since = now;
            }
            Duration held = since == null ? Duration.ZERO : Duration.between(since, now);
            String lsns = "SQL Server " + Sides.lsn(sql) + ", Managed Instance " + Sides.lsn(mi) + ", gap " + gap(sql, mi);
            if (equal && held.compareTo(step.stableFor()) >= 0) {
                String done = "last hardened LSNs equal at " + stable + " and unchanged for " + held.toSeconds() + " s";
                progress(step, 100, done);
                return done;
            }
            int percent = !equal || step.stableFor().isZero() ? 0
                    : (int) Math.min(99, held.toMillis() * 100 / step.stableFor().toMillis());
            progress(step, percent, "last hardened LSNs: " + lsns + (equal ? "; equal for " + held.toSeconds() + " s" : ""));
            if (!now.isBefore(deadline)) {
                throw LinkExecutionException.of(LinkErrorCode.TIMEOUT, step.id(), step.side(),
                        "the last hardened LSNs of [" + step.target() + "] did not stay equal for " + step.stableFor().toSeconds()
                                + " s within " + run.settings.awaitTimeout() + "; last seen " + lsns,
                        "make sure the workload on the primary is stopped and the link is healthy, then run the plan again", null);
            }
            Duration wait = run.settings.pollInterval();
            if (equal) {
                Duration rest = step.stableFor().minus(held);
                wait = rest.compareTo(wait) < 0 ? rest : wait;
            }
            Duration left = Duration.between(now, deadline);
            run.resilient.sleep(step, wait.compareTo(left) < 0 ? wait : left);
        }
    }

    static String gap(Optional<BigInteger> a, Optional<BigInteger> b) {
        return a.isPresent() && b.isPresent() ? a.get().subtract(b.get()).abs().toString() : "unknown";
    }

    private void progress(AwaitLsnAlignment step, int percent, String message) {
        events.emit(new LinkEvent.Progress(run.settings.clock().instant(), step, percent, Optional.empty(), Optional.empty(),
                Optional.empty(), message));
    }
}
