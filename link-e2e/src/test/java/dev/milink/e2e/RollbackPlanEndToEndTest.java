package dev.milink.e2e;

import static dev.milink.e2e.Worlds.DB;
import static org.assertj.core.api.Assertions.assertThat;

import dev.milink.LinkPlan;
import dev.milink.PlanKind;
import dev.milink.core.Journal;
import dev.milink.core.JournalEntry;
import dev.milink.core.JournalStore;
import dev.milink.core.LinkRunner;
import dev.milink.core.RollbackReport;
import dev.milink.core.StepState;
import dev.milink.demo.SimulatedEnvironment;
import dev.milink.step.Step;
import dev.milink.tsql.TsqlScript;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Rollback is a plan like any other: derived from the journal, printable as a script for review, and run through the
 * same executor (journalled per step, converging), over the real adapters and the simulated world.
 */
@Timeout(120)
class RollbackPlanEndToEndTest {

    private SimulatedEnvironment env;

    @AfterEach
    void stop() {
        if (env != null) {
            env.close();
        }
    }

    @Test
    void theReviewedRollbackIsTheOneThatRunsAndEachOfItsStepsIsJournalled() {
        env = Worlds.sqlPrimary();
        JournalStore journals = JournalStore.inMemory();
        LinkRunner runner = env.runner().journal(journals);
        LinkPlan create = env.linkFromSqlServer(DB).plan();
        runner.run(create).orThrow();

        LinkPlan rollback = runner.planRollback(create);
        assertThat(rollback.kind()).isEqualTo(PlanKind.ROLLBACK);
        String script = TsqlScript.render(rollback);
        assertThat(script).contains("DROP AVAILABILITY GROUP").contains("REST: DELETE https://management.azure.com")
                .contains("/distributedAvailabilityGroups/").contains(rollback.hash());

        RollbackReport report = runner.rollback(create);

        assertThat(report.succeeded()).as(String.valueOf(report.failure())).isTrue();
        assertThat(report.undone()).containsExactlyElementsOf(rollback.steps().stream().map(Step::id).toList());
        Journal steps = journals.load(Journal.keyOf(rollback)).orElseThrow();
        assertThat(steps.planHash()).isEqualTo(rollback.hash());
        assertThat(steps.entries()).extracting(JournalEntry::state).containsOnly(StepState.DONE);
        Journal undone = journals.load(Journal.keyOf(create)).orElseThrow();
        assertThat(undone.facts()).containsEntry(Journal.OUTCOME, Journal.ROLLED_BACK);
        assertThat(env.world().arm().links()).isEmpty();

        // Rolled back already: there is nothing left to undo, and asking again changes nothing.
        assertThat(runner.planRollback(create).steps()).isEmpty();
        assertThat(runner.rollback(create).undone()).isEmpty();
    }
}
