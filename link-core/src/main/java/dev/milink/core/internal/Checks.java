package dev.milink.core.internal;

import dev.milink.DatabaseName;
import dev.milink.LinkErrorCode;
import dev.milink.LinkException;
import dev.milink.LinkExecutionException;
import dev.milink.core.CheckResult;
import dev.milink.core.CheckStatus;
import dev.milink.core.JournalEntry;
import dev.milink.core.Preflight;
import dev.milink.core.PreflightReport;
import dev.milink.core.StepState;
import dev.milink.event.LinkEvent;
import dev.milink.state.InstanceFacts;
import dev.milink.state.LinkResourceState;
import dev.milink.step.Prerequisite;
import dev.milink.step.Side;
import dev.milink.step.VerifyPrerequisite;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The plan's checks inside a run: evaluated by {@link Preflight#evaluate} from the run's own observation plus at
 * most one read each of the instance, its databases and (on a rerun) its links. A failed server-level check
 * stops the run before any change; a failed per-database check fails only that link.
 */
final class Checks {

    private final RunState state;
    private final Events events;
    private LinkException serverFailure;

    Checks(RunState state, Events events) {
        this.state = state;
        this.events = events;
    }

    PreflightReport evaluate(Map<DatabaseName, LinkException> failed) {
        List<VerifyPrerequisite> checks = Preflight.checksOf(state.plan);
        VerifyPrerequisite first = checks.get(0);
        InstanceFacts facts = checks.stream().anyMatch(c -> c.prerequisite().side() != Side.SQL_SERVER) ? state.instance(first) : null;
        List<String> miDatabases = checks.stream().anyMatch(c -> Preflight.needsDatabaseNames(c.prerequisite()))
                ? state.miDatabases(first) : List.of();
        // Links are listed only when a check needs them: always for the drop gate, for the name check only on a rerun.
        boolean needLinks = checks.stream().anyMatch(c -> Preflight.readsLinks(c.prerequisite())
                || state.rerun && c.prerequisite() == Prerequisite.LINK_NAME_FREE);
        Optional<List<LinkResourceState>> links = needLinks ? Optional.of(state.miLinks(first)) : Optional.empty();
        PreflightReport report = Preflight.evaluate(state.plan, state.sql(), facts, miDatabases, links, state.settings.probe(),
                state.settings.maxFailoverLag());
        boolean started = startedChanging();
        for (VerifyPrerequisite check : checks) {
            CheckResult result = report.result(check.prerequisite(), check.target()).orElseThrow();
            if (started && Preflight.isGate(state.plan, check.prerequisite()) && result.status() == CheckStatus.FAILED) {
                // The gates guard the start: once a step of this plan has run, the roles and LSNs have moved on purpose.
                result = new CheckResult(result.prerequisite(), result.database(), CheckStatus.PASSED,
                        "passed before this plan's first change (journal); now " + result.observed(), result.rule(), result.fix());
            }
            record(check, result, failed);
        }
        return report;
    }

    private boolean startedChanging() {
        return state.plan.steps().stream().filter(s -> !(s instanceof dev.milink.step.CheckStep))
                .map(s -> state.recorder.entry(s.id()).state())
                .anyMatch(st -> st == StepState.DONE || st == StepState.RUNNING || st == StepState.FAILED);
    }

    LinkException serverFailure() {
        return serverFailure;
    }

    private void record(VerifyPrerequisite check, CheckResult result, Map<DatabaseName, LinkException> failed) {
        Instant now = state.settings.clock().instant();
        JournalEntry entry = state.recorder.entry(check.id());
        if (result.status() == CheckStatus.FAILED) {
            boolean gate = Preflight.isGate(state.plan, check.prerequisite());
            LinkExecutionException error = LinkExecutionException.of(gate ? LinkErrorCode.GATE_REFUSED : LinkErrorCode.PREFLIGHT_FAILED,
                    check.id(), check.side(), (gate ? "gate " + check.prerequisite() + " refused: " : "")
                    + result.rule() + "; observed: " + result.observed(), result.fix(), null);
            state.recorder.put(entry.moveTo(StepState.FAILED, now, result.observed()));
            events.emit(new LinkEvent.StepFailed(now, check, error));
            if (gate && serverFailure == null) {
                // A refused gate stops the whole plan before any change: a failover or drop is all or nothing.
                serverFailure = error;
            }
            if (check.target().isPresent()) {
                failed.putIfAbsent(check.target().get(), error);
            } else if (serverFailure == null) {
                serverFailure = error;
            }
            return;
        }
        if (result.status() == CheckStatus.WARNING) {
            events.emit(new LinkEvent.Warning(now, check, result.observed() + " (" + result.fix() + ")"));
        }
        state.recorder.put(entry.moveTo(StepState.DONE, now, result.status() + ": " + result.observed()));
        events.emit(new LinkEvent.StepCompleted(now, check, Duration.ZERO, result.status() + ": " + result.observed()));
    }
}
