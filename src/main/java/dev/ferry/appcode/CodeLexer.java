package dev.ferry.appcode;

import dev.ferry.appcode.Candidate.Part;
import java.util.ArrayList;
import java.util.List;

/**
 * The part every language's scanner shares: one pass over the source that drops white space and
 * comments, reads each string literal in the language's own forms into parts (text and
 * interpolated expressions), and keeps the words, operators and brackets between them so the
 * joiner can see how literals are put together. A literal that is never closed ends at the end of
 * its line (or of the file), so one odd line cannot swallow the rest of a file.
 */
abstract class CodeLexer {

    /** How a literal treats a backslash. */
    enum Esc {
        /** Escapes are read: \n is a line break, \" a quote (most double-quoted strings). */
        DECODE,
        /** A backslash keeps the next character from closing the literal but stays in the text (Python r''). */
        KEEP,
        /** Only \\ and the quote itself are escapes (Ruby's and PHP's single quotes). */
        QUOTE_ONLY,
        /** No escapes at all (Go's `raw`, C# @"verbatim", Kotlin's and C#'s raw strings). */
        NONE
    }

    /** Which interpolations a literal has. */
    enum Interp { NONE, DOLLAR_BRACE, BRACE, HASH_BRACE, KOTLIN, PHP }

    protected final String s;
    protected final int n;
    protected int i;
    protected int depth;
    protected final List<Token> out = new ArrayList<>();

    CodeLexer(String source) {
        this.s = source;
        this.n = source.length();
    }

    final List<Token> tokens() {
        while (i < n) {
            char c = s.charAt(i);
            if (c == '\n') {
                newline();
                i++;
            } else if (Character.isWhitespace(c)) {
                i++;
            } else if (!comment() && !literal()) {
                if (isWordStart(c)) {
                    word();
                } else if (Character.isDigit(c)) {
                    number();
                } else {
                    punct();
                }
            }
        }
        return out;
    }

    /** A line break outside any token; Python's logical lines end here. */
    protected void newline() {
    }

    /** Skips a comment at {@code i} and returns true, or returns false. */
    protected abstract boolean comment();

    /** Reads a string literal (or a character literal, as a word) at {@code i} and returns true, or returns false. */
    protected abstract boolean literal();

    protected boolean isWordStart(char c) {
        return Character.isLetter(c) || c == '_' || c == '$';
    }

    protected boolean isWordPart(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '$';
    }

    protected final boolean at(String t) {
        return s.startsWith(t, i);
    }

    protected final char peek(int k) {
        return i + k < n ? s.charAt(i + k) : '\0';
    }

    protected final Token last() {
        return out.isEmpty() ? null : out.get(out.size() - 1);
    }

    protected final boolean lineComment(String opener) {
        if (!at(opener)) {
            return false;
        }
        while (i < n && s.charAt(i) != '\n') {
            i++;
        }
        return true;
    }

    protected final boolean blockComment(String open, String close, boolean nests) {
        if (!at(open)) {
            return false;
        }
        int level = 0;
        while (i < n) {
            if (at(open) && (nests || level == 0)) {
                level++;
                i += open.length();
            } else if (at(close)) {
                i += close.length();
                if (--level == 0) {
                    return true;
                }
            } else {
                i++;
            }
        }
        return true;
    }

    protected void word() {
        int start = i;
        while (i < n && isWordPart(s.charAt(i))) {
            i++;
        }
        out.add(Token.of(Token.Kind.WORD, s.substring(start, i), start));
    }

    private void number() {
        int start = i;
        while (i < n && (Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '_'
                || (s.charAt(i) == '.' && i + 1 < n && Character.isDigit(s.charAt(i + 1))))) {
            i++;
        }
        out.add(Token.of(Token.Kind.WORD, s.substring(start, i), start));
    }

    private static final String OPERATOR_CHARS = "+-*/%=<>!&|^~?:.@#\\";

    private void punct() {
        char c = s.charAt(i);
        int start = i;
        if (c == '(' || c == '[' || c == '{') {
            depth++;
            out.add(Token.of(Token.Kind.OPEN, String.valueOf(c), i++));
        } else if (c == ')' || c == ']' || c == '}') {
            depth = Math.max(0, depth - 1);
            out.add(Token.of(Token.Kind.CLOSE, String.valueOf(c), i++));
        } else if (c == ',' || c == ';') {
            out.add(Token.of(Token.Kind.SEP, String.valueOf(c), i++));
        } else if (OPERATOR_CHARS.indexOf(c) >= 0) {
            i++;
            while (i < n && OPERATOR_CHARS.indexOf(s.charAt(i)) >= 0 && !at("//") && !at("/*")) {
                i++;
            }
            out.add(Token.of(Token.Kind.OP, s.substring(start, i), start));
        } else {
            i++; // a character no language here gives a meaning between literals
        }
    }

