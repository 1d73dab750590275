package dev.milink.testkit.arm;

import java.util.Locale;

/** The role of one side of a Managed Instance link ({@code instanceLinkRole}, {@code partnerLinkRole}). */
public enum LinkRole {
    /** Holds the read-write database. */
    PRIMARY("Primary"),
    /** Receives the log. */
    SECONDARY("Secondary");

    private final String wireName;

    LinkRole(String wireName) {
        this.wireName = wireName;
    }

    /** @return the value as ARM spells it */
    public String wireName() {
        return wireName;
    }

    /** @return the other role */
    public LinkRole opposite() {
        return this == PRIMARY ? SECONDARY : PRIMARY;
    }

    /**
     * @param value ARM spelling, case-insensitive
     * @return the role
     * @throws ArmError 400 {@code InvalidParameterValue} for anything else
     */
    public static LinkRole parse(String value) {
        for (LinkRole role : values()) {
            if (role.wireName.toLowerCase(Locale.ROOT).equals(value == null ? "" : value.toLowerCase(Locale.ROOT))) {
                return role;
            }
        }
        throw new ArmError(400, "InvalidParameterValue", "Invalid link role '" + value + "'; expected Primary or Secondary");
    }
}
