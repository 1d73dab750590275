package dev.milink;

import java.util.regex.Pattern;

/**
 * The naming rules of SQL Server and Azure Resource Manager, checked at plan time so a bad name fails
 * before anything is touched. One place, so the rules and their messages cannot drift apart.
 */
final class NameRules {

    /** SQL Server's limit for a {@code sysname}. */
    static final int MAX_SQL_IDENTIFIER = 128;

    private static final Pattern LINK_NAME = Pattern.compile("^[#a-zA-Z_][\\w@#$]*$");
    private static final Pattern MI_NAME = Pattern.compile("^[a-z0-9]+(?:-[a-z0-9]+)*$");
    private static final Pattern GUID = Pattern.compile(
            "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$");
    private static final Pattern RESOURCE_GROUP = Pattern.compile("^[-\\w._()]+$");
    private static final Pattern HOST = Pattern.compile("^[A-Za-z0-9]([A-Za-z0-9-]{0,62})(\\.[A-Za-z0-9]([A-Za-z0-9-]{0,62}))*$|^\\[[0-9A-Fa-f:.]+]$");

    private NameRules() {
    }

    /**
     * Makes a value safe to print in a message: control characters become {@code \\uXXXX}, long values are cut.
     *
     * @param value any text, may be null
     * @return a quoted, printable rendering
     */
    static String printable(String value) {
        if (value == null) {
            return "null";
        }
        StringBuilder out = new StringBuilder("'");
        int limit = Math.min(value.length(), 140);
        for (int i = 0; i < limit; i++) {
            char c = value.charAt(i);
            int type = Character.getType(c);
            if (Character.isISOControl(c) || type == Character.FORMAT || type == Character.LINE_SEPARATOR
                    || type == Character.PARAGRAPH_SEPARATOR) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        if (value.length() > limit) {
            out.append("...(").append(value.length()).append(" characters)");
        }
        return out.append('\'').toString();
    }

    /**
     * Checks SQL Server's rules for an identifier: 1 to 128 characters, no control characters, not only
     * white space. Quoting (brackets) takes care of everything else.
     *
     * @param field the option name for the message
     * @param value the identifier
     * @return the value
     */
    static String sqlIdentifier(String field, String value) {
        if (value == null || value.isEmpty()) {
            throw new LinkPlanningException(field, printable(value), "a SQL Server identifier needs 1 to 128 characters",
                    "give a non-empty name");
        }
        if (value.length() > MAX_SQL_IDENTIFIER) {
            throw new LinkPlanningException(field, printable(value),
                    "a SQL Server identifier has at most 128 characters, this one has " + value.length(),
                    "shorten the name");
        }
        if (value.isBlank()) {
            throw new LinkPlanningException(field, printable(value), "a SQL Server identifier cannot be only white space",
                    "give a visible name");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (isBidiControl(c)) {
                throw new LinkPlanningException(field, printable(value),
                        "the name contains a bidirectional text control (U+" + String.format("%04X", (int) c)
                                + "), which can make a reviewed script read differently from what runs",
                        "remove the invisible direction control");
            }
            if (isZeroWidth(c)) {
                throw new LinkPlanningException(field, printable(value),
                        "the name contains an invisible zero-width character (U+" + String.format("%04X", (int) c)
                                + "), which makes two different names look the same in a reviewed script",
                        "remove the invisible character");
            }
            if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
                throw new LinkPlanningException(field, printable(value),
                        "a SQL Server identifier cannot contain control characters (found U+"
                                + String.format("%04X", (int) c) + " at position " + i + ")",
                        "remove the control character");
            }
            if (c == '$' && i + 1 < value.length() && value.charAt(i + 1) == '(') {
                throw new LinkPlanningException(field, printable(value),
                        "'$(' would be replaced by SQLCMD as a scripting variable in the rendered script",
                        "remove the '$(' sequence from the name");
            }
            if (Character.isSurrogate(c) && !validSurrogateAt(value, i)) {
                throw new LinkPlanningException(field, printable(value), "the name contains a broken UTF-16 surrogate",
                        "pass a well-formed string");
            }
        }
        return value;
    }

    private static boolean isBidiControl(char c) {
        return (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069') || c == '\u200E'
                || c == '\u200F' || c == '\u061C';
    }

    /** Zero-width space, non-joiner, joiner, word joiner and the byte order mark (zero-width no-break space). */
    private static boolean isZeroWidth(char c) {
        return (c >= '\u200B' && c <= '\u200D') || c == '\u2060' || c == '\uFEFF';
    }

    private static boolean validSurrogateAt(String value, int i) {
        char c = value.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1));
        }
        return i > 0 && Character.isHighSurrogate(value.charAt(i - 1));
    }

    /**
     * The link (distributed availability group) name: ARM's pattern {@code ^[#a-zA-Z_][\w@#$]*$}, 1-128 characters.
     *
     * @param value the name
     * @return the value
     */
    static String linkName(String value) {
        sqlIdentifier("linkName", value);
        if (!LINK_NAME.matcher(value).matches()) {
            throw new LinkPlanningException("linkName", printable(value),
                    "Azure requires a link name matching ^[#a-zA-Z_][\\w@#$]*$ (letters, digits, _ @ # $; not starting with a digit)",
                    "choose a name such as DAG_SalesDb");
        }
        return value;
    }

    /**
     * A Managed Instance resource name: lower-case letters, digits and inner hyphens, 1-63 characters.
     *
     * @param value the name
     * @return the value
     */
    static String managedInstanceName(String value) {
        if (value == null || value.isEmpty() || value.length() > 63 || !MI_NAME.matcher(value).matches()) {
            throw new LinkPlanningException("managedInstance.name", printable(value),
                    "a Managed Instance name has 1 to 63 lower-case letters, digits and inner hyphens (^[a-z0-9]+(?:-[a-z0-9]+)*$)",
                    "use the instance's Azure resource name, for example sqlmi-prod-01");
        }
        return value;
    }

    /**
     * An Azure subscription id: a GUID.
     *
     * @param value the id
     * @return the value
     */
    static String subscriptionId(String value) {
        if (value == null || !GUID.matcher(value).matches()) {
            throw new LinkPlanningException("managedInstance.subscriptionId", printable(value),
                    "a subscription id is a GUID such as 00000000-0000-0000-0000-000000000000",
                    "copy it from 'az account show --query id'");
        }
        return value;
    }

    /**
     * An Azure resource group name: 1-90 characters of letters, digits, {@code _ - . ( )}, not ending in a period.
     *
     * @param value the name
     * @return the value
     */
    static String resourceGroup(String value) {
        if (value == null || value.isEmpty() || value.length() > 90 || value.endsWith(".")
                || !RESOURCE_GROUP.matcher(value).matches()) {
            throw new LinkPlanningException("managedInstance.resourceGroup", printable(value),
                    "a resource group name has 1 to 90 letters, digits, _ - . ( ) and does not end in a period",
                    "use the resource group that holds the Managed Instance");
        }
        return value;
    }

    /**
     * A host name or IP literal, as it may appear in {@code TCP://host:port}.
     *
     * @param field the option name
     * @param value the host
     * @return the value
     */
    static String host(String field, String value) {
        if (value == null || value.isEmpty() || value.length() > 253 || !HOST.matcher(value).matches()) {
            throw new LinkPlanningException(field, printable(value),
                    "a host is a DNS name or an IP address (letters, digits, hyphens and dots)",
                    "give the address the other side can reach, for example 10.0.1.8 or sqlbox01.contoso.com");
        }
        return value;
    }
}
