package dev.milink;

import dev.milink.plan.PlanAccess;
import dev.milink.step.Step;
import java.util.List;

/** Lends the planners in {@code dev.milink.plan} the package-private plan constructor and naming rules. */
final class PlanBridge implements PlanAccess.Bridge {

    @Override
    public LinkPlan plan(PlanKind kind, LinkSpec spec, List<Step> steps) {
        return new LinkPlan(kind, spec, steps);
    }

    @Override
    public String printable(String value) {
        return NameRules.printable(value);
    }

    @Override
    public String sqlIdentifier(String field, String value) {
        return NameRules.sqlIdentifier(field, value);
    }
}
