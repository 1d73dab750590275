package dev.milink.jdbc.sim;

import dev.milink.LinkPlan;
import dev.milink.port.StepInputs;
import dev.milink.port.StepResult;
import dev.milink.step.SqlServerStep;
import java.util.List;

/** Helpers to run the SQL Server steps of a plan through the port. */
final class SimulatedSteps {

    private SimulatedSteps() {
    }

    static List<SqlServerStep> of(LinkPlan plan) {
        return plan.steps().stream().filter(SqlServerStep.class::isInstance).map(SqlServerStep.class::cast).toList();
    }

    static StepInputs applyAll(SimulatedSql env, LinkPlan plan) {
        StepInputs inputs = SimulatedSql.inputs();
        for (SqlServerStep step : of(plan)) {
            StepResult result = env.port.apply(step, inputs);
            if (result.produced().get(dev.milink.step.RunValue.SQL_SERVER_CERTIFICATE).isPresent()) {
                inputs = inputs.withSqlServerCertificate(result.produced().get(dev.milink.step.RunValue.SQL_SERVER_CERTIFICATE).get());
            }
        }
        return inputs;
    }
}
