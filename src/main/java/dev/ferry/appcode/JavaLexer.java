package dev.ferry.appcode;

/**
 * Java: // and /* comments; "..." with escapes; """ text blocks, whose incidental indentation is
 * removed as the compiler removes it; 'c' characters.
 */
final class JavaLexer extends CodeLexer {

    JavaLexer(String source) {
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
        if (at("\"\"\"")) {
            i += 3;
            // the text block's content begins after the line break that follows its opener
            while (i < n && s.charAt(i) != '\n') {
                i++;
            }
            i = Math.min(n, i + 1);
            java.util.List<Candidate.Part> parts = body("\"\"\"", Esc.DECODE, false, false, Interp.NONE, 1);
            string(start, java.util.List.of(Candidate.Part.literal(parts.get(0).text().stripIndent())));
        } else if (c == '"') {
            i++;
            string(start, body("\"", Esc.DECODE, false, true, Interp.NONE, 1));
        } else if (c == '\'') {
            charLiteral();
        } else {
            return false;
        }
        return true;
    }
}
