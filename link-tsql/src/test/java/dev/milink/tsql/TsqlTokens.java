package dev.milink.tsql;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A small T-SQL tokenizer for tests: bracketed identifiers with {@code ]]}, {@code N'..''..'} and
 * {@code '..'} strings, {@code --} line comments, nested block comments, SQLCMD command lines (a line
 * starting with {@code :} or {@code !!}, or a {@code GO} line), words and single punctuation characters.
 * Unterminated brackets, strings or comments are reported, not guessed.
 */
public final class TsqlTokens {

    public enum Kind { WORD, IDENTIFIER, STRING, COMMENT, SQLCMD, PUNCT }

    public record Token(Kind kind, String text) {
        /** @return the token with identifier, string and comment contents blanked out */
        public Token shape() {
            return switch (kind) {
                case IDENTIFIER, STRING, COMMENT -> new Token(kind, "");
                default -> this;
            };
        }
    }

    public static final class UnterminatedException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        UnterminatedException(String what, int at) {
            super("unterminated " + what + " starting at offset " + at);
        }
    }

    private TsqlTokens() {
    }

    public static boolean balanced(String sql) {
        try {
            tokens(sql);
            return true;
        } catch (UnterminatedException e) {
            return false;
        }
    }

    public static List<Token> tokens(String sql) {
        List<Token> out = new ArrayList<>();
        int i = 0;
        int n = sql.length();
        boolean lineStart = true;
        while (i < n) {
            char c = sql.charAt(i);
            if (c == '\n') {
                lineStart = true;
                i++;
                continue;
            }
            if (c == ' ' || c == '\t' || c == '\r') {
                i++;
                continue;
            }
            if (lineStart) {
                lineStart = false;
                int eol = sql.indexOf('\n', i);
                String line = sql.substring(i, eol < 0 ? n : eol);
                if (line.startsWith(":") || line.startsWith("!!") || line.strip().matches("(?i)GO(\\s+\\d+)?")) {
                    out.add(new Token(Kind.SQLCMD, line));
                    i = eol < 0 ? n : eol;
                    continue;
                }
            }
            int start = i;
            if (c == '[') {
                i = quoted(sql, i + 1, ']', "identifier", start, Kind.IDENTIFIER, out);
            } else if (c == '\'' || ((c == 'N' || c == 'n') && i + 1 < n && sql.charAt(i + 1) == '\'')) {
                i = quoted(sql, i + (c == '\'' ? 1 : 2), '\'', "string", start, Kind.STRING, out);
            } else if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
                int eol = sql.indexOf('\n', i);
                eol = eol < 0 ? n : eol;
                out.add(new Token(Kind.COMMENT, sql.substring(i + 2, eol)));
                i = eol;
            } else if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
                int depth = 0;
                while (true) {
                    if (i + 1 >= n) {
                        throw new UnterminatedException("block comment", start);
                    }
                    if (sql.charAt(i) == '/' && sql.charAt(i + 1) == '*') {
                        depth++;
                        i += 2;
                    } else if (sql.charAt(i) == '*' && sql.charAt(i + 1) == '/') {
                        depth--;
                        i += 2;
                        if (depth == 0) {
                            break;
                        }
                    } else {
                        i++;
                    }
                }
                out.add(new Token(Kind.COMMENT, sql.substring(start + 2, i - 2)));
            } else if (Character.isLetterOrDigit(c) || c == '_' || c == '@' || c == '#' || c == '$' || c == '.') {
                while (i < n) {
                    char d = sql.charAt(i);
                    if (Character.isLetterOrDigit(d) || d == '_' || d == '@' || d == '#' || d == '$' || d == '.') {
                        i++;
                    } else if (d == '(' && sql.charAt(i - 1) == '$') {
                        // a SQLCMD variable $(Name) outside quotes is part of the word
                        int close = sql.indexOf(')', i);
                        i = close < 0 ? n : close + 1;
                    } else {
                        break;
                    }
                }
                out.add(new Token(Kind.WORD, sql.substring(start, i).toUpperCase(java.util.Locale.ROOT)));
            } else {
                out.add(new Token(Kind.PUNCT, String.valueOf(c)));
                i++;
            }
        }
        return out;
    }

    /**
     * Reads a bracketed identifier or a string literal whose closing character is doubled to escape it.
     *
     * @return the index just after the closing character
     */
    private static int quoted(String sql, int from, char close, String what, int start, Kind kind, List<Token> out) {
        StringBuilder value = new StringBuilder();
        int i = from;
        while (true) {
            if (i >= sql.length()) {
                throw new UnterminatedException(what, start);
            }
            char d = sql.charAt(i);
            if (d == close) {
                if (i + 1 < sql.length() && sql.charAt(i + 1) == close) {
                    value.append(close);
                    i += 2;
                    continue;
                }
                out.add(new Token(kind, value.toString()));
                return i + 1;
            }
            value.append(d);
            i++;
        }
    }

    /**
     * @param script a rendered script
     * @return its SQLCMD command and GO lines, {@code :setvar} values cut off
     */
    public static List<String> commandLines(String script) {
        return script.lines().map(String::stripLeading)
                .filter(l -> l.startsWith(":") || l.startsWith("!!") || l.strip().matches("(?i)GO(\\s+\\d+)?"))
                .map(l -> l.startsWith(":setvar") && l.indexOf(' ', 8) > 0 ? l.substring(0, l.indexOf(' ', 8)) : l).toList();
    }

    /**
     * @param script a rendered script
     * @return every SQLCMD variable reference {@code $(...)} in order
     */
    public static List<String> variables(String script) {
        List<String> found = new ArrayList<>();
        Matcher m = Pattern.compile("\\$\\(([^)]*)\\)?").matcher(script);
        while (m.find()) {
            found.add(m.group());
        }
        return found;
    }

    /**
     * @param value any text
     * @return it shortened and with control and non-ASCII characters escaped, for test names and messages
     */
    public static String visible(String value) {
        StringBuilder out = new StringBuilder();
        value.codePoints().limit(40).forEach(c -> out.append(c < 0x20 || c > 0x7e ? String.format("\\u%04X", c) : String.valueOf((char) c)));
        return value.length() > 40 ? out + "...(" + value.length() + ")" : out.toString();
    }

    public static List<Token> shape(String sql) {
        return tokens(sql).stream().map(Token::shape).toList();
    }
}
