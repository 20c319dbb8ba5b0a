package dev.ferry.run;

import dev.ferry.appcode.Candidate;
import dev.ferry.appcode.SqlRecognizer;
import dev.ferry.sqlite.SqlLexer;
import dev.ferry.translate.AppStatementTranslator;
import dev.ferry.translate.Placeholders;
import dev.ferry.translate.SqlExpr;
import dev.ferry.translate.SqlFrom;
import dev.ferry.translate.SqlParser;
import dev.ferry.translate.SqlScope;
import dev.ferry.translate.SqlSelect;
import dev.ferry.translate.SqlStatement;
import dev.ferry.translate.SqlTranslator;
import dev.ferry.translate.SqlTreeWalk;
import dev.ferry.verify.AppReport;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Decides what one of the app's statements becomes in PostgreSQL: the same text, a translation in
 * the driver's parameter style, or what a person must decide and why. The proof comes after, for
 * the first two only.
 */
final class AppStatements {

    /** A statement's verdict before its proof: {@code numbered} is the PostgreSQL text PREPARE takes. */
    record Verdict(String status, String postgres, String numbered, int parameters, boolean readOnly, String why,
                   SqlStatement tree) {

        static Verdict manual(String why, SqlStatement tree) {
            return new Verdict(AppReport.MANUAL, null, null, 0, false, why, tree);
        }
    }

    /** What to do about a PRAGMA in PostgreSQL, by its name; a name not here gets the general words. */
    private static final Map<String, String> PRAGMAS = Map.ofEntries(
            Map.entry("journal_mode", "nothing needed in PostgreSQL: it always writes ahead to its own log"),
            Map.entry("foreign_keys", "nothing needed: PostgreSQL always enforces foreign keys"),
            Map.entry("synchronous", "nothing needed: PostgreSQL's server setting synchronous_commit decides this"),
            Map.entry("busy_timeout", "nothing needed: PostgreSQL lets many writers work at once; use lock_timeout if you need a limit"),
            Map.entry("cache_size", "nothing needed: PostgreSQL's shared_buffers is set on the server"),
            Map.entry("temp_store", "nothing needed in PostgreSQL"),
            Map.entry("mmap_size", "nothing needed in PostgreSQL"),
            Map.entry("user_version", "keep the schema's version in a table of your own (or a migration tool's)"),
            Map.entry("table_info", "read information_schema.columns instead"),
            Map.entry("integrity_check", "nothing needed: PostgreSQL checks its pages itself (amcheck for more)"),
            Map.entry("optimize", "nothing needed: PostgreSQL's autovacuum analyzes tables"),
            Map.entry("wal_checkpoint", "nothing needed: PostgreSQL checkpoints by itself"));

    private final SqlScope scope;
    private final AppStatementTranslator translator;
    private final Placeholders style;

    AppStatements(SqlScope scope, AppStatementTranslator translator, Placeholders style) {
        this.scope = scope;
        this.translator = translator;
        this.style = style;
    }

