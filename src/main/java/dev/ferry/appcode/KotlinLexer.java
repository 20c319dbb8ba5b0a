package dev.ferry.appcode;

/**
 * Kotlin: // and nested /* comments; "..." with escapes and """raw""" strings without, both with
 * {@code $name} and {@code ${expr}} templates; 'c' characters.
 */
final class KotlinLexer extends CodeLexer {

    KotlinLexer(String source) {
        super(source);
    }

    @Override
    protected boolean comment() {
        return lineComment("//") || blockComment("/*", "*/", true);
    }

    @Override
    protected boolean literal() {
        char c = s.charAt(i);
        int start = i;
        if (at("\"\"\"")) {
            i += 3;
            string(start, body("\"\"\"", Esc.NONE, false, false, Interp.KOTLIN, 1));
        } else if (c == '"') {
            i++;
            string(start, body("\"", Esc.DECODE, false, true, Interp.KOTLIN, 1));
        } else if (c == '\'') {
            charLiteral();
        } else {
            return false;
        }
        return true;
    }
}