    /**
     * Skips a regular expression literal at {@code i} (JavaScript's, Ruby's) as one word, so a quote
     * inside {@code /'/} opens nothing. A slash starts one where a division could not stand: at the
     * start, after an operator or an opening bracket, or after one of {@code keywords}.
     */
    protected final boolean regex(java.util.Set<String> keywords) {
        if (s.charAt(i) != '/') {
            return false;
        }
        Token t = last();
        boolean allowed = t == null || switch (t.kind()) {
            case WORD -> keywords.contains(t.text());
            case CLOSE, STRING -> false;
            default -> true;
        };
        if (!allowed) {
            return false;
        }
        int start = i++;
        boolean inClass = false;
        while (i < n && s.charAt(i) != '\n') {
            char c = s.charAt(i);
            if (c == '\\') {
                i += 2;
                continue;
            }
            if (c == '[') {
                inClass = true;
            } else if (c == ']') {
                inClass = false;
            } else if (c == '/' && !inClass) {
                i++;
                while (i < n && Character.isLetter(s.charAt(i))) {
                    i++;
                }
                break;
            }
            i++;
        }
        out.add(Token.of(Token.Kind.WORD, s.substring(start, Math.min(i, n)), start));
        return true;
    }

    /** Adds a string token for a literal that began at {@code start}. */
    protected final void string(int start, List<Part> parts) {
        out.add(Token.string(start, s.substring(start, Math.min(i, n)), parts));
    }

    /** A character literal ('x', '\''): not a string, but an operand like a word. */
    protected final void charLiteral() {
        int start = i++;
        while (i < n && s.charAt(i) != '\'' && s.charAt(i) != '\n') {
            i += s.charAt(i) == '\\' ? 2 : 1;
        }
        i = Math.min(n, i + 1);
        out.add(Token.of(Token.Kind.WORD, s.substring(start, i), start));
    }

    /**
     * Reads a literal's body from {@code i} (just after its opener) through {@code closer} and
     * returns its parts. {@code braces} is how many braces open a BRACE interpolation (C#'s
     * {@code $$"""} raw strings take two); with one, a doubled brace is a literal brace.
     */
    protected final List<Part> body(String closer, Esc esc, boolean doubledCloser, boolean singleLine,
                                    Interp interp, int braces) {
        List<Part> parts = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        while (i < n) {
            char c = s.charAt(i);
            if (at(closer)) {
                if (doubledCloser && s.startsWith(closer, i + closer.length())) {
                    text.append(closer);
                    i += 2 * closer.length();
                    continue;
                }
                i += closer.length();
                break;
            }
            if (singleLine && (c == '\n' || c == '\r')) {
                break;
            }
            if (c == '\\' && esc != Esc.NONE && i + 1 < n) {
                escape(text, esc, closer);
                continue;
            }
            if (interpolation(interp, braces, text, parts)) {
                continue;
            }
            text.append(c);
            i++;
        }
        if (text.length() > 0 || parts.isEmpty()) {
            parts.add(Part.literal(text.toString()));
        }
        return parts;
    }

    private void escape(StringBuilder text, Esc esc, String closer) {
        char next = s.charAt(i + 1);
        if (esc == Esc.KEEP) {
            text.append('\\').append(next);
            i += 2;
            return;
        }
        if (esc == Esc.QUOTE_ONLY) {
            if (next == '\\' || closer.charAt(0) == next) {
                text.append(next);
            } else {
                text.append('\\').append(next);
            }
            i += 2;
            return;
        }
        i += 2;
        switch (next) {
            case 'n' -> text.append('\n');
            case 't' -> text.append('\t');
            case 'r' -> text.append('\r');
            case '0' -> text.append('\0');
            case '\n' -> { } // a line continued inside the literal
            case '\r' -> i += i < n && s.charAt(i) == '\n' ? 1 : 0;
            case 'u' -> text.append(hex(4, next));
            case 'x' -> text.append(hex(2, next));
            case '\\', '\'', '"', '`', '$', '{', '}', '#' -> text.append(next);
            default -> text.append('\\').append(next); // as Python keeps an unknown escape
        }
    }

