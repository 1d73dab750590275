package dev.milink.cli;

import dev.milink.DatabaseLink;
import dev.milink.LinkPlan;
import dev.milink.LinkSpec;
import dev.milink.step.Step;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The JSON shape of a plan, shared by {@code plan --json} and the run commands. */
final class PlanJson {

    private PlanJson() {
    }

    /**
     * @param plan a plan
     * @return {@code kind, hash, initialPrimary, sqlServer, managedInstance, twoWayDR, links[], steps[]}
     */
    static Map<String, Object> of(LinkPlan plan) {
        LinkSpec spec = plan.spec();
        Map<String, Object> doc = Json.object();
        doc.put("kind", kind(plan));
        doc.put("hash", plan.hash());
        doc.put("initialPrimary", spec.initialPrimary().name());
        Map<String, Object> server = Json.object();
        server.put("name", spec.sqlServer().serverName());
        server.put("endpoint", spec.sqlServer().endpoint().toString());
        server.put("version", spec.sqlServerVersion().displayName());
        doc.put("sqlServer", server);
        Map<String, Object> mi = Json.object();
        mi.put("resourceId", spec.managedInstance().resourceId());
        mi.put("name", spec.managedInstance().name());
        mi.put("fqdn", spec.managedInstance().fqdn());
        doc.put("managedInstance", mi);
        doc.put("twoWayDR", spec.twoWayDisasterRecovery());
        List<Object> links = new ArrayList<>();
        for (DatabaseLink link : spec.links()) {
            Map<String, Object> l = Json.object();
            l.put("database", link.database().value());
            l.put("linkName", link.linkName());
            l.put("sqlServerAvailabilityGroup", link.sqlServerAvailabilityGroup());
            l.put("managedInstanceAvailabilityGroup", link.managedInstanceAvailabilityGroup());
            links.add(l);
        }
        doc.put("links", links);
        List<Object> steps = new ArrayList<>();
        for (int i = 0; i < plan.steps().size(); i++) {
            steps.add(step(i + 1, plan.steps().get(i)));
        }
        doc.put("steps", steps);
        return doc;
    }

    /**
     * @param plan a plan
     * @return its kind in lower-case words joined by '-', for example {@code planned-failover}
     */
    static String kind(LinkPlan plan) {
        return plan.kind().name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /**
     * @param number the step's position, from 1
     * @param step the step
     * @return {@code number, id, side, summary, reason, database}
     */
    static Map<String, Object> step(int number, Step step) {
        Map<String, Object> s = Json.object();
        s.put("number", number);
        s.put("id", step.id().value());
        s.put("side", step.side().name());
        s.put("summary", step.summary());
        s.put("reason", step.reason());
        s.put("database", step.database().map(d -> d.value()));
        return s;
    }
}
