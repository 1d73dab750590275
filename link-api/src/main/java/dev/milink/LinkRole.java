package dev.milink;

/** A side's role in the link. */
public enum LinkRole {
    /** Accepts writes; replicates to the other side. */
    PRIMARY("Primary"),
    /** Read-only copy receiving the log. */
    SECONDARY("Secondary");

    private final String arm;

    LinkRole(String arm) {
        this.arm = arm;
    }

    /** @return the ARM value */
    public String armValue() {
        return arm;
    }
}
