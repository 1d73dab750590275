package dev.milink.plan;

import dev.milink.DatabaseLink;
import dev.milink.InitialPrimary;
import dev.milink.LinkPlan;
import dev.milink.LinkPlanningException;
import dev.milink.LinkRole;
import dev.milink.LinkSpec;
import dev.milink.PlanKind;
import dev.milink.step.AwaitSynchronization;
import dev.milink.step.BackupLog;
import dev.milink.step.CreateAvailabilityGroup;
import dev.milink.step.CreateDistributedAvailabilityGroup;
import dev.milink.step.CreateEndpointCertificate;
import dev.milink.step.CreateManagedInstanceLink;
import dev.milink.step.CreateMasterKey;
import dev.milink.step.CreateMirroringEndpoint;
import dev.milink.step.ImportAzureRootCertificates;
import dev.milink.step.ImportManagedInstanceCertificate;
import dev.milink.step.Prerequisite;
import dev.milink.step.Step;
import dev.milink.step.UploadTrustCertificate;
import dev.milink.step.VerifyPrerequisite;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Derives the creation plan (docs/LINK-FACTS.md sections 2 and 3): checks first, then the one-time trust and
 * endpoint steps shared by all links, then each database's group, distributed group, Managed Instance
 * link and wait. Pure: no I/O, no clock.
 */
public final class CreatePlanner {

    private static final Set<Prerequisite> SQL_PRIMARY_ONLY = EnumSet.of(Prerequisite.RECOVERY_FULL,
            Prerequisite.FULL_BACKUP, Prerequisite.SINGLE_LOG_FILE, Prerequisite.DATABASE_ONLINE,
            Prerequisite.NOT_IN_AVAILABILITY_GROUP, Prerequisite.DATABASE_NAME_FREE, Prerequisite.LINK_CAPACITY);

    /** Gates of failover, drop and repair plans: they say nothing about creating a link. */
    private static final Set<Prerequisite> LIFECYCLE_ONLY = EnumSet.of(Prerequisite.FAILOVER_ROLES,
            Prerequisite.LINK_SYNCHRONIZED, Prerequisite.LSNS_IN_SYNC, Prerequisite.SPLIT_BRAIN);

    private CreatePlanner() {
    }

    /**
     * @param spec the validated definition
     * @return the creation plan
     */
    public static LinkPlan plan(LinkSpec spec) {
        validate(spec);
        List<Step> steps = new ArrayList<>(checks(spec));
        steps.add(new CreateMasterKey());
        steps.add(new CreateEndpointCertificate(spec.certificateName(), "Certificate for " + spec.certificateName(),
                spec.certificateExpiry()));
        steps.add(new UploadTrustCertificate(spec.certificateName()));
        steps.add(new ImportManagedInstanceCertificate(spec.managedInstance().name(), spec.managedInstance().fqdn()));
        steps.add(new ImportAzureRootCertificates(AzureRootCertificates.required(), spec.issuerDnsName()));
        steps.add(new CreateMirroringEndpoint(spec.endpointName(), spec.endpointPort(), spec.certificateName()));
        boolean sqlPrimary = spec.initialPrimary() == InitialPrimary.SQL_SERVER;
        for (DatabaseLink link : spec.links()) {
            steps.add(new CreateAvailabilityGroup(link.sqlServerAvailabilityGroup(), link.database(),
                    spec.sqlServer().serverName(), spec.sqlServer().endpoint(),
                    spec.sqlServerVersion().supportsClusterTypeNone(), sqlPrimary, spec.seedingMode()));
            steps.add(new CreateDistributedAvailabilityGroup(link.linkName(), link.database(),
                    link.sqlServerAvailabilityGroup(), spec.sqlServer().endpoint(),
                    link.managedInstanceAvailabilityGroup(), spec.managedInstance().name(),
                    spec.managedInstance().fqdn(), !sqlPrimary, spec.seedingMode()));
            steps.add(new CreateManagedInstanceLink(link.linkName(), link.database(), spec.sqlServer().endpoint(),
                    link.sqlServerAvailabilityGroup(), link.managedInstanceAvailabilityGroup(),
                    sqlPrimary ? LinkRole.SECONDARY : LinkRole.PRIMARY, spec.twoWayDisasterRecovery() || !sqlPrimary,
                    spec.seedingMode()));
            steps.add(new AwaitSynchronization(link.linkName(), link.database()));
            spec.firstLogBackupPath().ifPresent(path -> steps.add(new BackupLog(link.database(),
                    expandBackupPath(path, link), false)));
        }
        return PlanAccess.plan(PlanKind.CREATE, spec, steps);
    }

    private static String expandBackupPath(String path, DatabaseLink link) {
        String expanded = path.replace("{db}", link.database().value());
        // "...$" + "{db}" with a database named "(x)" would form the SQLCMD variable $(x) in the script.
        if (expanded.contains("$(")) {
            throw new LinkPlanningException("firstLogBackupPath", PlanAccess.printable(expanded),
                    "'$(' would be replaced by SQLCMD as a scripting variable in the rendered script (formed by {db} = "
                            + PlanAccess.printable(link.database().value()) + ")",
                    "do not put '$' right before {db}");
        }
        return expanded;
    }

    private static List<Step> checks(LinkSpec spec) {
        boolean sqlPrimary = spec.initialPrimary() == InitialPrimary.SQL_SERVER;
        boolean failBackIntended = spec.twoWayDisasterRecovery() || !sqlPrimary;
        List<Step> server = new ArrayList<>();
        List<Step> perDatabase = new ArrayList<>();
        for (Prerequisite p : Prerequisite.values()) {
            if (LIFECYCLE_ONLY.contains(p) || (!sqlPrimary && SQL_PRIMARY_ONLY.contains(p))) {
                continue;
            }
            if (sqlPrimary && p == Prerequisite.DATABASE_ON_MANAGED_INSTANCE) {
                continue;
            }
            if (p == Prerequisite.UPDATE_POLICY && !failBackIntended) {
                continue;
            }
            if (p.perDatabase()) {
                spec.links().forEach(l -> perDatabase.add(new VerifyPrerequisite(p, Optional.of(l.database()))));
            } else {
                server.add(new VerifyPrerequisite(p, Optional.empty()));
            }
        }
        server.addAll(perDatabase);
        return server;
    }

    private static void validate(LinkSpec spec) {
        if (spec.initialPrimary() == InitialPrimary.MANAGED_INSTANCE && !spec.sqlServerVersion().isBidirectional()) {
            throw new LinkPlanningException("The Managed Instance can be the initial primary only with SQL Server 2022 CU10 or later or SQL Server 2025; "
                    + spec.sqlServerVersion().displayName() + " was given.",
                    "use Link.from(sqlServer) for " + spec.sqlServerVersion().displayName()
                            + ", or upgrade SQL Server and set .sqlServerVersion(...)");
        }
        if (spec.twoWayDisasterRecovery() && !spec.sqlServerVersion().isBidirectional()) {
            throw new LinkPlanningException("Two-way disaster recovery needs SQL Server 2022 or 2025; with "
                    + spec.sqlServerVersion().displayName() + " a failover to the Managed Instance ends the link.",
                    "use .twoWayDR(false) (one-way link to Azure), or upgrade SQL Server");
        }
        if (spec.initialPrimary() == InitialPrimary.MANAGED_INSTANCE && spec.firstLogBackupPath().isPresent()) {
            throw new LinkPlanningException("The first log backup step applies when SQL Server is the primary; the Managed Instance backs up its primary databases itself.",
                    "remove .firstLogBackup(...)");
        }
    }
}
