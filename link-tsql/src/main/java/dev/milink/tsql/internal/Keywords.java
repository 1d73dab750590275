package dev.milink.tsql.internal;

import dev.milink.ReplicationMode;
import dev.milink.SeedingMode;

/** T-SQL's spellings of milink's values. The domain enums carry no wire words: the renderer owns them. */
final class Keywords {

    private Keywords() {
    }

    /** @return the {@code AVAILABILITY_MODE} keyword */
    static String of(ReplicationMode mode) {
        return switch (mode) {
            case ASYNC -> "ASYNCHRONOUS_COMMIT";
            case SYNC -> "SYNCHRONOUS_COMMIT";
        };
    }

    /** @return the {@code SEEDING_MODE} keyword */
    static String of(SeedingMode mode) {
        return switch (mode) {
            case AUTOMATIC -> "AUTOMATIC";
            case MANUAL -> "MANUAL";
        };
    }
}
