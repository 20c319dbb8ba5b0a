package dev.ferry.sqlite;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Splits SQLite SQL into tokens, the way SQLite's own tokenizer does: identifiers in every quoting
 * style ("x", [x], `x`), strings with doubled quotes, blobs X'..', numbers (hex too), operators,
 * parentheses. Comments and white space are dropped. The translator works on these, so nothing
 * inside a string or a quoted name is ever mistaken for SQL.
 */
public final class SqlLexer {

    public enum Type { WORD, QUOTED, STRING, BLOB, NUMBER, OP, LPAREN, RPAREN, COMMA, DOT, SEMI, PARAM }

    /**
     * One token. {@code value} is the identifier without its quotes, the string's content, the
     * blob's hex digits; {@code quote} is the opening quote character of a QUOTED identifier;
     * {@code start} where the token begins in the SQL text.
     */
    public record Token(Type type, String text, String value, char quote, int start) {

        public int end() {
            return start + text.length();
        }

        public boolean is(String word) {
            return type == Type.WORD && text.equalsIgnoreCase(word);
        }

        public boolean isOp(String op) {
            return type == Type.OP && text.equals(op);
        }

        /** A bare word or a quoted name: something that may name a column, a table or a function. */
        public boolean isName() {
            return type == Type.WORD || type == Type.QUOTED;
        }

        public String upper() {
            return text.toUpperCase(Locale.ROOT);
        }
    }

    private SqlLexer() {
    }

    /** @throws IllegalArgumentException on an unterminated string, name or comment */
    public static List<Token> tokens(String sql) {
        List<Token> out = new ArrayList<>();
        int i = 0, n = sql.length();
        while (i < n) {
            char c = sql.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
                int end = sql.indexOf('\n', i);
                i = end < 0 ? n : end + 1;
            } else if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
                int end = sql.indexOf("*/", i + 2);
                i = end < 0 ? n : end + 2; // SQLite accepts a comment left open at the end
            } else if (c == '\'') {
                int end = closing(sql, i, '\'');
                out.add(new Token(Type.STRING, sql.substring(i, end + 1), sql.substring(i + 1, end).replace("''", "'"), '\'', i));
                i = end + 1;
            } else if (c == '"' || c == '`') {
                int end = closing(sql, i, c);
                String q = String.valueOf(c);
                out.add(new Token(Type.QUOTED, sql.substring(i, end + 1), sql.substring(i + 1, end).replace(q + q, q), c, i));
                i = end + 1;
            } else if (c == '[') {
                int end = sql.indexOf(']', i);
                if (end < 0) {
                    throw new IllegalArgumentException("a name in [brackets] is not closed");
                }
                out.add(new Token(Type.QUOTED, sql.substring(i, end + 1), sql.substring(i + 1, end), '[', i));
                i = end + 1;
            } else if ((c == 'x' || c == 'X') && i + 1 < n && sql.charAt(i + 1) == '\'') {
                int end = closing(sql, i + 1, '\'');
                out.add(new Token(Type.BLOB, sql.substring(i, end + 1), sql.substring(i + 2, end), '\'', i));
                i = end + 1;
            } else if (Character.isDigit(c) || (c == '.' && i + 1 < n && Character.isDigit(sql.charAt(i + 1)))) {
                int end = number(sql, i);
                out.add(new Token(Type.NUMBER, sql.substring(i, end), sql.substring(i, end).replace("_", ""), ' ', i));
                i = end;
            } else if (Character.isLetter(c) || c == '_' || c > 127) {
                int end = i + 1;
                while (end < n && (Character.isLetterOrDigit(sql.charAt(end)) || sql.charAt(end) == '_'
                        || sql.charAt(end) == '$' || sql.charAt(end) > 127)) {
                    end++;
                }
                out.add(new Token(Type.WORD, sql.substring(i, end), sql.substring(i, end), ' ', i));
                i = end;
            } else {
                i = punctuation(sql, i, out);
            }
        }
        return out;
    }

    private static int closing(String sql, int open, char q) {
        for (int i = open + 1; i < sql.length(); i++) {
            if (sql.charAt(i) == q) {
                if (i + 1 < sql.length() && sql.charAt(i + 1) == q) {
                    i++;
                } else {
                    return i;
                }
            }
        }
        throw new IllegalArgumentException(q == '\'' ? "a string is not closed" : "a quoted name is not closed");
    }

    private static int number(String sql, int i) {
        int n = sql.length();
        if (sql.charAt(i) == '0' && i + 1 < n && (sql.charAt(i + 1) == 'x' || sql.charAt(i + 1) == 'X')) {
            int end = i + 2;
            while (end < n && (Character.digit(sql.charAt(end), 16) >= 0 || sql.charAt(end) == '_')) {
                end++;
            }
            return end;
        }
        int end = i;
        while (end < n && (Character.isDigit(sql.charAt(end)) || sql.charAt(end) == '_')) {
            end++;
        }
        if (end < n && sql.charAt(end) == '.') {
            end++;
            while (end < n && Character.isDigit(sql.charAt(end))) {
                end++;
            }
        }
        if (end < n && (sql.charAt(end) == 'e' || sql.charAt(end) == 'E')) {
            int e = end + 1;
            if (e < n && (sql.charAt(e) == '+' || sql.charAt(e) == '-')) {
                e++;
            }
            if (e < n && Character.isDigit(sql.charAt(e))) {
                end = e;
                while (end < n && Character.isDigit(sql.charAt(end))) {
                    end++;
                }
            }
        }
        return end;
    }

    private static int punctuation(String sql, int i, List<Token> out) {
        char c = sql.charAt(i);
        switch (c) {
            case '(' -> out.add(new Token(Type.LPAREN, "(", "(", ' ', i));
            case ')' -> out.add(new Token(Type.RPAREN, ")", ")", ' ', i));
            case ',' -> out.add(new Token(Type.COMMA, ",", ",", ' ', i));
            case '.' -> out.add(new Token(Type.DOT, ".", ".", ' ', i));
            case ';' -> out.add(new Token(Type.SEMI, ";", ";", ' ', i));
            case '?', ':', '@', '$' -> {
                int end = i + 1;
                while (end < sql.length() && (Character.isLetterOrDigit(sql.charAt(end)) || sql.charAt(end) == '_')) {
                    end++;
                }
                out.add(new Token(Type.PARAM, sql.substring(i, end), sql.substring(i, end), ' ', i));
                return end;
            }
            default -> {
                for (String op : new String[] {"->>", "||", "<=", ">=", "==", "!=", "<>", "<<", ">>", "->"}) {
                    if (sql.startsWith(op, i)) {
                        out.add(new Token(Type.OP, op, op, ' ', i));
                        return i + op.length();
                    }
                }
                if ("+-*/%<>=&|~!".indexOf(c) < 0) {
                    throw new IllegalArgumentException("unexpected character '" + c + "'");
                }
                out.add(new Token(Type.OP, String.valueOf(c), String.valueOf(c), ' ', i));
            }
        }
        return i + 1;
    }
}
