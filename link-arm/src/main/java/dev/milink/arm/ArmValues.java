package dev.milink.arm;

import dev.milink.FailoverType;
import dev.milink.LinkErrorCode;
import dev.milink.LinkException;
import dev.milink.LinkRole;
import dev.milink.ReplicationMode;
import dev.milink.SeedingMode;
import java.util.Optional;

/**
 * ARM's spellings of milink's values, both ways. The domain enums carry no wire words; this class owns them for
 * ARM. Reading is strict: ARM owns these values and may add new ones, and a value milink does not know must stop
 * the caller with a clear error rather than be mistaken for a default.
 */
public final class ArmValues {

    private ArmValues() {
    }

    /**
     * @param mode a replication mode
     * @return its ARM {@code replicationMode} value
     */
    public static String of(ReplicationMode mode) {
        return switch (mode) {
            case ASYNC -> "Async";
            case SYNC -> "Sync";
        };
    }

    /**
     * @param role a link role
     * @return its ARM value ({@code instanceLinkRole}, {@code instanceRole})
     */
    public static String of(LinkRole role) {
        return switch (role) {
            case PRIMARY -> "Primary";
            case SECONDARY -> "Secondary";
        };
    }

    /**
     * @param mode a seeding mode
     * @return its ARM {@code seedingMode} value
     */
    public static String of(SeedingMode mode) {
        return switch (mode) {
            case AUTOMATIC -> "Automatic";
            case MANUAL -> "Manual";
        };
    }

    /**
     * @param type a failover type
     * @return its ARM {@code failoverType} value
     */
    public static String of(FailoverType type) {
        return switch (type) {
            case PLANNED -> "Planned";
            case FORCED_ALLOW_DATA_LOSS -> "ForcedAllowDataLoss";
        };
    }

    /**
     * @param manualFailover whether the link allows failing back (two-way disaster recovery)
     * @return the ARM {@code failoverMode} value, {@code Manual} or {@code None}
     */
    public static String failoverMode(boolean manualFailover) {
        return manualFailover ? "Manual" : "None";
    }

    /**
     * @param forced whether data loss is allowed
     * @return the ARM {@code roleChangeType} value, {@code Forced} or {@code Planned}
     */
    public static String roleChangeType(boolean forced) {
        return forced ? "Forced" : "Planned";
    }

    /**
     * Reads {@code replicationMode}. ARM documents {@code Async} as the default, so an absent value is asynchronous.
     *
     * @param value the value ARM returned, or null when absent
     * @return the mode
     * @throws LinkException for a value milink does not know
     */
    public static ReplicationMode replicationMode(String value) {
        if (value == null) {
            return ReplicationMode.ASYNC;
        }
        for (ReplicationMode mode : ReplicationMode.values()) {
            if (of(mode).equalsIgnoreCase(value.trim())) {
                return mode;
            }
        }
        throw unknown("replicationMode", value, "Async, Sync");
    }

    /**
     * Reads a role ({@code instanceLinkRole}, {@code partnerLinkRole}).
     *
     * @param field the JSON property, for the error message
     * @param value the value ARM returned, or null when absent
     * @return the role; empty when absent
     * @throws LinkException for a value milink does not know
     */
    public static Optional<LinkRole> linkRole(String field, String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        for (LinkRole role : LinkRole.values()) {
            if (of(role).equalsIgnoreCase(value.trim())) {
                return Optional.of(role);
            }
        }
        throw unknown(field, value, "Primary, Secondary");
    }

    /**
     * Reads {@code failoverMode}. An absent value is {@code None}, ARM's default.
     *
     * @param value the value ARM returned, or null when absent
     * @return the canonical spelling, {@code Manual} or {@code None}
     * @throws LinkException for a value milink does not know
     */
    public static String failoverMode(String value) {
        if (value == null) {
            return failoverMode(false);
        }
        for (boolean manual : new boolean[] {true, false}) {
            if (failoverMode(manual).equalsIgnoreCase(value.trim())) {
                return failoverMode(manual);
            }
        }
        throw unknown("failoverMode", value, "Manual, None");
    }

    private static LinkException unknown(String field, String value, String known) {
        String shown = value.replaceAll("[^\\p{Print}]", "?");
        shown = shown.length() > 40 ? shown.substring(0, 40) + "..." : shown;
        return new LinkException(LinkErrorCode.ARM_ERROR, "ARM returned " + field + " '" + shown
                + "', which this milink version does not know (it knows " + known + ").",
                "upgrade milink to a version that knows this value, or check the link in the Azure portal");
    }
}
