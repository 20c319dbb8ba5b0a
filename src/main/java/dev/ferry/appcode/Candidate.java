package dev.ferry.appcode;

import java.util.List;
import java.util.function.Function;

/**
 * A string in the app's source that may be a SQL statement: where it starts (the file relative to
 * the app's folder, the 1-based line of the literal's first character), its text, and the language
 * it was written in. Adjacent literals the code joins ({@code "a" "b"}, {@code "a" + "b"}) are one
 * candidate. A candidate is {@code dynamic} when a part of it comes from code at run time (a
 * variable joined in, an f-string's or a template's interpolation, a format call): its text shows
 * each such part as {@code {expr}} (a format call's arguments are not shown: they fill the holes the
 * literal already has, {@code %s} or {@code {}}), and {@link #parts()} keeps them apart, so a later
 * step can say which part a person must look at.
 */
public record Candidate(String file, int line, String text, boolean dynamic, String language, List<Part> parts) {

    /** One piece of a candidate: text the source spells out, or an expression the code fills in. */
    public record Part(String text, Kind kind) {

        public enum Kind {
            /** Text written in the literal itself. */
            LITERAL,
            /** An expression whose value is pasted into the SQL text (dynamic SQL). */
            INTERPOLATED,
            /** A tagged template's expression that the tag's library sends as a bound parameter, not as text. */
            BOUND
        }

        public static Part literal(String text) {
            return new Part(text, Kind.LITERAL);
        }

        public static Part code(String expr) {
            return new Part(expr, Kind.INTERPOLATED);
        }

        public boolean isCode() {
            return kind != Kind.LITERAL;
        }
    }

    public Candidate {
        parts = List.copyOf(parts);
    }

    /** A candidate whose whole text is written out in the source (a .sql statement, a plain literal). */
    public Candidate(String file, int line, String text, boolean dynamic, String language) {
        this(file, line, text, dynamic, language, List.of(Part.literal(text)));
    }

    /**
     * The text with each code part written by {@code code}: e.g. a placeholder name, so a parser
     * can read a dynamic statement's shape. Bound parts are parameters and read as {@code ?}.
     */
    public String render(Function<String, String> code) {
        StringBuilder sb = new StringBuilder();
        for (Part p : parts) {
            switch (p.kind()) {
                case LITERAL -> sb.append(p.text());
                case INTERPOLATED -> sb.append(code.apply(p.text()));
                case BOUND -> sb.append('?');
            }
        }
        return sb.toString();
    }

    @Override
    public String toString() {
        return file + ":" + line + (dynamic ? " (dynamic) " : " ") + text;
    }
}
