package dev.ferry.appcode;

import java.util.Set;

/**
 * JavaScript and TypeScript: // and /* comments; '...' and "..."; template literals whose
 * {@code ${expr}} parts are interpolated. A template right after a name is tagged
 * ({@code sql`...`}): the joiner turns the tag's expressions into bound parameters when the tag is
 * one the SQL libraries use. A regular expression literal is skipped whole, so a quote inside
 * {@code /'/} opens nothing.
 */
final class JavaScriptLexer extends CodeLexer {

    /** Words after which a slash starts a regular expression rather than a division. */
    private static final Set<String> BEFORE_REGEX = Set.of("return", "typeof", "case", "in", "of", "new", "delete",
            "void", "throw", "yield", "await", "else", "do");

    JavaScriptLexer(String source) {
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
        if (c == '\'' || c == '"') {
            i++;
            string(start, body(String.valueOf(c), Esc.DECODE, false, true, Interp.NONE, 1));
            return true;
        }
        if (c == '`') {
            i++;
            string(start, body("`", Esc.DECODE, false, false, Interp.DOLLAR_BRACE, 1));
            return true;
        }
        return regex(BEFORE_REGEX);
    }
}
