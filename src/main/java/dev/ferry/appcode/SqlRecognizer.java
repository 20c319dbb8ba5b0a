package dev.ferry.appcode;

import dev.ferry.sqlite.SqlLexer;
import dev.ferry.sqlite.SqlLexer.Token;
import dev.ferry.translate.SqlParser;
import dev.ferry.translate.SqlStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recognises a statement by reading it with the translator's SQLite grammar, not by its first
 * word: "Select your team!" does not parse, so it is not SQL. The grammar reads SELECT, INSERT,
 * UPDATE and DELETE (what an app's queries are); the other statements an app sends (its schema,
 * PRAGMA, VACUUM, transactions) are recognised by their fixed opening words, which prose does not
 * have ("Create a team" is not "CREATE TABLE"). A dynamic candidate is read with a parameter in
 * place of each part its code fills in, or failing that with a name there (a table chosen at run
 * time), and so are a format call's holes ({@code %s}, {@code {}}).
 */
public final class SqlRecognizer implements StatementRecognizer {

    /** What Ferry read: the text it parsed, and the tree when the grammar reads this kind ({@code kind} says which). */
    public record Reading(String text, SqlStatement tree, String kind) {
    }

    private static final Pattern HOLES = Pattern.compile("(?<!%)%[sdvq]|\\{\\d*\\}");

    @Override
    public boolean isStatement(Candidate candidate) {
        return read(candidate).isPresent();
    }

    public static Optional<Reading> read(Candidate c) {
        if (!StatementRecognizer.KEYWORDS.isStatement(c)) {
            return Optional.empty(); // the cheap filter first: most strings are not SQL at all
        }
        if (!c.dynamic()) {
            return read(c.text());
        }
        List<String> pieces = new ArrayList<>(); // literal text, with a null for each slot the code fills
        boolean format = c.parts().stream().anyMatch(p -> !p.isCode() && HOLES.matcher(p.text()).find());
        for (Candidate.Part p : c.parts()) {
            if (p.kind() == Candidate.Part.Kind.BOUND) {
                pieces.add("?");
            } else if (p.isCode()) {
                if (!format) { // a format call's arguments fill the holes its literal already has
                    pieces.add(null);
                }
            } else {
                Matcher m = HOLES.matcher(p.text());
                int at = 0;
                while (m.find()) {
                    pieces.add(p.text().substring(at, m.start()).replace("%%", "%"));
                    pieces.add(null);
                    at = m.end();
                }
                pieces.add(p.text().substring(at).replace(format ? "%%" : "\0", format ? "%" : "\0"));
            }
        }
        int slots = (int) pieces.stream().filter(x -> x == null).count();
        // each slot is a value (a parameter), a name (a table, a column) or a keyword Ferry cannot see (nothing)
        int tries = slots > 5 ? 3 : (int) Math.pow(FILLS.length, slots);
        for (int k = 0; k < tries; k++) {
            StringBuilder sb = new StringBuilder();
            int code = k;
            for (String piece : pieces) {
                if (piece != null) {
                    sb.append(piece);
                } else {
                    sb.append(FILLS[slots > 5 ? k : code % FILLS.length]);
                    code /= FILLS.length;
                }
            }
            Optional<Reading> r = read(sb.toString());
            if (r.isPresent()) {
                return r;
            }
        }
        return Optional.empty();
    }

    private static final String[] FILLS = {"?", "ferry_part", ""};

    static Optional<Reading> read(String text) {
        try {
            SqlStatement s = SqlParser.parse(text);
            return Optional.of(new Reading(text, s, kind(s)));
        } catch (RuntimeException notParsed) {
            String other = other(text);
            return other == null ? Optional.empty() : Optional.of(new Reading(text, null, other));
        }
    }

    private static String kind(SqlStatement s) {
        if (s instanceof SqlStatement.Insert) {
            return "INSERT";
        } else if (s instanceof SqlStatement.Update) {
            return "UPDATE";
        } else if (s instanceof SqlStatement.Delete) {
            return "DELETE";
        } else if (s instanceof SqlStatement.CreateView) {
            return "CREATE VIEW";
        } else if (s instanceof SqlStatement.CreateTrigger) {
            return "CREATE TRIGGER";
        }
        return "SELECT";
    }

    private static final Set<String> OBJECTS = Set.of("TABLE", "INDEX", "VIEW", "TRIGGER");

    /** The kind of a statement the grammar does not read, by its opening words; null when it is none. */
    static String other(String text) {
        List<Token> t;
        try {
            t = SqlLexer.tokens(text);
        } catch (RuntimeException e) {
            return null;
        }
        t = t.stream().filter(x -> x.type() != SqlLexer.Type.SEMI).toList();
        if (t.isEmpty() || t.get(0).type() != SqlLexer.Type.WORD) {
            return null;
        }
        String first = t.get(0).value().toUpperCase(Locale.ROOT);
        String second = t.size() > 1 ? t.get(1).value().toUpperCase(Locale.ROOT) : "";
        String third = t.size() > 2 ? t.get(2).value().toUpperCase(Locale.ROOT) : "";
        return switch (first) {
            case "CREATE" -> {
                String what = Set.of("UNIQUE", "TEMP", "TEMPORARY", "VIRTUAL").contains(second) ? third : second;
                yield OBJECTS.contains(what) && t.size() > 3 ? "CREATE " + what : null;
            }
            case "DROP" -> OBJECTS.contains(second) && t.size() > 2 ? "DROP " + second : null;
            case "ALTER" -> second.equals("TABLE") && t.size() > 3 ? "ALTER TABLE" : null;
            case "PRAGMA" -> t.size() > 1 && t.get(1).isName() && (t.size() == 2 || t.size() == 4 && t.get(2).isOp("=")
                    || t.size() == 4 && t.get(1 + 1).type() == SqlLexer.Type.DOT
                    || t.size() == 5 && t.get(2).type() == SqlLexer.Type.LPAREN) ? "PRAGMA" : null;
            case "VACUUM" -> t.size() == 1 || second.equals("INTO") && t.size() == 3 ? "VACUUM" : null;
            case "ANALYZE", "REINDEX" -> t.size() <= 2 ? first : null;
            case "BEGIN", "COMMIT", "END", "ROLLBACK" -> t.size() <= 3 ? "TRANSACTION" : null;
            case "SAVEPOINT", "RELEASE" -> t.size() <= 3 ? "TRANSACTION" : null;
            case "ATTACH", "DETACH" -> t.stream().anyMatch(x -> x.is("AS")) || first.equals("DETACH") ? first : null;
            default -> null;
        };
    }
}
