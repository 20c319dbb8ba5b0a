package dev.ferry.run;

import dev.ferry.plan.Plan;
import dev.ferry.plan.Problem;
import dev.ferry.plan.Resolutions;
import dev.ferry.plan.TablePlan;
import dev.ferry.schema.Column;
import dev.ferry.schema.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Virtual tables: PostgreSQL has no FTS or R*Tree modules, but their rows are data the app wrote.
 * Full-text tables (FTS3/4/5) become plain tables with their rowid as the key (apps join it to
 * their own ids), plus by default a tsvector column with a GIN index for searching; R*Tree tables
 * become plain tables keyed by their id. Their shadow tables (the index storage) are never copied.
 * Full-text tables that keep no text (contentless) or keep another table's (external content),
 * and modules Ferry does not know, are reported instead.
 */
final class VirtualTables {

    static final String ROWID = "rowid";
    private static final Pattern CONTENT = Pattern.compile("\\bcontent\\s*=\\s*(?:'((?:[^']|'')*)'|\"([^\"]*)\"|(\\w+))",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern CONTENTLESS = Pattern.compile("\\bcontentless\\b|\\bcontent\\s*=\\s*''", Pattern.CASE_INSENSITIVE);

    private VirtualTables() {
    }

    /** The virtual tables to copy, each as the plain table it becomes; the rest become problems. */
    static List<Table> asPlainTables(List<Table> virtual, Resolutions resolutions, List<Problem> problems) {
        List<Table> out = new ArrayList<>();
        for (Table t : virtual) {
            String module = t.virtualModule();
            if (module.startsWith("fts")) {
                Table plain = fullText(t, resolutions, problems);
                if (plain != null) {
                    out.add(plain);
                }
            } else if (module.startsWith("rtree")) {
                String r = resolutions.choose(Problem.Kind.VIRTUAL_TABLE, t.name(), null);
                problems.add(new Problem(t.name(), null, Problem.Kind.VIRTUAL_TABLE, 0, r, List.of(t.sql()), r.equals(Problem.SKIP)
                        ? "R*Tree table " + t.name() + " is left out, as you chose; its SQL is in the report."
                        : "R*Tree table " + t.name() + " becomes a plain table keyed by its id, with every box's coordinates "
                        + "(PostgreSQL has no R*Tree; a GiST index on a box or PostGIS geometry column does that job)."));
                if (!r.equals(Problem.SKIP)) {
                    out.add(rtree(t));
                }
            } else if (module.equals("vec0") && !t.columns().isEmpty()) { // read from its storage (sqlite.Vec0)
                String r = resolutions.choose(Problem.Kind.VIRTUAL_TABLE, t.name(), null);
                problems.add(new Problem(t.name(), null, Problem.Kind.VIRTUAL_TABLE, 0, r, List.of(t.sql()), r.equals(Problem.SKIP)
                        ? "sqlite-vec table " + t.name() + " is left out, as you chose; its SQL is in the report."
                        : "sqlite-vec table " + t.name() + " (vec0) becomes a plain table keyed by " + t.columns().get(0).name()
                        + ", its vectors read from sqlite-vec's storage tables: vector(n) columns where the server has "
                        + "pgvector, else real[]."));
                if (!r.equals(Problem.SKIP)) {
                    out.add(vectors(t));
                }
            } else if (module.equals("vec0")) {
                problems.add(new Problem(t.name(), null, Problem.Kind.TABLE_SKIPPED, 0, "skip", List.of(t.sql()),
                        "Virtual table " + t.name() + " (sqlite-vec's vec0: vector embeddings) is not copied, nor its "
                        + "storage tables (" + t.name() + "_chunks, " + t.name() + "_rowids, ...): Ferry reads a vec0 "
                        + "table without sqlite-vec only when it holds float vectors and an integer key and its storage "
                        + "adds up as sqlite-vec documents it, and this one does not. In PostgreSQL the pgvector "
                        + "extension holds vectors (a vector(n) column); an app usually rebuilds embeddings from its own "
                        + "data. Its SQL is in the report."));
            } else {
                problems.add(new Problem(t.name(), null, Problem.Kind.TABLE_SKIPPED, 0, "skip", List.of(t.sql()),
                        "Virtual table " + t.name() + " (module " + module + ") is not copied: its rows come from the "
                        + module + " module, which PostgreSQL does not have" + (t.columns().isEmpty()
                        ? " (nor does the SQLite inside Ferry, so not even its columns can be read)" : "")
                        + ". Its SQL is in the report."));
            }
        }
        return out;
    }

    private static Table fullText(Table t, Resolutions resolutions, List<Problem> problems) {
        String sql = t.sql() == null ? "" : t.sql();
        Matcher content = CONTENT.matcher(sql);
        if (CONTENTLESS.matcher(sql).find()) {
            problems.add(new Problem(t.name(), null, Problem.Kind.TABLE_SKIPPED, 0, "skip", List.of(sql), "Full-text table "
                    + t.name() + " is contentless: SQLite keeps only its search index, not the text, so there is nothing to "
                    + "copy. Its SQL is in the report."));
            return null;
        }
        if (content.find()) {
            String source = content.group(1) != null ? content.group(1) : content.group(2) != null ? content.group(2) : content.group(3);
            problems.add(new Problem(t.name(), null, Problem.Kind.TABLE_SKIPPED, 0, "skip", List.of(sql), "Full-text table "
                    + t.name() + " indexes the text of table " + source + " (external content), which is copied itself; "
                    + "in PostgreSQL search it with to_tsvector(...) @@ to_tsquery(...)."));
            return null;
        }
        String r = resolutions.choose(Problem.Kind.FULL_TEXT_TABLE, t.name(), null);
        problems.add(new Problem(t.name(), null, Problem.Kind.FULL_TEXT_TABLE, 0, r, List.of(sql), switch (r) {
            case Problem.SEARCH -> "Full-text table " + t.name() + " (" + t.virtualModule() + ") becomes a plain table keyed "
                    + "by its rowid, with a column 'search' (tsvector) and a GIN index: query it with "
                    + "search @@ websearch_to_tsquery('simple', 'your words').";
            case Problem.PLAIN -> "Full-text table " + t.name() + " (" + t.virtualModule() + ") becomes a plain table keyed "
                    + "by its rowid, without a search column, as you chose.";
            default -> "Full-text table " + t.name() + " is left out, as you chose; its SQL is in the report.";
        }));
        if (r.equals(Problem.SKIP)) {
            return null;
        }
        List<Column> cols = new ArrayList<>();
        cols.add(new Column(ROWID, 0, "INTEGER", true, null, 1, Column.Generated.NONE, null));
        for (Column c : t.columns()) {
            // FTS ignores declared types: every value is text unless the app stored numbers
            cols.add(new Column(c.name(), cols.size(), c.declaredType(), false, null, 0, Column.Generated.NONE, null));
        }
        return new Table(t.name(), t.sql(), List.copyOf(cols), List.of(ROWID), null, false, false, false,
                t.virtualModule(), List.of(), List.of());
    }

    /** A vec0 table as the plain table its view reads: the key, then each vector as a blob of float32s. */
    private static Table vectors(Table t) {
        List<Column> cols = new ArrayList<>();
        for (Column c : t.columns()) {
            boolean key = cols.isEmpty();
            cols.add(new Column(c.name(), cols.size(), key ? "INTEGER" : "BLOB", true, null, key ? 1 : 0,
                    Column.Generated.NONE, null));
        }
        // read without rowid ranges: the view has none, only its key column
        return new Table(t.name(), t.sql(), List.copyOf(cols), List.of(cols.get(0).name()), null, false, true, false,
                t.virtualModule(), List.of(), List.of());
    }

    private static Table rtree(Table t) {
        List<Column> cols = new ArrayList<>();
        boolean integers = t.virtualModule().equals("rtree_i32");
        for (Column c : t.columns()) {
            boolean id = cols.isEmpty(), auxiliary = c.name().startsWith("+");
            String type = id ? "INTEGER" : auxiliary ? c.declaredType() : integers ? "INTEGER" : "REAL";
            cols.add(new Column(auxiliary ? c.name().substring(1) : c.name(), cols.size(), type, id, null, id ? 1 : 0,
                    Column.Generated.NONE, null));
        }
        return new Table(t.name(), t.sql(), List.copyOf(cols), List.of(cols.get(0).name()), null, false, false, false,
                t.virtualModule(), List.of(), List.of());
    }

    /** Whether the plan gives this (full-text) table a search column. */
    static boolean searchable(Plan plan, TablePlan t) {
        String module = t.source().virtualModule();
        return module != null && module.toLowerCase(Locale.ROOT).startsWith("fts") && plan.problems().stream()
                .anyMatch(p -> p.kind() == Problem.Kind.FULL_TEXT_TABLE && p.table().equals(t.source().name())
                        && Problem.SEARCH.equals(p.resolution()));
    }
}
