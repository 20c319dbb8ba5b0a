package dev.ferry.appcode;

import dev.ferry.sqlite.SqlLexer;
import dev.ferry.sqlite.SqlLexer.Token;
import dev.ferry.sqlite.SqlLexer.Type;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits a .sql file into statements on the semicolons SQLite itself would stop at: not those
 * inside strings, quoted names or comments (the project's SQLite tokenizer sees to that), and not
 * those inside a trigger's BEGIN ... END body, where a CASE ... END does not end the body either.
 * Each statement starts at its first token, so a comment above it does not move its line.
 */
final class SqlFileSplitter {

    private SqlFileSplitter() {
    }

    static List<Candidate> statements(String sql, String file) {
        List<Token> tokens;
        try {
            tokens = SqlLexer.tokens(sql);
        } catch (IllegalArgumentException e) {
            // not SQLite's SQL throughout (a psql \command, an unclosed string): the file as one piece,
            // for the recognizer to judge
            String text = sql.strip();
            return text.isEmpty() ? List.of() : List.of(new Candidate(file, new Lines(sql).lineOf(sql.indexOf(text)), text, false,
                    Language.SQL.label()));
        }
        Lines lines = new Lines(sql);
        List<Candidate> out = new ArrayList<>();
        int first = -1;
        boolean trigger = false;
        boolean inBody = false;
        int cases = 0;
        for (int k = 0; k < tokens.size(); k++) {
            Token t = tokens.get(k);
            if (first < 0) {
                if (t.type() == Type.SEMI) {
                    continue;
                }
                first = k;
                trigger = false;
                inBody = false;
                cases = 0;
            }
            if (!trigger && t.is("TRIGGER") && tokens.get(first).is("CREATE")) {
                trigger = true;
            } else if (trigger && !inBody && t.is("BEGIN")) {
                inBody = true;
            } else if (inBody && t.is("CASE")) {
                cases++;
            } else if (inBody && t.is("END")) {
                if (cases > 0) {
                    cases--;
                } else {
                    inBody = false;
                }
            }
            boolean ends = t.type() == Type.SEMI && !inBody;
            if (ends || k == tokens.size() - 1) {
                Token start = tokens.get(first);
                int endOffset = ends ? t.start() : t.end();
                String text = sql.substring(start.start(), endOffset).strip();
                if (!text.isEmpty()) {
                    out.add(new Candidate(file, lines.lineOf(start.start()), text, false, Language.SQL.label()));
                }
                first = -1;
            }
        }
        return out;
    }
}
