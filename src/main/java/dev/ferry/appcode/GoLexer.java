package dev.ferry.appcode;

/** Go: // and /* comments; "..." with escapes; `raw` strings without any; 'r' runes. */
final class GoLexer extends CodeLexer {

    GoLexer(String source) {
        super(source);
    }

    @Override
    protected boolean comment() {
        return lineComment("//") || blockComment("/*", "*/", false);
    }

    @Override
    protected boolean literal() {
        char c = s.charAt(i);
        int start = i;
        if (c == '"') {
            i++;
            string(start, body("\"", Esc.DECODE, false, true, Interp.NONE, 1));
        } else if (c == '`') {
            i++;
            string(start, body("`", Esc.NONE, false, false, Interp.NONE, 1));
        } else if (c == '\'') {
            charLiteral();
        } else {
            return false;
        }
        return true;
    }
}
