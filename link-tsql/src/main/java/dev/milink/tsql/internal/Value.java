package dev.milink.tsql.internal;

import dev.milink.tsql.TsqlQuoting;

/**
 * A value in a statement: either known (rendered through {@link TsqlQuoting}) or a SQLCMD scripting
 * variable {@code $(Name)} that the operator sets when running the script.
 *
 * @param text the known value, or the variable name
 * @param variable whether {@code text} names a variable
 */
public record Value(String text, boolean variable) {

    /**
     * @param text a known value
     * @return the value
     */
    public static Value known(String text) {
        return new Value(text, false);
    }

    /**
     * @param name a SQLCMD variable name
     * @return the value
     */
    public static Value variable(String name) {
        return new Value(name, true);
    }

    /** @return the value as a bracketed identifier */
    public String identifier() {
        return variable ? "[$(" + text + ")]" : TsqlQuoting.identifier(text);
    }

    /** @return the value as an {@code N'...'} literal */
    public String literal() {
        return variable ? "N'$(" + text + ")'" : TsqlQuoting.literal(text);
    }

    /** @return the value inserted as it is (binary literals, already rendered) */
    public String raw() {
        return variable ? "$(" + text + ")" : text;
    }

    /** @return the value as plain text for comments */
    public String plain() {
        return variable ? "$(" + text + ")" : text;
    }
}
