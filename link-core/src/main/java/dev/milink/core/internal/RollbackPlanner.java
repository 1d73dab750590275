package dev.milink.core.internal;

import dev.milink.LinkPlan;
import dev.milink.plan.PlanAccess;
import dev.milink.PlanKind;
import dev.milink.core.Journal;
import dev.milink.core.JournalEntry;
import dev.milink.core.StepState;
import dev.milink.step.Step;
import dev.milink.step.StepId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Derives the rollback of a plan's run from its journal: for each step the run may have created, in reverse plan
 * order, the steps that undo it ({@link Compensation}). Pure: the result is an ordinary plan of kind
 * {@link PlanKind#ROLLBACK} that the runner executes like any other (journalled per step, converging) and
 * {@code TsqlScript.render} prints for review.
 */
public final class RollbackPlanner {

    /**
     * A rollback plan and what it deliberately leaves in place.
     *
     * @param plan the steps that undo the run, in the order they run
     * @param leftInPlace objects the run created that no step removes, with the reason
     * @param undoes the original steps the rollback closes, in reverse plan order
     */
    public record Derived(LinkPlan plan, List<String> leftInPlace, List<StepId> undoes) {

        /**
         * Copies the lists.
         *
         * @param plan the steps that undo the run
         * @param leftInPlace objects left in place, with the reason
         * @param undoes the original steps the rollback closes
         */
        public Derived {
            leftInPlace = List.copyOf(leftInPlace);
            undoes = List.copyOf(undoes);
        }
    }

    private RollbackPlanner() {
    }

    /**
     * @param plan the plan whose run is undone
     * @param journal that run's journal
     * @return the rollback
     */
    public static Derived derive(LinkPlan plan, Journal journal) {
        Optional<String> fqdn = plan.spec().managedInstance().fqdn().or(() -> Optional.ofNullable(journal.facts().get(Journal.FQDN)));
        Map<StepId, Step> steps = new LinkedHashMap<>();
        List<String> left = new ArrayList<>();
        List<StepId> undoes = new ArrayList<>();
        List<Step> reversed = new ArrayList<>(plan.steps());
        java.util.Collections.reverse(reversed);
        for (Step step : reversed) {
            Optional<JournalEntry> entry = journal.entry(step.id());
            if (entry.isEmpty() || !entry.get().mayHaveCreated() || entry.get().state() == StepState.ROLLED_BACK) {
                continue;
            }
            undoes.add(step.id());
            // The same object undone twice (one certificate for two reasons) is one step.
            Compensation.of(step, journal.produced(step.id()), fqdn, left).forEach(undo -> steps.putIfAbsent(undo.id(), undo));
        }
        return new Derived(PlanAccess.plan(PlanKind.ROLLBACK, plan.spec(), List.copyOf(steps.values())), left, undoes);
    }
}
