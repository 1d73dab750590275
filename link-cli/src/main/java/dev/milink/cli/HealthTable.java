package dev.milink.cli;

import dev.milink.LinkHealth;
import dev.milink.LinkRole;
import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Renders link health: one small table per link for people, one object per link for {@code --json}. */
final class HealthTable {

    private HealthTable() {
    }

    /**
     * @param links the health of each link
     * @return the tables, one per link
     */
    static String render(List<LinkHealth> links) {
        StringBuilder out = new StringBuilder();
        for (LinkHealth h : links) {
            out.append("Link ").append(h.linkName()).append(" (database ").append(h.database()).append("): ")
                    .append(h.status()).append('\n');
            row(out, "roles", "SQL Server " + role(h.sqlServerRole()) + ", Managed Instance " + role(h.managedInstanceRole()));
            row(out, "connected", h.connected() ? "yes" : "no");
            row(out, "sync state", h.synchronizationState() + " / " + h.synchronizationHealth());
            row(out, "seeding", h.seedingPercent().map(p -> p + "%" + h.seedingEta().map(e -> ", ETA " + e).orElse(""))
                    .orElse("-"));
            row(out, "hardened LSN", "SQL Server " + lsn(h.sqlServerLastHardenedLsn()) + " | Managed Instance "
                    + lsn(h.managedInstanceLastHardenedLsn()) + (h.lsnsEqual() ? " (equal)" : ""));
            row(out, "queues", "log send " + h.logSendQueueKb() + " KB, redo " + h.redoQueueKb() + " KB");
            row(out, "lag", h.lag().map(ProgressRenderer::duration).orElse("-"));
            row(out, "cert expiry", h.certificateExpiry().map(Object::toString).orElse("-"));
            row(out, "last error", h.lastError().orElse("none"));
            row(out, "warnings", h.warnings().isEmpty() ? "none" : String.join("; ", h.warnings()));
        }
        return out.toString();
    }

    private static void row(StringBuilder out, String key, String value) {
        out.append(String.format("  %-13s %s%n", key, value));
    }

    private static String role(Optional<LinkRole> role) {
        return role.map(Enum::name).orElse("(none)");
    }

    private static String lsn(Optional<BigInteger> lsn) {
        return lsn.map(BigInteger::toString).orElse("-");
    }

    /**
     * @param links the health of each link
     * @return one JSON object per link with every field of {@link LinkHealth}
     */
    static List<Object> json(List<LinkHealth> links) {
        List<Object> all = new ArrayList<>();
        for (LinkHealth h : links) {
            Map<String, Object> l = Json.object();
            l.put("linkName", h.linkName());
            l.put("database", h.database() == null ? null : h.database().value());
            l.put("status", h.status());
            l.put("sqlServerRole", h.sqlServerRole());
            l.put("managedInstanceRole", h.managedInstanceRole());
            l.put("connected", h.connected());
            l.put("synchronizationState", h.synchronizationState());
            l.put("synchronizationHealth", h.synchronizationHealth());
            l.put("seedingPercent", h.seedingPercent());
            l.put("seedingEta", h.seedingEta());
            l.put("sqlServerLastHardenedLsn", h.sqlServerLastHardenedLsn());
            l.put("managedInstanceLastHardenedLsn", h.managedInstanceLastHardenedLsn());
            l.put("lsnsEqual", h.lsnsEqual());
            l.put("logSendQueueKb", h.logSendQueueKb());
            l.put("redoQueueKb", h.redoQueueKb());
            l.put("lagSeconds", h.lag().map(Duration::toSeconds));
            l.put("certificateExpiry", h.certificateExpiry());
            l.put("lastError", h.lastError());
            l.put("warnings", h.warnings());
            l.put("observedAt", h.observedAt());
            all.add(l);
        }
        return all;
    }

    /**
     * @param links the health of each link
     * @return whether every link is healthy or still seeding
     */
    static boolean allWell(List<LinkHealth> links) {
        return links.stream().allMatch(h -> h.status() == LinkHealth.Status.HEALTHY || h.status() == LinkHealth.Status.SEEDING);
    }
}
