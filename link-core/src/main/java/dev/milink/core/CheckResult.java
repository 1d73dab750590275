package dev.milink.core;

import dev.milink.DatabaseName;
import dev.milink.step.Prerequisite;
import java.util.Objects;
import java.util.Optional;

/**
 * One evaluated prerequisite.
 *
 * @param prerequisite what was checked
 * @param database the database for per-database checks
 * @param status the outcome
 * @param observed what was seen (never a secret)
 * @param rule the rule
 * @param fix what to do when it does not hold
 */
public record CheckResult(Prerequisite prerequisite, Optional<DatabaseName> database, CheckStatus status,
        String observed, String rule, String fix) {

    /**
     * Checks the components.
     *
     * @param prerequisite what was checked
     * @param database the database for per-database checks
     * @param status the outcome
     * @param observed what was seen (never a secret)
     * @param rule the rule
     * @param fix what to do when it does not hold
     */
    public CheckResult {
        Objects.requireNonNull(prerequisite, "prerequisite");
        Objects.requireNonNull(database, "database");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(observed, "observed");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(fix, "fix");
    }

    /** @return one line: status, check, database, observed value and, when it does not hold, the fix */
    public String line() {
        return status + " " + prerequisite.key() + database.map(d -> " [" + d + "]").orElse("") + ": " + observed
                + (status == CheckStatus.PASSED ? "" : " — fix: " + fix);
    }
}