    Verdict judge(Candidate c, SqlRecognizer.Reading r) {
        if (c.dynamic()) {
            return Verdict.manual("built from variables at run time: Ferry checked the fixed parts; a person must "
                    + "check what the code puts in", r.tree());
        }
        if (r.tree() == null) {
            return other(r);
        }
        SqlStatement tree = r.tree();
        if (tree instanceof SqlStatement.CreateView || tree instanceof SqlStatement.CreateTrigger) {
            return Verdict.manual("it changes the schema, which Ferry already created in PostgreSQL: run it only "
                    + "on SQLite, or drop it", tree);
        }
        String own = SqlTreeWalk.all(tree, SqlFrom.Table.class).stream().map(t -> t.name().value())
                .filter(n -> n.toLowerCase(Locale.ROOT).startsWith("sqlite_")).findFirst().orElse(null);
        if (own != null) {
            return Verdict.manual(own + " is SQLite's own table, not in PostgreSQL" + (own.equalsIgnoreCase("sqlite_sequence")
                    ? ": to restart an id, use ALTER TABLE ... ALTER COLUMN id RESTART WITH 1" : ": use PostgreSQL's "
                    + "catalog (information_schema) instead"), tree);
        }
        boolean rowid = SqlTreeWalk.all(tree, SqlExpr.Function.class).stream()
                .anyMatch(f -> f.name().is("last_insert_rowid"));
        if (rowid) {
            return Verdict.manual("last_insert_rowid() has no PostgreSQL twin: add RETURNING id to the INSERT and "
                    + "read the id from its result", tree);
        }
        SqlTranslator.Result t = translator.translate(tree, r.text(), scope);
        if (!t.ok()) {
            return Verdict.manual(t.failure(), tree);
        }
        int params = Placeholders.count(tree);
        String numbered;
        String postgres;
        boolean same;
        if (t.params() != null) { // the rewriter numbered the parameters as PostgreSQL does
            numbered = t.sql();
            postgres = style.restyle(numbered, t.params());
            same = tokens(numbered).equals(tokens(Placeholders.NUMBERED.apply(r.text(), tree)));
            if (same) { // the app's own text, as its author wrote it, markers in the driver's style
                numbered = Placeholders.NUMBERED.apply(r.text(), tree);
                postgres = style.apply(r.text(), tree);
            }
        } else { // a translator that keeps SQLite's markers: numbered or restyled on the tree of its text
            same = tokens(t.sql()).equals(tokens(r.text()));
            SqlStatement translatedTree = same ? tree : parseOrNull(t.sql());
            postgres = translatedTree == null ? t.sql() : style.apply(t.sql(), translatedTree);
            numbered = translatedTree == null ? t.sql() : Placeholders.NUMBERED.apply(t.sql(), translatedTree);
        }
        boolean readOnly = tree instanceof SqlSelect;
        return new Verdict(same ? AppReport.UNCHANGED : AppReport.TRANSLATED, postgres, numbered, params, readOnly,
                same ? "PostgreSQL runs the same text with the same meaning" + (params > 0 && !postgres.equals(r.text())
                        ? " (parameter markers in the driver's style)" : "")
                        : "translated for PostgreSQL", tree);
    }

    /** A statement the grammar does not read: what it means for PostgreSQL. */
    private static Verdict other(SqlRecognizer.Reading r) {
        String kind = r.kind();
        String upper = r.text().strip().toUpperCase(Locale.ROOT);
        if (kind.equals("PRAGMA")) {
            List<SqlLexer.Token> t = SqlLexer.tokens(r.text());
            String name = t.size() > 1 ? t.get(t.size() > 3 && t.get(2).type() == SqlLexer.Type.DOT ? 3 : 1).value() : "";
            String todo = PRAGMAS.getOrDefault(name.toLowerCase(Locale.ROOT),
                    "find the PostgreSQL setting that does the same, if any is needed");
            return Verdict.manual("PRAGMA " + name + " is SQLite's own setting, with no PostgreSQL meaning: " + todo
                    + "; remove it when the app talks to PostgreSQL", null);
        }
        if (kind.equals("VACUUM")) {
            return Verdict.manual(upper.contains("INTO") ? "VACUUM INTO writes a copy of the SQLite file: use pg_dump "
                    + "for a copy of PostgreSQL's database" : "VACUUM: PostgreSQL's autovacuum does this by itself; "
                    + "remove it, or keep plain VACUUM outside a transaction", null);
        }
        if (kind.equals("ANALYZE")) {
            return Verdict.manual("ANALYZE: PostgreSQL's autovacuum analyzes tables by itself; the statement also "
                    + "runs there as it is, so it may stay", null);
        }
        if (kind.equals("TRANSACTION")) {
            return Verdict.manual("a transaction statement: the PostgreSQL driver begins and commits transactions "
                    + "its own way (BEGIN IMMEDIATE and EXCLUSIVE are SQLite's only)", null);
        }
        return Verdict.manual("it changes the schema (" + kind + "), which Ferry already created in PostgreSQL: run "
                + "it only on SQLite, or drop it", null);
    }

    /** The statement's words, case and quoting aside, for "is this the same text?". */
    static List<String> tokens(String sql) {
        try {
            return SqlLexer.tokens(sql).stream().filter(t -> t.type() != SqlLexer.Type.SEMI)
                    .map(t -> t.type() == SqlLexer.Type.WORD || t.type() == SqlLexer.Type.QUOTED
                            ? t.value().toLowerCase(Locale.ROOT) : t.text()).toList();
        } catch (RuntimeException e) {
            return List.of(sql);
        }
    }

    private static SqlStatement parseOrNull(String sql) {
        try {
            return SqlParser.parse(sql);
        } catch (RuntimeException e) {
            return null;
        }
    }
}
