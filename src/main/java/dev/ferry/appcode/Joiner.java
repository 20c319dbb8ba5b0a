package dev.ferry.appcode;

import dev.ferry.appcode.Candidate.Part;
import dev.ferry.appcode.Token.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Turns a file's tokens into candidates: literals the code joins into one string become one
 * candidate ({@code "a" "b"} in Python and Ruby, {@code "a" + "b"} everywhere); a literal joined
 * with anything else ({@code "SELECT * FROM " + table}), interpolated, or filled by a format call
 * ({@code "... %s" % x}, {@code fmt.Sprintf}, {@code .format(...)}) is dynamic. A Python string
 * alone on its logical line is a docstring or a no-op, never run, so it is left out.
 */
final class Joiner {

    /** Template tags whose libraries send each {@code ${expr}} as a parameter, never as text. */
    private static final Set<String> BINDING_TAGS = Set.of("sql", "SQL", "$queryRaw", "$executeRaw");
    /** Operators that may sit inside one operand ({@code user.name}, {@code a->b}) rather than between two. */
    private static final Set<String> MEMBER_OPS = Set.of(".", "->", "::", "?.", "!!", "!");
    /** Operators that append to a variable: a literal after one is the tail of a statement built at run time. */
    private static final Set<String> APPENDS = Set.of("+=", ".=", "<<");

    private final List<Token> toks;
    private final String source;
    private final Language lang;
    private final String file;
    private final Lines lines;

    private Joiner(List<Token> toks, String source, Language lang, String file) {
        this.toks = toks;
        this.source = source;
        this.lang = lang;
        this.file = file;
        this.lines = new Lines(source);
    }

    static List<Candidate> candidates(String source, Language lang, String file) {
        return new Joiner(lang.tokens(source), source, lang, file).join();
    }

    private List<Candidate> join() {
        List<Candidate> out = new ArrayList<>();
        int k = 0;
        while (k < toks.size()) {
            if (toks.get(k).kind() != Kind.STRING) {
                k++;
                continue;
            }
            List<Part> parts = new ArrayList<>();
            boolean formatted = false;
            Token prev = k > 0 ? toks.get(k - 1) : null;
            if (prev != null && prev.kind() == Kind.OP && (APPENDS.contains(prev.text()) || lang.concat.contains(prev.text()))
                    && k > 1) {
                parts.add(Part.code(toks.get(k - 2).text()));
            }
            parts.addAll(literalParts(k));
            int j = k + 1;
            while (j < toks.size()) {
                Token t = toks.get(j);
                if (t.kind() == Kind.STRING && lang.adjacentJoin) {
                    parts.addAll(literalParts(j));
                    j++;
                } else if (t.kind() == Kind.OP && lang.concat.contains(t.text()) && j + 1 < toks.size()) {
                    if (toks.get(j + 1).kind() == Kind.STRING) {
                        parts.addAll(literalParts(j + 1));
                        j += 2;
                    } else {
                        int end = operandEnd(j + 1);
                        if (end == j + 1) {
                            break;
                        }
                        parts.add(Part.code(text(j + 1, end)));
                        j = end;
                    }
                } else {
                    break;
                }
            }
            String text = render(parts);
            // "...%s" % (x,) and "...{}".format(x): the literal keeps its holes, the arguments are code
            if (j < toks.size() && toks.get(j).kind() == Kind.OP && lang.formatOperators.contains(toks.get(j).text())) {
                int end = operandEnd(j + 1);
                parts.add(Part.code(text(j + 1, end)));
                formatted = true;
                j = end;
            } else if (j + 2 < toks.size() && toks.get(j).is(Kind.OP, ".") && toks.get(j + 2).is(Kind.OPEN, "(")
                    && lang.formatCalls.contains(toks.get(j + 1).text())) {
                int close = closing(j + 2);
                parts.add(Part.code(text(j + 3, close)));
                formatted = true;
                j = close;
            } else if (k >= 2 && toks.get(k - 1).is(Kind.OPEN, "(") && lang.formatCalls.contains(toks.get(k - 2).text())
                    && j < toks.size() && toks.get(j).is(Kind.SEP, ",")) {
                int close = closing(k - 1);
                parts.add(Part.code(text(j + 1, close)));
                formatted = true;
            }
            boolean alone = lang == Language.PYTHON && (k == 0 || toks.get(k - 1).kind() == Kind.BREAK)
                    && (j >= toks.size() || toks.get(j).kind() == Kind.BREAK);
            if (!alone) {
                boolean dynamic = formatted || parts.stream().anyMatch(p -> p.kind() == Part.Kind.INTERPOLATED);
                out.add(new Candidate(file, lines.lineOf(toks.get(k).start()), text, dynamic, lang.label(), withoutEmpty(parts)));
            }
            k = Math.max(j, k + 1);
        }
        return out;
    }

    /** A literal's parts; a JavaScript template after a binding tag has parameters, not interpolations. */
    private List<Part> literalParts(int k) {
        Token t = toks.get(k);
        boolean bound = lang == Language.JAVASCRIPT && t.text().startsWith("`") && k > 0
                && toks.get(k - 1).kind() == Kind.WORD && BINDING_TAGS.contains(toks.get(k - 1).text())
                && toks.get(k - 1).end() == t.start();
        if (!bound) {
            return t.parts();
        }
        return t.parts().stream().map(p -> p.kind() == Part.Kind.INTERPOLATED ? new Part(p.text(), Part.Kind.BOUND) : p).toList();
    }

    /** Where an operand that starts at {@code from} ends: at the next join, separator or closing bracket. */
    private int operandEnd(int from) {
        int level = 0;
        int m = from;
        while (m < toks.size()) {
            Token t = toks.get(m);
            if (level == 0) {
                boolean stop = t.kind() == Kind.SEP || t.kind() == Kind.BREAK || t.kind() == Kind.CLOSE
                        || (t.kind() == Kind.OP && (lang.concat.contains(t.text()) || !MEMBER_OPS.contains(t.text())))
                        || (t.kind() == Kind.STRING && m > from);
                if (stop) {
                    break;
                }
            }
            if (t.kind() == Kind.OPEN) {
                level++;
            } else if (t.kind() == Kind.CLOSE) {
                level--;
            }
            m++;
        }
        return m;
    }

    /** The index of the bracket that closes the one at {@code open}. */
    private int closing(int open) {
        int level = 0;
        for (int m = open; m < toks.size(); m++) {
            if (toks.get(m).kind() == Kind.OPEN) {
                level++;
            } else if (toks.get(m).kind() == Kind.CLOSE && --level == 0) {
                return m;
            }
        }
        return toks.size();
    }

    /** The source text of tokens [from, to), as written. */
    private String text(int from, int to) {
        if (from >= to || from >= toks.size()) {
            return "";
        }
        return source.substring(toks.get(from).start(), toks.get(Math.min(to, toks.size()) - 1).end()).strip();
    }

    private static String render(List<Part> parts) {
        StringBuilder sb = new StringBuilder();
        for (Part p : parts) {
            switch (p.kind()) {
                case LITERAL -> sb.append(p.text());
                case INTERPOLATED -> sb.append('{').append(p.text()).append('}');
                case BOUND -> sb.append('?');
            }
        }
        return sb.toString();
    }

    /** The parts, each literal as written (so a part's line breaks are its literal's), minus empty ones. */
    private static List<Part> withoutEmpty(List<Part> parts) {
        return parts.stream().filter(p -> p.kind() != Part.Kind.LITERAL || !p.text().isEmpty()).toList();
    }
}
