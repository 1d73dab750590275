package dev.milink;

import java.time.Duration;
import java.util.Objects;

/**
 * The safety switches of a failover plan. Every switch defaults to the safe value; a planned failover
 * needs the caller to confirm the workload is stopped, a forced one to acknowledge data loss.
 *
 * @param type planned or forced
 * @param target the side that becomes primary
 * @param workloadStopped the caller confirms that applications no longer write to the primary
 * @param dataLossAcknowledged the caller accepts losing transactions the secondary has not received (forced only)
 * @param endOfLinkAcknowledged the caller accepts that the failover ends the link (SQL Server 2016-2019)
 * @param lsnStableFor how long the last hardened LSNs must stay equal before a planned failover
 */
public record FailoverOptions(FailoverType type, InitialPrimary target, boolean workloadStopped,
        boolean dataLossAcknowledged, boolean endOfLinkAcknowledged, Duration lsnStableFor) {

    /**
     * Checks the components.
     *
     * @param type planned or forced
     * @param target the side that becomes primary
     * @param workloadStopped the caller confirms that applications no longer write to the primary
     * @param dataLossAcknowledged the caller accepts losing transactions the secondary has not received (forced only)
     * @param endOfLinkAcknowledged the caller accepts that the failover ends the link (SQL Server 2016-2019)
     * @param lsnStableFor how long the last hardened LSNs must stay equal before a planned failover
     */
    public FailoverOptions {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(lsnStableFor, "lsnStableFor");
        if (lsnStableFor.isNegative()) {
            throw new LinkPlanningException("lsnStableFor", lsnStableFor.toString(), "the wait cannot be negative",
                    "use a duration such as 10 seconds");
        }
    }

    /**
     * A planned failover to the Managed Instance; confirm the workload with {@link #workloadStopped(boolean)}.
     *
     * @return the options
     */
    public static FailoverOptions plannedToManagedInstance() {
        return new FailoverOptions(FailoverType.PLANNED, InitialPrimary.MANAGED_INSTANCE, false, false, false,
                Duration.ofSeconds(10));
    }

    /**
     * A planned fail back to SQL Server; confirm the workload with {@link #workloadStopped(boolean)}.
     *
     * @return the options
     */
    public static FailoverOptions plannedToSqlServer() {
        return new FailoverOptions(FailoverType.PLANNED, InitialPrimary.SQL_SERVER, false, false, false,
                Duration.ofSeconds(10));
    }

    /**
     * A forced failover (disaster recovery) to the given side; acknowledge with {@link #allowDataLoss(boolean)}.
     *
     * @param target the side that becomes primary
     * @return the options
     */
    public static FailoverOptions forcedTo(InitialPrimary target) {
        return new FailoverOptions(FailoverType.FORCED_ALLOW_DATA_LOSS, target, false, false, false, Duration.ZERO);
    }

    /**
     * @param stopped whether applications have stopped writing
     * @return a copy
     */
    public FailoverOptions workloadStopped(boolean stopped) {
        return new FailoverOptions(type, target, stopped, dataLossAcknowledged, endOfLinkAcknowledged, lsnStableFor);
    }

    /**
     * @param acknowledged whether losing unreplicated transactions is accepted
     * @return a copy
     */
    public FailoverOptions allowDataLoss(boolean acknowledged) {
        return new FailoverOptions(type, target, workloadStopped, acknowledged, endOfLinkAcknowledged, lsnStableFor);
    }

    /**
     * @param acknowledged whether ending the link (SQL Server 2016-2019) is intended
     * @return a copy
     */
    public FailoverOptions endLink(boolean acknowledged) {
        return new FailoverOptions(type, target, workloadStopped, dataLossAcknowledged, acknowledged, lsnStableFor);
    }

    /**
     * @param stableFor how long LSNs must stay equal and unchanged
     * @return a copy
     */
    public FailoverOptions lsnStableFor(Duration stableFor) {
        return new FailoverOptions(type, target, workloadStopped, dataLossAcknowledged, endOfLinkAcknowledged, stableFor);
    }
}
