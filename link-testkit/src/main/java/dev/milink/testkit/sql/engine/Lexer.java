package dev.milink.testkit.sql.engine;

import dev.milink.testkit.sql.SqlError;
import java.util.ArrayList;
import java.util.List;

/** Splits a T-SQL batch into tokens: comments, [ident]]s], "ident", N'..''..', 0x.., @vars, @@globals. */
final class Lexer {

    private final String sql;
    private int pos;

    private Lexer(String sql) {
        this.sql = sql;
    }

    static List<Token> tokenize(String sql) throws SqlError {
        return new Lexer(sql).run();
    }

    private List<Token> run() throws SqlError {
        List<Token> out = new ArrayList<>();
        while (true) {
            skipSpaceAndComments();
            if (pos >= sql.length()) {
                out.add(new Token(Token.Kind.EOF, "", pos));
                return out;
            }
            out.add(next());
        }
    }

    private void skipSpaceAndComments() throws SqlError {
        while (pos < sql.length()) {
            char c = sql.charAt(pos);
            if (Character.isWhitespace(c)) {
                pos++;
            } else if (sql.startsWith("--", pos)) {
                int nl = sql.indexOf('\n', pos);
                pos = nl < 0 ? sql.length() : nl + 1;
            } else if (sql.startsWith("/*", pos)) {
                int depth = 0;
                int start = pos;
                do {
                    if (pos >= sql.length()) {
                        throw Errors.syntaxAt("Missing end comment mark '*/'.", start);
                    }
                    if (sql.startsWith("/*", pos)) {
                        depth++;
                        pos += 2;
                    } else if (sql.startsWith("*/", pos)) {
                        depth--;
                        pos += 2;
                    } else {
                        pos++;
                    }
                } while (depth > 0);
            } else {
                return;
            }
        }
    }

    private Token next() throws SqlError {
        int start = pos;
        char c = sql.charAt(pos);
        if ((c == 'N' || c == 'n') && pos + 1 < sql.length() && sql.charAt(pos + 1) == '\'') {
            pos++;
            return new Token(Token.Kind.STRING, quoted('\'', '\''), start);
        }
        if (c == '\'') {
            return new Token(Token.Kind.STRING, quoted('\'', '\''), start);
        }
        if (c == '[') {
            return new Token(Token.Kind.QUOTED_IDENT, quoted('[', ']'), start);
        }
        if (c == '"') {
            return new Token(Token.Kind.QUOTED_IDENT, quoted('"', '"'), start);
        }
        if (c == '0' && pos + 1 < sql.length() && (sql.charAt(pos + 1) == 'x' || sql.charAt(pos + 1) == 'X')) {
            pos += 2;
            while (pos < sql.length() && Character.digit(sql.charAt(pos), 16) >= 0) {
                pos++;
            }
            return new Token(Token.Kind.BINARY, sql.substring(start + 2, pos), start);
        }
        if (Character.isDigit(c) || (c == '.' && pos + 1 < sql.length() && Character.isDigit(sql.charAt(pos + 1)))) {
            while (pos < sql.length() && (Character.isDigit(sql.charAt(pos)) || sql.charAt(pos) == '.')) {
                pos++;
            }
            return new Token(Token.Kind.NUMBER, sql.substring(start, pos), start);
        }
        if (c == '@' || c == '#' || Character.isLetter(c) || c == '_') {
            pos++;
            while (pos < sql.length() && (Character.isLetterOrDigit(sql.charAt(pos)) || "_@#$".indexOf(sql.charAt(pos)) >= 0)) {
                pos++;
            }
            String text = sql.substring(start, pos);
            return new Token(c == '@' ? Token.Kind.VARIABLE : Token.Kind.WORD, text, start);
        }
        for (String two : new String[] {"<>", "<=", ">=", "!=", "!<", "!>"}) {
            if (sql.startsWith(two, pos)) {
                pos += 2;
                return new Token(Token.Kind.SYMBOL, two, start);
            }
        }
        if ("(),;.=<>*+-/%".indexOf(c) >= 0) {
            pos++;
            return new Token(Token.Kind.SYMBOL, String.valueOf(c), start);
        }
        throw Errors.syntaxAt("Incorrect syntax near '" + c + "'.", start);
    }

    private String quoted(char open, char close) throws SqlError {
        pos++;
        StringBuilder sb = new StringBuilder();
        while (true) {
            if (pos >= sql.length()) {
                throw Errors.error(105, 15, "Unclosed quotation mark after the character string (text withheld).");
            }
            char ch = sql.charAt(pos++);
            if (ch == close) {
                if (pos < sql.length() && sql.charAt(pos) == close) {
                    sb.append(close);
                    pos++;
                } else {
                    return sb.toString();
                }
            } else {
                sb.append(ch);
            }
        }
    }
}
