package dev.milink.step;

import dev.milink.FailoverType;
import dev.milink.LinkRole;
import dev.milink.ReplicationMode;

/**
 * The words step summaries use for values. Summaries are for people; the adapters own the wire spellings
 * ({@code ArmValues}, the renderer's {@code Keywords}), and these words stay put when a wire spelling changes.
 */
final class StepText {

    private StepText() {
    }

    static String of(LinkRole role) {
        return role == LinkRole.PRIMARY ? "Primary" : "Secondary";
    }

    static String of(FailoverType type) {
        return type == FailoverType.PLANNED ? "Planned" : "ForcedAllowDataLoss";
    }

    static String arm(ReplicationMode mode) {
        return mode == ReplicationMode.SYNC ? "Sync" : "Async";
    }

    static String tsql(ReplicationMode mode) {
        return mode == ReplicationMode.SYNC ? "SYNCHRONOUS_COMMIT" : "ASYNCHRONOUS_COMMIT";
    }
}
