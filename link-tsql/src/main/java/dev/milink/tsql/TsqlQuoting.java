package dev.milink.tsql;

import java.util.HexFormat;
import java.util.Objects;

/**
 * The one place where values become T-SQL text. Every identifier and every literal milink renders goes
 * through these functions; nothing else concatenates user values into statements.
 */
public final class TsqlQuoting {

    private TsqlQuoting() {
    }

    /**
     * Quotes an identifier: {@code [name]} with every {@code ]} doubled, so no name can end the brackets.
     *
     * @param name the identifier, already validated (1-128 characters, no control characters)
     * @return the bracketed identifier
     */
    public static String identifier(String name) {
        Objects.requireNonNull(name, "name");
        return "[" + name.replace("]", "]]") + "]";
    }

    /**
     * Quotes a Unicode string literal: {@code N'text'} with every {@code '} doubled, so no value can end the
     * literal.
     *
     * @param text the text
     * @return the literal
     */
    public static String literal(String text) {
        Objects.requireNonNull(text, "text");
        return "N'" + text.replace("'", "''") + "'";
    }

    /**
     * Renders bytes as a binary literal {@code 0x...} (upper-case hex digits only, so it cannot carry text).
     *
     * @param bytes the bytes
     * @return the literal
     */
    public static String binary(byte[] bytes) {
        Objects.requireNonNull(bytes, "bytes");
        return "0x" + HexFormat.of().withUpperCase().formatHex(bytes);
    }

    /**
     * Makes text safe inside a {@code --} line comment: line breaks cannot occur in validated names, but
     * the comment text is cut at any line break defensively.
     *
     * @param text any text
     * @return the text up to its first line break
     */
    public static String commentText(String text) {
        Objects.requireNonNull(text, "text");
        int cut = text.length();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r' || c == '\u2028' || c == '\u2029' || c == '\u0085') {
                cut = i;
                break;
            }
        }
        return text.substring(0, cut);
    }
}
