package dev.ferry.appcode;

import java.util.Locale;

/**
 * Python: {@code #} comments; '...' and "..." and their triple-quoted forms, with any of the
 * prefixes r, b, u, f (and rb, fr, ...) in either case; an f-string's {@code {expr}} parts are
 * interpolated ({@code {{} is a brace). A line break outside brackets ends a logical line, which
 * the joiner needs: two literals on one logical line are joined, a literal alone on its line is a
 * docstring.
 */
final class PythonLexer extends CodeLexer {

    PythonLexer(String source) {
        super(source);
    }

    @Override
    protected void newline() {
        Token last = last();
        boolean continued = i > 0 && s.charAt(i - 1) == '\\'
                || (i > 1 && s.charAt(i - 1) == '\r' && s.charAt(i - 2) == '\\');
        if (depth == 0 && !continued && last != null && last.kind() != Token.Kind.BREAK) {
            out.add(Token.of(Token.Kind.BREAK, "\n", i));
        }
    }

    @Override
    protected boolean comment() {
        return lineComment("#");
    }

    @Override
    protected boolean literal() {
        int start = i;
        int k = i;
        while (k < n && k - i < 2 && "rRbBuUfF".indexOf(s.charAt(k)) >= 0) {
            k++;
        }
        if (k >= n || (s.charAt(k) != '\'' && s.charAt(k) != '"')) {
            return false;
        }
        String prefix = s.substring(i, k).toLowerCase(Locale.ROOT);
        char q = s.charAt(k);
        boolean triple = s.startsWith(String.valueOf(q).repeat(3), k);
        String closer = triple ? String.valueOf(q).repeat(3) : String.valueOf(q);
        i = k + closer.length();
        Esc esc = prefix.contains("r") ? Esc.KEEP : Esc.DECODE;
        Interp interp = prefix.contains("f") ? Interp.BRACE : Interp.NONE;
        string(start, body(closer, esc, false, !triple, interp, 1));
        return true;
    }
}
