package dev.milink.testkit.sql.engine;

/**
 * One T-SQL token.
 *
 * @param kind the kind
 * @param text the decoded text (identifier without brackets, string without quotes, variable with {@code @})
 * @param position character offset in the batch
 */
record Token(Kind kind, String text, int position) {

    /** Token kinds. */
    enum Kind { WORD, QUOTED_IDENT, STRING, NUMBER, BINARY, VARIABLE, SYMBOL, EOF }

    boolean isWord(String word) {
        return kind == Kind.WORD && text.equalsIgnoreCase(word);
    }

    boolean isSymbol(String symbol) {
        return kind == Kind.SYMBOL && text.equals(symbol);
    }

    /** @return whether this token can name an object (plain word or bracketed/double-quoted identifier) */
    boolean isIdentifier() {
        return kind == Kind.WORD || kind == Kind.QUOTED_IDENT;
    }
}
