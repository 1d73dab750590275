package dev.milink.plan;

import dev.milink.LinkPlan;
import dev.milink.LinkSpec;
import dev.milink.PlanKind;
import dev.milink.step.Step;
import java.util.List;
import java.util.Objects;

/**
 * The planners' one door back into the root package: {@link LinkPlan}'s constructor and the naming rules are
 * package-private in {@code dev.milink}, so that only a planner can build a plan (a caller cannot forge a
 * {@code CREATE} plan holding a {@code DropMasterKey}). {@code LinkPlan} installs the implementation when it is
 * initialised. This package is not exported: any planner here (create, drop, lifecycle, and later a rollback
 * planner) builds its plans through {@link #plan}.
 */
public final class PlanAccess {

    /** What the root package lends the planners; implemented there. */
    public interface Bridge {
        /**
         * @param kind what the plan does
         * @param spec the definition it was derived from
         * @param steps the ordered steps
         * @return the plan
         */
        LinkPlan plan(PlanKind kind, LinkSpec spec, List<Step> steps);

        /**
         * @param value any text
         * @return the value quoted and safe to print in a message
         */
        String printable(String value);

        /**
         * @param field the option's name, for the message
         * @param value the value
         * @return the value when it is a valid SQL Server identifier
         */
        String sqlIdentifier(String field, String value);
    }

    private static volatile Bridge bridge;

    private PlanAccess() {
    }

    /**
     * Called once, by {@code LinkPlan}'s static initialiser.
     *
     * @param implementation the root package's bridge
     */
    public static void install(Bridge implementation) {
        synchronized (PlanAccess.class) {
            if (bridge != null) {
                throw new IllegalStateException("the plan bridge is installed once, by LinkPlan");
            }
            bridge = Objects.requireNonNull(implementation, "implementation");
        }
    }

    /**
     * @param kind what the plan does
     * @param spec the definition it was derived from
     * @param steps the ordered steps
     * @return the plan
     */
    public static LinkPlan plan(PlanKind kind, LinkSpec spec, List<Step> steps) {
        return bridge().plan(kind, spec, steps);
    }

    static String printable(String value) {
        return bridge().printable(value);
    }

    static String sqlIdentifier(String field, String value) {
        return bridge().sqlIdentifier(field, value);
    }

    private static Bridge bridge() {
        Bridge installed = bridge;
        if (installed == null) {
            try {
                // Initialising LinkPlan runs its static initialiser, which installs the bridge.
                Class.forName(LinkPlan.class.getName(), true, LinkPlan.class.getClassLoader());
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException("LinkPlan is in this module", e);
            }
            installed = bridge;
        }
        return installed;
    }
}
