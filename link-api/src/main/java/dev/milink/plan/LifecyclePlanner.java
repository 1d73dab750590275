package dev.milink.plan;

import dev.milink.DatabaseLink;
import dev.milink.FailoverOptions;
import dev.milink.FailoverType;
import dev.milink.InitialPrimary;
import dev.milink.LinkErrorCode;
import dev.milink.LinkPlan;
import dev.milink.LinkPlanningException;
import dev.milink.LinkRole;
import dev.milink.LinkSpec;
import dev.milink.PlanKind;
import dev.milink.ReplicationMode;
import dev.milink.step.AwaitLsnAlignment;
import dev.milink.step.BackupLog;
import dev.milink.step.CreateEndpointCertificate;
import dev.milink.step.DeleteManagedInstanceLink;
import dev.milink.step.DeleteTrustCertificate;
import dev.milink.step.DropAvailabilityGroup;
import dev.milink.step.DemoteSqlServer;
import dev.milink.step.DropCertificate;
import dev.milink.step.FailoverManagedInstanceLink;
import dev.milink.step.FailoverOnSqlServer;
import dev.milink.step.Prerequisite;
import dev.milink.step.SetLinkReplicationMode;
import dev.milink.step.SetManagedInstanceRole;
import dev.milink.step.SetSqlServerReplicationMode;
import dev.milink.step.Step;
import dev.milink.step.SwitchEndpointCertificate;
import dev.milink.step.UploadTrustCertificate;
import dev.milink.step.VerifyPrerequisite;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Derives the plans for everything after creation (docs/LINK-FACTS.md section 7): planned and forced failover,
 * fail back, split-brain repair and certificate rotation. Gates that need no server are checked here;
 * gates that need the live state are {@link VerifyPrerequisite} steps the runner evaluates first.
 */
public final class LifecyclePlanner {

    private LifecyclePlanner() {
    }

    /**
     * @param spec the links
     * @param options the failover's switches
     * @return a planned or forced failover plan
     */
    public static LinkPlan failover(LinkSpec spec, FailoverOptions options) {
        boolean toSqlServer = options.target() == InitialPrimary.SQL_SERVER;
        if (options.type() == FailoverType.FORCED_ALLOW_DATA_LOSS) {
            return forced(spec, options, toSqlServer);
        }
        if (!options.workloadStopped()) {
            throw new LinkPlanningException(LinkErrorCode.GATE_REFUSED,
                    "A planned failover needs the workload on the primary stopped, so no transaction is written after the last LSN check.",
                    "stop the applications, then confirm with workloadStopped(true) (CLI: --workload-stopped)");
        }
        if (!spec.sqlServerVersion().isBidirectional()) {
            if (toSqlServer) {
                throw new LinkPlanningException(LinkErrorCode.GATE_REFUSED, "Failing back to "
                        + spec.sqlServerVersion().displayName() + " is not possible: only SQL Server 2022 and 2025 take the database back.",
                        "restore a backup of the Managed Instance database elsewhere, or move data with replication");
            }
            if (!options.endOfLinkAcknowledged()) {
                throw new LinkPlanningException(LinkErrorCode.GATE_REFUSED, "On " + spec.sqlServerVersion().displayName()
                        + " a failover to the Managed Instance ends the link and drops the distributed availability group; there is no way back.",
                        "confirm with endLink(true) (CLI: --end-link) if this migration cut-over is intended");
            }
        }
        List<Step> steps = new ArrayList<>();
        if (!toSqlServer) {
            // The failover to the Managed Instance is T-SQL on SQL Server: SQL Server 2022 needs CU13 for it.
            steps.add(new VerifyPrerequisite(Prerequisite.SQL_SERVER_VERSION, Optional.empty()));
        }
        steps.addAll(gates(spec, Prerequisite.FAILOVER_ROLES, Prerequisite.LINK_SYNCHRONIZED));
        if (toSqlServer) {
            steps.add(new VerifyPrerequisite(Prerequisite.UPDATE_POLICY, Optional.empty()));
        }
        for (DatabaseLink link : spec.links()) {
            if (!toSqlServer) {
                // SQL Server is the primary: its T-SQL switch goes first, as in the documented cut-over script.
                steps.add(new SetSqlServerReplicationMode(link.linkName(), link.database(),
                        link.sqlServerAvailabilityGroup(), link.managedInstanceAvailabilityGroup(), ReplicationMode.SYNC));
            }
            steps.add(new SetLinkReplicationMode(link.linkName(), link.database(), ReplicationMode.SYNC));
            steps.add(new AwaitLsnAlignment(link.linkName(), link.database(), options.lsnStableFor()));
            if (!spec.sqlServerVersion().isBidirectional()) {
                // 2016-2019: the cut-over ends the link (docs/LINK-FACTS.md sections 7.2, 8): delete it, then drop the distributed group.
                steps.add(new DeleteManagedInstanceLink(link.linkName(), link.database()));
                steps.add(new DropAvailabilityGroup(link.linkName(), link.database(), true));
                continue;
            }
            // A planned failover runs on the current primary (ARM refuses it on the secondary, docs/LINK-FACTS.md section 7.1):
            // T-SQL FAILOVER on SQL Server towards the Managed Instance, the ARM failover from the Managed Instance back.
            steps.add(toSqlServer ? new FailoverManagedInstanceLink(link.linkName(), link.database(), FailoverType.PLANNED)
                    : new FailoverOnSqlServer(link.linkName(), link.database(), FailoverType.PLANNED));
            steps.add(new SetLinkReplicationMode(link.linkName(), link.database(), ReplicationMode.ASYNC));
        }
        return PlanAccess.plan(PlanKind.PLANNED_FAILOVER, spec, steps);
    }

