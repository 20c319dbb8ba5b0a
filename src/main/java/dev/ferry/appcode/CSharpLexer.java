package dev.ferry.appcode;

/**
 * C#: // and /* comments; "..." with escapes; @"verbatim" (a doubled quote is a quote); $"..."
 * with {@code {expr}} interpolations ({@code {{} is a brace), also as $@ and @$; raw strings of
 * three or more quotes, interpolated with as many braces as the literal has dollars; 'c' characters.
 */
final class CSharpLexer extends CodeLexer {

    CSharpLexer(String source) {
        super(source);
    }

    @Override
    protected boolean comment() {
        return lineComment("//") || blockComment("/*", "*/", false);
    }

    @Override
    protected boolean literal() {
        int start = i;
        int k = i;
        int dollars = 0;
        boolean verbatim = false;
        while (k < n && (s.charAt(k) == '$' || s.charAt(k) == '@')) {
            if (s.charAt(k) == '$') {
                dollars++;
            } else {
                verbatim = true;
            }
            k++;
        }
        if (k < n && s.charAt(k) == '\'' && k == i) {
            charLiteral();
            return true;
        }
        if (k >= n || s.charAt(k) != '"') {
            return false;
        }
        int quotes = 0;
        while (k + quotes < n && s.charAt(k + quotes) == '"') {
            quotes++;
        }
        Interp interp = dollars > 0 ? Interp.BRACE : Interp.NONE;
        if (quotes >= 3 && !verbatim) {
            i = k + quotes;
            string(start, body("\"".repeat(quotes), Esc.NONE, false, false, interp, Math.max(1, dollars)));
        } else if (quotes == 2 && !verbatim) {
            i = k + 2; // the empty string ""
            string(start, java.util.List.of(Candidate.Part.literal("")));
        } else {
            i = k + 1;
            string(start, verbatim ? body("\"", Esc.NONE, true, false, interp, 1)
                    : body("\"", Esc.DECODE, false, true, interp, 1));
        }
        return true;
    }
}
