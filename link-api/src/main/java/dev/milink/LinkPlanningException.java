package dev.milink;

/**
 * Thrown while building a link definition or a plan: bad names, bad options, unsupported combinations.
 * Nothing was touched on either side when this is thrown.
 */
public class LinkPlanningException extends LinkException {

    private static final long serialVersionUID = 1L;

    /** The option or argument at fault; empty for unsupported combinations. */
    private final String field;
    /** The offending value as shown in the message. */
    private final String value;

    /**
     * @param field the option or argument that is wrong, for example {@code database}
     * @param value the offending value, already made printable (control characters escaped)
     * @param rule the rule it breaks
     * @param fix what to do instead
     */
    public LinkPlanningException(String field, String value, String rule, String fix) {
        super(LinkErrorCode.INVALID_INPUT, field + " " + value + " is not valid: " + rule + ".", fix);
        this.field = field;
        this.value = value;
    }

    /**
     * For combinations that are valid names but not supported together.
     *
     * @param message what is not supported
     * @param fix what to do instead
     */
    public LinkPlanningException(String message, String fix) {
        super(LinkErrorCode.UNSUPPORTED, message, fix);
        this.field = "";
        this.value = "";
    }

    /**
     * For a refusal with a specific code, for example {@link LinkErrorCode#GATE_REFUSED} when a safety gate
     * (data-loss acknowledgement, workload confirmation) is not passed.
     *
     * @param code the code
     * @param message what is refused
     * @param fix what to do instead
     */
    public LinkPlanningException(LinkErrorCode code, String message, String fix) {
        super(code, message, fix);
        this.field = "";
        this.value = "";
    }

    /** @return the option or argument that is wrong; empty for unsupported combinations */
    public String field() {
        return field;
    }

    /** @return the offending value as shown in the message */
    public String value() {
        return value;
    }
}
