package dev.milink.core.internal;

import dev.milink.DatabaseLink;
import dev.milink.LinkPlan;
import dev.milink.state.SqlServerState;

/** Signs on SQL Server that an earlier run (possibly without a journal) got part of the way. */
final class Reruns {

    private Reruns() {
    }

    /**
     * When true, objects on the Managed Instance are read (one list each) instead of assumed absent, so that a
     * rerun neither re-creates nor claims as its own what an earlier run made.
     */
    static boolean indicated(LinkPlan plan, SqlServerState sql) {
        for (DatabaseLink link : plan.spec().links()) {
            if (sql.availabilityGroup(link.linkName()).isPresent() || sql.availabilityGroup(link.sqlServerAvailabilityGroup()).isPresent()) {
                return true;
            }
        }
        return sql.certificate(plan.spec().certificateName()).isPresent();
    }
}
