package dev.ferry.appcode;

/**
 * PHP: only what lies between {@code <?php} and {@code ?>} is code (the rest is the page); #, //
 * and /* comments ({@code #[} is an attribute); '...' (only \\ and \' are escapes); "..." with
 * escapes and {@code $var}, {@code {$expr}} interpolations; heredocs {@code <<<SQL} (interpolated)
 * and nowdocs {@code <<<'SQL'}, whose closing name may be indented.
 */
final class PhpLexer extends CodeLexer {

    private boolean inCode;

    PhpLexer(String source) {
        super(source);
    }

    @Override
    protected boolean comment() {
        if (!inCode) {
            int open = s.indexOf("<?", i);
            if (open < 0) {
                i = n;
            } else {
                i = s.startsWith("<?php", open) ? open + 5 : s.startsWith("<?=", open) ? open + 3 : open + 2;
                inCode = true;
            }
            return true;
        }
        if (at("?>")) {
            inCode = false;
            i += 2;
            out.add(Token.of(Token.Kind.SEP, ";", i - 2)); // ?> ends a statement as ; does
            return true;
        }
        if (at("#") && !at("#[")) {
            return lineComment("#");
        }
        return lineComment("//") || blockComment("/*", "*/", false);
    }

    @Override
    protected boolean literal() {
        char c = s.charAt(i);
        int start = i;
        if (c == '\'') {
            i++;
            string(start, body("'", Esc.QUOTE_ONLY, false, false, Interp.NONE, 1));
        } else if (c == '"') {
            i++;
            string(start, body("\"", Esc.DECODE, false, false, Interp.PHP, 1));
        } else if (at("<<<")) {
            return heredoc();
        } else {
            return false;
        }
        return true;
    }

    private boolean heredoc() {
        int start = i;
        int k = i + 3;
        while (k < n && (s.charAt(k) == ' ' || s.charAt(k) == '\t')) {
            k++;
        }
        boolean nowdoc = k < n && s.charAt(k) == '\'';
        boolean quoted = nowdoc || (k < n && s.charAt(k) == '"');
        int nameStart = quoted ? k + 1 : k;
        int nameEnd = nameStart;
        while (nameEnd < n && (Character.isLetterOrDigit(s.charAt(nameEnd)) || s.charAt(nameEnd) == '_')) {
            nameEnd++;
        }
        if (nameEnd == nameStart) {
            return false;
        }
        String name = s.substring(nameStart, nameEnd);
        int eol = s.indexOf('\n', nameEnd);
        if (eol < 0) {
            return false;
        }
        // the body ends at the first line whose text, after its indentation, is the name
        int lineStart = eol + 1;
        int bodyEnd = n;
        int resume = n;
        while (lineStart < n) {
            int t = lineStart;
            while (t < n && (s.charAt(t) == ' ' || s.charAt(t) == '\t')) {
                t++;
            }
            if (s.startsWith(name, t) && (t + name.length() >= n || !isWordPart(s.charAt(t + name.length())))) {
                bodyEnd = Math.max(eol + 1, lineStart - 1);
                resume = t + name.length();
                break;
            }
            int next = s.indexOf('\n', lineStart);
            lineStart = next < 0 ? n : next + 1;
        }
        java.util.List<Candidate.Part> parts = bodyOf(s, eol + 1, bodyEnd, nowdoc ? Esc.NONE : Esc.DECODE,
                nowdoc ? Interp.NONE : Interp.PHP);
        i = resume;
        string(start, parts);
        return true;
    }
}
