package dev.milink.core.internal;

import dev.milink.DatabaseName;
import dev.milink.LinkErrorCode;
import dev.milink.LinkException;
import dev.milink.LinkExecutionException;
import dev.milink.LinkPlan;
import dev.milink.core.Journal;
import dev.milink.core.JournalStore;
import dev.milink.core.LinkOutcome;
import dev.milink.core.LinkRun;
import dev.milink.core.Preflight;
import dev.milink.core.PreflightReport;
import dev.milink.event.LinkEvent;
import dev.milink.state.SqlServerState;
import dev.milink.step.Step;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One run of a plan: lock, journal, one observation, checks, shared steps, then the links in parallel, then
 * shared steps that come after the links in the plan (a drop plan's trust removal).
 */
public final class Execution {

    private Execution() {
    }

    /**
     * @param settings the configuration
     * @param plan the plan
     * @return the run's result
     */
    public static LinkRun run(RunSettings settings, LinkPlan plan) {
        Instant started = settings.clock().instant();
        if (plan.steps().isEmpty()) {
            throw new LinkException(LinkErrorCode.INVALID_INPUT, "The plan has no steps.", "plan at least one link");
        }
        Events events = new Events(settings.listener());
        String key = Journal.keyOf(plan);
        try (JournalStore.Lock lock = settings.journal().lock(key, started, settings.breakStaleLock())) {
            Optional<Journal> existing = settings.journal().load(key);
            boolean sameHash = existing.filter(j -> j.planHash().equals(plan.hash())).isPresent();
            if (existing.isPresent() && !sameHash && !existing.get().complete()) {
                throw new LinkException(LinkErrorCode.JOURNAL_CONFLICT, "An unfinished journal for " + key + " belongs to plan "
                        + existing.get().planHash() + " (" + existing.get().kind() + "), not " + plan.hash() + ".",
                        "resume or roll back that plan first, or delete its journal if you are sure nothing is half done");
            }
            // A rolled-back journal describes nothing that exists any more: start afresh rather than inherit it.
            boolean continuing = sameHash && !Journal.ROLLED_BACK.equals(existing.get().facts().get(Journal.OUTCOME))
                    // A finished failover, repair or rotation may legitimately run again later (fail over, fail back,
                    // fail over): it starts afresh and its gates decide, instead of being skipped as already done.
                    && !(existing.get().complete() && repeatable(plan));
            boolean resumed = continuing && !existing.get().complete();
            Journal journal = continuing ? existing.get() : Journal.start(plan, started);
            Recorder recorder = new Recorder(settings.journal(), settings.clock(), journal);
            events.emit(new LinkEvent.PlanStarted(started, plan, resumed));
            Resilient resilient = new Resilient(settings, events);
            Step first = plan.steps().get(0);
            SqlServerState sql;
            try {
                sql = resilient.call(first, false, () -> settings.sql().observe(Preflight.databasesOf(plan)));
            } catch (LinkException e) {
                // SQL Server could not be read beyond the retries: nothing ran; reported in the run, not thrown.
                LinkExecutionException error = StepRunner.wrap(first, e);
                events.emit(new LinkEvent.StepFailed(settings.clock().instant(), first, error));
                Map<DatabaseName, LinkOutcome> skipped = new LinkedHashMap<>();
                Preflight.databasesOf(plan).forEach(db -> skipped.put(db,
                        new LinkOutcome(db, LinkOutcome.Status.SKIPPED, Optional.of(error))));
                LinkRun result = new LinkRun(plan, resumed, skipped, 0, 0, Duration.between(started, settings.clock().instant()),
                        Map.of(), Optional.of(error), Optional.empty());
                events.emit(new LinkEvent.PlanFinished(settings.clock().instant(), plan, false, result.took()));
                return result;
            }
            boolean rerun = existing.isPresent() || Reruns.indicated(plan, sql);
            RunState state = new RunState(settings, resilient, plan, recorder, rerun, sql);
            LinkRun result = new Execution.Flow(state, events, started).run(resumed);
            events.emit(new LinkEvent.PlanFinished(settings.clock().instant(), plan, result.succeeded(), result.took()));
            return result;
        }
    }

    private static boolean repeatable(LinkPlan plan) {
        return plan.kind() != dev.milink.PlanKind.CREATE && plan.kind() != dev.milink.PlanKind.DROP;
    }

    /** The steps of one run, grouped: checks, shared steps before the links, per-link steps, shared steps after. */
    private static final class Flow {
        private final RunState state;
        private final Events events;
        private final Instant started;
        private final StepRunner runner;
        private final Map<DatabaseName, LinkException> failed = new ConcurrentHashMap<>();

        Flow(RunState state, Events events, Instant started) {
            this.state = state;
            this.events = events;
            this.started = started;
            this.runner = new StepRunner(state, events);
        }

        LinkRun run(boolean resumed) {
            LinkPlan plan = state.plan;
            List<Step> before = new ArrayList<>();
            List<Step> after = new ArrayList<>();
            Map<DatabaseName, List<Step>> perLink = new LinkedHashMap<>();
            Preflight.databasesOf(plan).forEach(db -> perLink.put(db, new ArrayList<>()));
            java.util.Set<Step> checkSteps = java.util.Set.copyOf(Preflight.checksOf(plan));
            for (Step step : plan.steps()) {
                if (checkSteps.contains(step)) {
                    continue;
                }
                step.database().ifPresentOrElse(db -> perLink.get(db).add(step),
                        () -> (perLink.values().stream().allMatch(List::isEmpty) ? before : after).add(step));
            }
            Checks checks = new Checks(state, events);
            Optional<PreflightReport> report;
            LinkException shared;
            try {
                report = Preflight.checksOf(plan).isEmpty() ? Optional.empty() : Optional.of(checks.evaluate(failed));
                shared = checks.serverFailure();
            } catch (LinkException e) {
                // A read the checks need failed beyond its retries (ARM throttling, SQL Server unreachable): reported
                // in the run like any step failure, naming the first check, rather than thrown out of run().
                Step first = Preflight.checksOf(plan).get(0);
                LinkExecutionException error = StepRunner.wrap(first, e);
                events.emit(new LinkEvent.StepFailed(state.settings.clock().instant(), first, error));
                report = Optional.empty();
                shared = error;
            }
            boolean anyLinkLeft = perLink.keySet().stream().anyMatch(db -> !failed.containsKey(db));
            if (shared == null && anyLinkLeft) {
                shared = runShared(before);
            }
            if (shared == null) {
                new Fanout(state.settings.parallelism()).run(perLink, failed, this::runLink);
                if (failed.isEmpty()) {
                    shared = runShared(after);
                }
            }
            return result(plan, resumed, perLink.keySet(), shared, report);
        }

        private LinkException runShared(List<Step> steps) {
            for (Step step : steps) {
                try {
                    runner.execute(step);
                } catch (LinkExecutionException e) {
                    return e;
                }
            }
            return null;
        }

        private void runLink(DatabaseName db, List<Step> steps) {
            for (Step step : steps) {
                try {
                    runner.execute(step);
                } catch (LinkExecutionException e) {
                    failed.put(db, e);
                    return;
                }
            }
        }

        private LinkRun result(LinkPlan plan, boolean resumed, java.util.Set<DatabaseName> dbs, LinkException shared,
                Optional<PreflightReport> report) {
            Map<DatabaseName, LinkOutcome> outcomes = new LinkedHashMap<>();
            for (DatabaseName db : dbs) {
                LinkException error = failed.get(db);
                LinkOutcome outcome = error != null ? new LinkOutcome(db, LinkOutcome.Status.FAILED, Optional.of(error))
                        : shared != null ? new LinkOutcome(db, LinkOutcome.Status.SKIPPED, Optional.of(shared))
                        : new LinkOutcome(db, LinkOutcome.Status.SUCCEEDED, Optional.empty());
                outcomes.put(db, outcome);
            }
            Optional<LinkException> failure = Optional.ofNullable(shared)
                    .or(() -> dbs.stream().map(failed::get).filter(e -> e != null).findFirst());
            Duration took = Duration.between(started, state.settings.clock().instant());
            return new LinkRun(plan, resumed, outcomes, runner.applied.get(), runner.skipped.get(), took,
                    runner.durations, failure, report, List.copyOf(state.notes));
        }
    }
}
