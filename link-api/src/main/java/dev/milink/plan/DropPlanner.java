package dev.milink.plan;

import dev.milink.DatabaseLink;
import dev.milink.DropOptions;
import dev.milink.LinkPlan;
import dev.milink.LinkSpec;
import dev.milink.PlanKind;
import dev.milink.step.DeleteManagedInstanceLink;
import dev.milink.step.DeleteTrustCertificate;
import dev.milink.step.DropAvailabilityGroup;
import dev.milink.step.DropManagedInstanceCertificate;
import dev.milink.step.Prerequisite;
import dev.milink.step.Step;
import dev.milink.step.VerifyPrerequisite;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Derives the drop plan (docs/LINK-FACTS.md section 8): delete each link on the Managed Instance, drop the
 * distributed group and optionally the local group on SQL Server, and optionally the trust objects.
 * Databases are never dropped.
 */
public final class DropPlanner {

    private DropPlanner() {
    }

    /**
     * @param spec the definition of the links to remove
     * @param options what else to remove
     * @return the drop plan
     */
    public static LinkPlan plan(LinkSpec spec, DropOptions options) {
        List<Step> steps = new ArrayList<>();
        if (!options.allowUnsynchronized()) {
            spec.links().forEach(l -> steps.add(new VerifyPrerequisite(Prerequisite.LSNS_IN_SYNC, Optional.of(l.database()))));
        }
        for (DatabaseLink link : spec.links()) {
            steps.add(new DeleteManagedInstanceLink(link.linkName(), link.database()));
            steps.add(new DropAvailabilityGroup(link.linkName(), link.database(), true));
            if (options.dropSqlServerAvailabilityGroups()) {
                steps.add(new DropAvailabilityGroup(link.sqlServerAvailabilityGroup(), link.database(), false));
            }
        }
        if (options.removeTrust()) {
            steps.add(new DeleteTrustCertificate(spec.certificateName()));
            steps.add(new DropManagedInstanceCertificate(spec.managedInstance().fqdn()));
        }
        return PlanAccess.plan(PlanKind.DROP, spec, steps);
    }
}
