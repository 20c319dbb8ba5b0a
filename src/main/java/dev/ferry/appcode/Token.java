package dev.ferry.appcode;

import java.util.List;

/**
 * What a language's lexer hands the joiner: string literals (with their parts) and just enough of
 * the code around them (words, operators, brackets, separators) to see which literals the code
 * joins and which it joins with a variable. Comments and white space are gone.
 */
record Token(Kind kind, String text, int start, List<Candidate.Part> parts) {

    enum Kind { STRING, WORD, OP, OPEN, CLOSE, SEP, BREAK }

    /** A literal; {@code source} is the literal as written, so the joiner can quote code around it. */
    static Token string(int start, String source, List<Candidate.Part> parts) {
        return new Token(Kind.STRING, source, start, List.copyOf(parts));
    }

    int end() {
        return start + text.length();
    }

    static Token of(Kind kind, String text, int start) {
        return new Token(kind, text, start, List.of());
    }

    boolean is(Kind k, String t) {
        return kind == k && text.equals(t);
    }
}