    private String hex(int digits, char letter) {
        if (i + digits <= n) {
            try {
                String h = s.substring(i, i + digits);
                int v = Integer.parseInt(h, 16);
                i += digits;
                return String.valueOf((char) v);
            } catch (NumberFormatException e) {
                // not an escape after all: keep it as written
            }
        }
        return "\\" + letter;
    }

    private boolean interpolation(Interp interp, int braces, StringBuilder text, List<Part> parts) {
        switch (interp) {
            case NONE -> {
                return false;
            }
            case DOLLAR_BRACE -> {
                return at("${") && expression(2, text, parts);
            }
            case HASH_BRACE -> {
                return at("#{") && expression(2, text, parts);
            }
            case BRACE -> {
                String open = "{".repeat(braces);
                if (braces == 1 && (at("{{") || at("}}"))) {
                    text.append(s.charAt(i));
                    i += 2;
                    return true;
                }
                return at(open) && !s.startsWith("{", i + braces) && expression(braces, text, parts, braces);
            }
            case KOTLIN -> {
                return at("${") ? expression(2, text, parts) : dollarName(text, parts, false);
            }
            case PHP -> {
                if (at("{$")) {
                    return expression(1, text, parts);
                }
                return at("${") ? expression(2, text, parts) : dollarName(text, parts, true);
            }
            default -> throw new IllegalStateException(interp.name());
        }
    }

    private boolean dollarName(StringBuilder text, List<Part> parts, boolean php) {
        if (peek(0) != '$' || !(Character.isLetter(peek(1)) || peek(1) == '_')) {
            return false;
        }
        int start = i + 1;
        int end = start;
        while (end < n && (Character.isLetterOrDigit(s.charAt(end)) || s.charAt(end) == '_')) {
            end++;
        }
        if (php && s.startsWith("->", end) && end + 2 < n && Character.isLetter(s.charAt(end + 2))) {
            end += 2;
            while (end < n && (Character.isLetterOrDigit(s.charAt(end)) || s.charAt(end) == '_')) {
                end++;
            }
        }
        flush(text, parts);
        parts.add(Part.code(s.substring(php ? i : start, end)));
        i = end;
        return true;
    }

    private boolean expression(int open, StringBuilder text, List<Part> parts) {
        return expression(open, text, parts, 1);
    }

    /** Reads an interpolated expression up to its closing brace(s), past nested brackets and strings. */
    private boolean expression(int open, StringBuilder text, List<Part> parts, int closeBraces) {
        int start = i + open;
        int end = exprEnd(start);
        flush(text, parts);
        parts.add(Part.code(s.substring(start, Math.min(end, n)).trim()));
        i = Math.min(n, end + closeBraces);
        return true;
    }

    /** The offset of the brace that closes an expression starting at {@code from}. */
    protected final int exprEnd(int from) {
        int level = 0;
        int k = from;
        while (k < n) {
            char c = s.charAt(k);
            if (c == '{' || c == '(' || c == '[') {
                level++;
            } else if (c == '}' || c == ')' || c == ']') {
                if (level == 0) {
                    return k;
                }
                level--;
            } else if (c == '"' || c == '\'' || c == '`') {
                k = skipQuoted(k);
                continue;
            }
            k++;
        }
        return n;
    }

    /** Past a quoted string inside an interpolated expression (a template may nest ${...} of its own). */
    private int skipQuoted(int k) {
        char q = s.charAt(k++);
        while (k < n && s.charAt(k) != q) {
            if (s.charAt(k) == '\\') {
                k++;
            } else if (q == '`' && s.startsWith("${", k)) {
                k = exprEnd(k + 2);
            }
            k++;
        }
        return k + 1;
    }

    /** Reads {@code source[from, to)} as one literal's body: a heredoc's, which its end closes rather than a quote. */
    static List<Part> bodyOf(String source, int from, int to, Esc esc, Interp interp) {
        CodeLexer whole = new CodeLexer(source.substring(0, to)) {
            @Override
            protected boolean comment() {
                return false;
            }

            @Override
            protected boolean literal() {
                return false;
            }
        };
        whole.i = from;
        return whole.body("\0", esc, false, false, interp, 1);
    }

    private static void flush(StringBuilder text, List<Part> parts) {
        if (text.length() > 0) {
            parts.add(Part.literal(text.toString()));
            text.setLength(0);
        }
    }
}