    private static LinkPlan forced(LinkSpec spec, FailoverOptions options, boolean toSqlServer) {
        if (!options.dataLossAcknowledged()) {
            throw new LinkPlanningException(LinkErrorCode.GATE_REFUSED,
                    "A forced failover may lose every transaction the secondary has not hardened yet.",
                    "acknowledge it with allowDataLoss(true) (CLI: --forced --allow-data-loss), or use a planned failover");
        }
        if (toSqlServer && !spec.sqlServerVersion().isBidirectional()) {
            throw new LinkPlanningException(LinkErrorCode.GATE_REFUSED, spec.sqlServerVersion().displayName()
                    + " cannot become primary again through the link.", "use SQL Server 2022 or 2025 for two-way links");
        }
        List<Step> steps = new ArrayList<>();
        for (DatabaseLink link : spec.links()) {
            steps.add(toSqlServer
                    ? new FailoverOnSqlServer(link.linkName(), link.database(), FailoverType.FORCED_ALLOW_DATA_LOSS)
                    : new FailoverManagedInstanceLink(link.linkName(), link.database(), FailoverType.FORCED_ALLOW_DATA_LOSS));
        }
        return PlanAccess.plan(PlanKind.FORCED_FAILOVER, spec, steps);
    }

    /**
     * @param spec the links
     * @param demote the side to demote to secondary (the old primary whose changes are given up)
     * @param tailLogBackupPath where SQL Server's tail-log backup goes when SQL Server is demoted
     * @return the split-brain repair plan
     */
    public static LinkPlan splitBrainRepair(LinkSpec spec, InitialPrimary demote, Optional<String> tailLogBackupPath) {
        if (demote == InitialPrimary.SQL_SERVER && tailLogBackupPath.isEmpty()) {
            throw new LinkPlanningException(LinkErrorCode.GATE_REFUSED,
                    "Demoting SQL Server discards its writes since the forced failover; the documented repair takes a tail-log backup first.",
                    "give the backup path (CLI: --tail-log-backup PATH); {db} is replaced by each database name");
        }
        List<Step> steps = new ArrayList<>(gates(spec, Prerequisite.SPLIT_BRAIN));
        for (DatabaseLink link : spec.links()) {
            if (demote == InitialPrimary.SQL_SERVER) {
                String path = PlanAccess.sqlIdentifier("tailLogBackupPath",
                        tailLogBackupPath.orElseThrow().replace("{db}", link.database().value()));
                steps.add(new BackupLog(link.database(), path, true));
                steps.add(new DemoteSqlServer(link.linkName(), link.database()));
            } else {
                steps.add(new SetManagedInstanceRole(link.linkName(), link.database(), LinkRole.SECONDARY, true));
            }
        }
        return PlanAccess.plan(PlanKind.SPLIT_BRAIN_REPAIR, spec, steps);
    }

    /**
     * @param spec the links (its certificate name is the old certificate)
     * @param newCertificate the new certificate's name
     * @param expiry the new certificate's expiry
     * @return the rotation plan: new certificate, upload, switch the endpoint, drop the old
     */
    public static LinkPlan rotateCertificate(LinkSpec spec, String newCertificate, LocalDate expiry) {
        PlanAccess.sqlIdentifier("newCertificateName", newCertificate);
        if (newCertificate.equalsIgnoreCase(spec.certificateName())) {
            throw new LinkPlanningException("newCertificateName", PlanAccess.printable(newCertificate),
                    "the new certificate needs a name other than the current one", "for example Cert_<server>_endpoint_2027");
        }
        List<Step> steps = new ArrayList<>();
        steps.add(new CreateEndpointCertificate(newCertificate, "Certificate for " + newCertificate, Optional.of(expiry)));
        steps.add(new UploadTrustCertificate(newCertificate));
        steps.add(new SwitchEndpointCertificate(spec.endpointName(), newCertificate));
        steps.add(new DropCertificate(spec.certificateName(), "the old endpoint certificate is replaced"));
        steps.add(new DeleteTrustCertificate(spec.certificateName()));
        return PlanAccess.plan(PlanKind.CERTIFICATE_ROTATION, spec, steps);
    }

    private static List<Step> gates(LinkSpec spec, Prerequisite... prerequisites) {
        List<Step> steps = new ArrayList<>();
        for (Prerequisite p : prerequisites) {
            spec.links().forEach(l -> steps.add(new VerifyPrerequisite(p, Optional.of(l.database()))));
        }
        return steps;
    }
}
