package dev.milink.testkit.sql.engine;

import dev.milink.testkit.sql.SqlError;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/** A position in a token list with the small helpers a recursive-descent parser needs. */
final class Cursor {

    private final List<Token> tokens;
    private int index;

    Cursor(List<Token> tokens) {
        this.tokens = tokens;
    }

    Token peek() {
        return tokens.get(index);
    }

    Token peek(int ahead) {
        return tokens.get(Math.min(index + ahead, tokens.size() - 1));
    }

    Token next() {
        Token t = tokens.get(index);
        if (t.kind() != Token.Kind.EOF) {
            index++;
        }
        return t;
    }

    boolean atEnd() {
        return peek().kind() == Token.Kind.EOF;
    }

    boolean atWord(String word) {
        return peek().isWord(word);
    }

    boolean atSymbol(String symbol) {
        return peek().isSymbol(symbol);
    }

    boolean acceptWord(String word) {
        if (atWord(word)) {
            index++;
            return true;
        }
        return false;
    }

    /** Accepts a sequence of words, all or nothing. */
    boolean acceptWords(String... words) {
        for (int i = 0; i < words.length; i++) {
            if (!peek(i).isWord(words[i])) {
                return false;
            }
        }
        index += words.length;
        return true;
    }

    boolean acceptSymbol(String symbol) {
        if (atSymbol(symbol)) {
            index++;
            return true;
        }
        return false;
    }

    void expectWord(String... words) throws SqlError {
        for (String w : words) {
            if (!acceptWord(w)) {
                throw Errors.syntax(peek());
            }
        }
    }

    void expectSymbol(String symbol) throws SqlError {
        if (!acceptSymbol(symbol)) {
            throw Errors.syntax(peek());
        }
    }

    /** @return a bare or quoted identifier */
    String identifier() throws SqlError {
        Token t = peek();
        if (t.kind() == Token.Kind.QUOTED_IDENT || (t.kind() == Token.Kind.WORD && !Keywords.isReserved(t.text()))) {
            index++;
            return t.text();
        }
        throw Errors.syntax(t);
    }

    /** @return a dotted name like {@code master.sys.databases} or {@code [db]..[t]}, as parts */
    List<String> multipartName() throws SqlError {
        List<String> parts = new ArrayList<>();
        parts.add(identifier());
        while (atSymbol(".")) {
            index++;
            if (atSymbol(".")) {
                parts.add("dbo");
                continue;
            }
            parts.add(identifier());
        }
        return parts;
    }

    /** @return a string literal's text */
    String string() throws SqlError {
        Token t = peek();
        if (t.kind() != Token.Kind.STRING) {
            throw Errors.syntax(t);
        }
        index++;
        return t.text();
    }

    /** @return an identifier or a string literal (both are accepted for names like REPLICA ON N'x') */
    String nameOrString() throws SqlError {
        return peek().kind() == Token.Kind.STRING ? string() : identifier();
    }

    /** @return an integer literal, optionally negative */
    long integer() throws SqlError {
        boolean negative = acceptSymbol("-");
        Token t = peek();
        if (t.kind() != Token.Kind.NUMBER) {
            throw Errors.syntax(t);
        }
        index++;
        try {
            long v = Long.parseLong(t.text());
            return negative ? -v : v;
        } catch (NumberFormatException e) {
            throw Errors.syntax(t);
        }
    }

    /** @return a 0x.. literal's bytes */
    byte[] binary() throws SqlError {
        Token t = peek();
        if (t.kind() != Token.Kind.BINARY) {
            throw Errors.syntax(t);
        }
        index++;
        String hex = t.text().length() % 2 == 1 ? "0" + t.text() : t.text();
        return HexFormat.of().parseHex(hex);
    }

    /** @return the next word, upper-cased (keyword options like STARTED, AES) */
    String word() throws SqlError {
        Token t = peek();
        if (t.kind() != Token.Kind.WORD) {
            throw Errors.syntax(t);
        }
        index++;
        return t.text().toUpperCase(java.util.Locale.ROOT);
    }

    /** Skips a balanced parenthesised group (the opening parenthesis is next). */
    void skipParenthesised() throws SqlError {
        expectSymbol("(");
        int depth = 1;
        while (depth > 0) {
            Token t = next();
            if (t.kind() == Token.Kind.EOF) {
                throw Errors.syntax(t);
            }
            depth += t.isSymbol("(") ? 1 : t.isSymbol(")") ? -1 : 0;
        }
    }
}
