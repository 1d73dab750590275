package dev.milink.core;

import dev.milink.DatabaseName;
import dev.milink.step.Prerequisite;
import java.util.List;
import java.util.Optional;

/**
 * The evaluated prerequisites of a plan. Immutable.
 *
 * @param results one result per {@code VerifyPrerequisite} step, in plan order
 */
public record PreflightReport(List<CheckResult> results) {

    /**
     * Checks the components.
     *
     * @param results one result per {@code VerifyPrerequisite} step, in plan order
     */
    public PreflightReport {
        results = List.copyOf(results);
    }

    /** @return whether an error-severity check failed */
    public boolean hasErrors() {
        return results.stream().anyMatch(r -> r.status() == CheckStatus.FAILED);
    }

    /** @return the failed checks */
    public List<CheckResult> errors() {
        return results.stream().filter(r -> r.status() == CheckStatus.FAILED).toList();
    }

    /**
     * @param prerequisite a prerequisite
     * @param database the database, empty for server-level checks
     * @return its result, if the plan checks it
     */
    public Optional<CheckResult> result(Prerequisite prerequisite, Optional<DatabaseName> database) {
        return results.stream().filter(r -> r.prerequisite() == prerequisite && r.database().equals(database)).findFirst();
    }

    /** @return the report as a plain-text table: status, check, database, observed, fix */
    public String render() {
        int checkWidth = Math.max(5, results.stream().mapToInt(r -> r.prerequisite().key().length()).max().orElse(5));
        int dbWidth = Math.max(8, results.stream().mapToInt(r -> r.database().map(d -> d.value().length()).orElse(1)).max().orElse(8));
        String format = "%-13s  %-" + checkWidth + "s  %-" + dbWidth + "s  %s%n";
        StringBuilder out = new StringBuilder(String.format(format, "STATUS", "CHECK", "DATABASE", "OBSERVED / FIX"));
        for (CheckResult r : results) {
            out.append(String.format(format, r.status(), r.prerequisite().key(),
                    r.database().map(DatabaseName::value).orElse("-"), r.observed()));
            if (r.status() != CheckStatus.PASSED) {
                out.append(String.format(format, "", "", "", "fix: " + r.fix()));
            }
        }
        long failed = errors().size();
        long warnings = results.stream().filter(r -> r.status() == CheckStatus.WARNING).count();
        out.append(results.size()).append(" checks, ").append(failed).append(" failed, ").append(warnings).append(" warnings\n");
        return out.toString();
    }
}
