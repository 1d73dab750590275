package dev.milink.core.internal;

import dev.milink.LinkErrorCode;
import dev.milink.LinkException;
import dev.milink.LinkExecutionException;
import dev.milink.LinkPlan;
import dev.milink.core.Journal;
import dev.milink.core.JournalEntry;
import dev.milink.core.JournalStore;
import dev.milink.core.RollbackReport;
import dev.milink.core.StepState;
import dev.milink.event.LinkEvent;
import dev.milink.port.StepInputs;
import dev.milink.step.CreateAvailabilityGroup;
import dev.milink.step.CreateDistributedAvailabilityGroup;
import dev.milink.step.CreateEndpointCertificate;
import dev.milink.step.CreateManagedInstanceLink;
import dev.milink.step.CreateMasterKey;
import dev.milink.step.CreateMirroringEndpoint;
import dev.milink.step.DeleteManagedInstanceLink;
import dev.milink.step.DeleteTrustCertificate;
import dev.milink.step.DropAvailabilityGroup;
import dev.milink.step.DropCertificate;
import dev.milink.step.DropEndpoint;
import dev.milink.step.DropMasterKey;
import dev.milink.step.DropManagedInstanceCertificate;
import dev.milink.step.ImportAzureRootCertificates;
import dev.milink.step.ImportManagedInstanceCertificate;
import dev.milink.step.ManagedInstanceStep;
import dev.milink.step.SqlServerStep;
import dev.milink.step.Step;
import dev.milink.step.StepId;
import dev.milink.step.UploadTrustCertificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Undoes, in reverse plan order, what the journal says this run created. Objects that existed before the run
 * are never touched; user databases are never dropped (no compensation drops one).
 */
public final class Rollback {

    /** Journal fact: the root certificates a run imported (those absent before it). */
    public static final String CREATED_ROOTS = "created-root-certificates";

    private Rollback() {
    }

    /**
     * @param settings the configuration
     * @param plan the plan whose run is undone
     * @return what was undone and what was left
     */
    public static RollbackReport run(RunSettings settings, LinkPlan plan) {
        Events events = new Events(settings.listener());
        String key = Journal.keyOf(plan);
        Instant started = settings.clock().instant();
        try (JournalStore.Lock lock = settings.journal().lock(key, started, settings.breakStaleLock())) {
            Journal journal = settings.journal().load(key).filter(j -> j.planHash().equals(plan.hash()))
                    .orElseThrow(() -> new LinkException(LinkErrorCode.JOURNAL_CONFLICT, "No journal of plan " + plan.hash()
                            + " for " + key + ": nothing is known to have been created by it.", "roll back with the plan that ran"));
            Recorder recorder = new Recorder(settings.journal(), settings.clock(), journal);
            Resilient resilient = new Resilient(settings, events);
            events.emit(new LinkEvent.PlanStarted(started, plan, true));
            StepInputs inputs = StepInputs.of(settings.secrets());
            Optional<String> fqdn = plan.spec().managedInstance().fqdn().or(() -> Optional.ofNullable(journal.facts().get(Journal.FQDN)));
            if (fqdn.isPresent()) {
                inputs = inputs.withManagedInstanceFqdn(fqdn.get());
            }
            List<StepId> undone = new ArrayList<>();
            List<String> left = new ArrayList<>();
            Optional<LinkException> failure = Optional.empty();
            List<Step> reversed = new ArrayList<>(plan.steps());
            java.util.Collections.reverse(reversed);
            for (Step step : reversed) {
                JournalEntry entry = recorder.entry(step.id());
                if (!entry.mayHaveCreated() || entry.state() == StepState.ROLLED_BACK) {
                    continue;
                }
                List<Step> compensation = compensation(step, journal, fqdn, left);
                try {
                    for (Step undo : compensation) {
                        apply(settings, resilient, events, undo, inputs);
                        undone.add(undo.id());
                    }
                    recorder.put(entry.moveTo(StepState.ROLLED_BACK, settings.clock().instant(),
                            compensation.isEmpty() ? "nothing to undo or left in place" : "undone"));
                } catch (RuntimeException e) {
                    LinkExecutionException error = StepRunner.wrap(compensation.isEmpty() ? step : compensation.get(0), e);
                    events.emit(new LinkEvent.StepFailed(settings.clock().instant(), step, error));
                    failure = Optional.of(error);
                    break;
                }
            }
            if (failure.isEmpty()) {
                recorder.fact(Journal.OUTCOME, Journal.ROLLED_BACK);
            }
            events.emit(new LinkEvent.PlanFinished(settings.clock().instant(), plan, failure.isEmpty(),
                    Duration.between(started, settings.clock().instant())));
            return new RollbackReport(undone, left, failure);
        }
    }

    private static void apply(RunSettings settings, Resilient resilient, Events events, Step undo, StepInputs inputs) {
        Instant start = settings.clock().instant();
        events.emit(new LinkEvent.StepStarted(start, undo));
        String detail;
        if (undo instanceof SqlServerStep s) {
            detail = resilient.call(undo, false, () -> settings.sql().apply(s, inputs)).detail();
        } else {
            detail = resilient.call(undo, true, () -> settings.mi().apply((ManagedInstanceStep) undo, inputs)).detail();
        }
        events.emit(new LinkEvent.StepCompleted(settings.clock().instant(), undo, Duration.between(start, settings.clock().instant()), detail));
    }

    private static List<Step> compensation(Step step, Journal journal, Optional<String> fqdn, List<String> left) {
        if (step instanceof CreateManagedInstanceLink s) {
            left.add("database [" + s.target() + "] on the Managed Instance (if seeding created it): deleting the link leaves it, and milink never drops a database");
            return List.of(new DeleteManagedInstanceLink(s.linkName(), s.target()));
        } else if (step instanceof CreateDistributedAvailabilityGroup s) {
            return List.of(new DropAvailabilityGroup(s.name(), s.target(), true));
        } else if (step instanceof CreateAvailabilityGroup s) {
            return List.of(new DropAvailabilityGroup(s.name(), s.target(), false));
        } else if (step instanceof UploadTrustCertificate s) {
            return List.of(new DeleteTrustCertificate(s.certificateName()));
        } else if (step instanceof ImportManagedInstanceCertificate s) {
            return List.of(new DropManagedInstanceCertificate(s.fqdn().or(() -> fqdn)));
        } else if (step instanceof ImportAzureRootCertificates) {
            String names = journal.facts().getOrDefault(CREATED_ROOTS, "");
            return Arrays.stream(names.split(",")).filter(n -> !n.isBlank())
                    .<Step>map(n -> new DropCertificate(n, "rollback: imported by this run")).toList();
        } else if (step instanceof CreateEndpointCertificate s) {
            // Rollback runs in reverse, so an endpoint this run created is already gone when its certificate goes.
            return List.of(new DropCertificate(s.name(), "rollback: created by this run"));
        } else if (step instanceof CreateMirroringEndpoint s) {
            return List.of(new DropEndpoint(s.name(), "rollback: created by this run"));
        } else if (step instanceof CreateMasterKey) {
            return List.of(new DropMasterKey("rollback: created by this run"));
        }
        return List.of();
    }
}
