package dev.milink.tsql;

import static dev.milink.tsql.TsqlQuoting.commentText;
import static dev.milink.tsql.TsqlQuoting.literal;

import dev.milink.LinkPlan;
import dev.milink.LinkSpec;
import dev.milink.port.StepInputs;
import dev.milink.step.AwaitLsnAlignment;
import dev.milink.step.AwaitSynchronization;
import dev.milink.step.CheckStep;
import dev.milink.step.CreateMasterKey;
import dev.milink.step.ManagedInstanceStep;
import dev.milink.step.SqlServerStep;
import dev.milink.step.Step;
import dev.milink.step.VerifyPrerequisite;
import dev.milink.tsql.internal.Bindings;
import dev.milink.tsql.internal.ScriptSections;
import dev.milink.tsql.internal.SqlStatements;
import java.util.List;
import java.util.Objects;

/**
 * Renders plans as T-SQL. {@link #render(LinkPlan)} gives a complete SQLCMD-mode runbook a DBA can review
 * and run by hand; {@link #statements(SqlServerStep, StepInputs)} gives exactly the batches the JDBC
 * adapter executes for one step, so what is reviewed is what runs.
 *
 * <p>Every identifier goes through {@link TsqlQuoting#identifier} and every literal through
 * {@link TsqlQuoting#literal}; secrets appear only as the SQLCMD variable {@code $(MasterKeyPassword)} in
 * scripts and as {@code ********} in {@link #displayStatements}.
 */
public final class TsqlScript {

    private TsqlScript() {
    }

    /**
     * Renders the whole plan as a SQLCMD script: a header saying what it does and how to run it,
     * {@code :on error exit}, {@code :setvar} lines for values not known at plan time, one section per
     * step with {@code GO} between batches, and Azure steps as commented {@code az} and REST commands.
     *
     * @param plan the plan
     * @return the script text (LF line endings)
     */
    public static String render(LinkPlan plan) {
        Objects.requireNonNull(plan, "plan");
        LinkSpec spec = plan.spec();
        StringBuilder out = new StringBuilder();
        ScriptSections.header(plan, out);
        ScriptSections.variables(plan, out);
        List<Step> steps = plan.steps();
        for (int i = 0; i < steps.size(); i++) {
            Step step = steps.get(i);
            int number = i + 1;
            out.append('\n').append("-- Step ").append(number).append(" [").append(step.side().displayName()).append("] ")
                    .append(commentText(step.summary())).append('\n')
                    .append("-- why: ").append(commentText(step.reason())).append('\n');
            step.accept(new Section(number, spec, out));
        }
        out.append("\nPRINT N'milink: all SQL Server steps of plan ").append(plan.hash()).append(" ran.';\nGO\n");
        return out.toString();
    }

    /** Writes one step's body; a new family or check kind does not compile until the script shows it. */
    private record Section(int number, LinkSpec spec, StringBuilder out) implements Step.Visitor<Void>, CheckStep.Visitor<Void> {

        @Override
        public Void sqlServer(SqlServerStep step) {
            for (String batch : SqlStatements.of(step, Bindings.script())) {
                out.append(batch).append("\nGO\n");
            }
            return null;
        }

        @Override
        public Void managedInstance(ManagedInstanceStep step) {
            ScriptSections.armStep(number, step, spec, out);
            return null;
        }

        @Override
        public Void check(CheckStep step) {
            return step.accept((CheckStep.Visitor<Void>) this);
        }

        @Override
        public Void visit(VerifyPrerequisite step) {
            ScriptSections.check(step, spec, out);
            return null;
        }

        @Override
        public Void visit(AwaitSynchronization step) {
            out.append("-- Watch until synchronization_state_desc is SYNCHRONIZING or SYNCHRONIZED (seeding can take hours):\n");
            for (String batch : SqlStatements.progressQuery(step)) {
                out.append(batch).append("\nGO\n");
            }
            return null;
        }

        @Override
        public Void visit(AwaitLsnAlignment step) {
            out.append("-- Compare last_hardened_lsn here with the Managed Instance's until they are equal and stable for ")
                    .append(step.stableFor().toSeconds()).append(" s.\n")
                    .append("SELECT database_id, last_hardened_lsn FROM sys.dm_hadr_database_replica_states WHERE database_id = DB_ID(")
                    .append(literal(step.target().value())).append(");\nGO\n");
            return null;
        }
    }

    /**
     * The statements of one SQL Server step as the script shows them, with SQLCMD variables for values
     * learned at run time.
     *
     * @param step the step
     * @return its batches
     */
    public static List<String> statements(SqlServerStep step) {
        return SqlStatements.of(Objects.requireNonNull(step, "step"), Bindings.script());
    }

    /**
     * The statements of one SQL Server step with every run-time value filled in: exactly what the JDBC
     * adapter executes. Contains the master key password for {@link CreateMasterKey}: never log it, show
     * {@link #displayStatements} instead.
     *
     * @param step the step
     * @param inputs the values learned so far in the run
     * @return its batches
     */
    public static List<String> statements(SqlServerStep step, StepInputs inputs) {
        return SqlStatements.of(Objects.requireNonNull(step, "step"), Bindings.of(inputs, false));
    }

    /**
     * The same as {@link #statements(SqlServerStep, StepInputs)} with secrets replaced by {@code ********}:
     * safe for logs and error messages.
     *
     * @param step the step
     * @param inputs the values learned so far in the run
     * @return its batches, masked
     */
    public static List<String> displayStatements(SqlServerStep step, StepInputs inputs) {
        return SqlStatements.of(Objects.requireNonNull(step, "step"), Bindings.of(inputs, true));
    }
}
