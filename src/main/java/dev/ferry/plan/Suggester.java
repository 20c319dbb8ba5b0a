package dev.ferry.plan;

import dev.ferry.schema.Check;
import dev.ferry.sqlite.ColumnProfile;
import dev.ferry.sqlite.Profiler;
import dev.ferry.sqlite.SqliteSource;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds what Ferry could also do (see {@link Suggestion}) in the planned tables and the data. The
 * plan stays loss-free without any of it; a suggestion is offered only when every value fits it.
 *
 * <p>Each column's test runs first on the table's first rows, which rules most columns out for
 * the price of a glance; the columns left get one scan per table for all their tests together.
 */
public final class Suggester {

    private static final int SAMPLE_ROWS = 2_000;
    /** What an ISO date reads as in SQLite: date() gives it back unchanged (February 30th it moves). */
    static final String ISO_DATE = "typeof({c}) = 'text' AND length({c}) = 10 AND date({c}) = {c} AND {c} >= '0001'";
    /** A JSON array none of whose elements fails {bad}, a test of json_each's columns. */
    private static final String ARRAY_OF = "CASE WHEN typeof({c}) = 'text' AND json_valid({c}) THEN CASE WHEN "
            + "json_type({c}) = 'array' THEN NOT EXISTS (SELECT 1 FROM json_each({c}) WHERE {bad}) "
            + "ELSE 0 END ELSE 0 END"; // nested: SQLite may evaluate both sides of AND, and json_each fails on non-JSON
    /** CHECK (col IN ('a', 'b', ...)), the column quoted any way SQLite takes. */
    private static final Pattern IN_LIST = Pattern.compile(
            "(?is)\\s*(?:\"((?:[^\"]|\"\")+)\"|`([^`]+)`|\\[([^\\]]+)]|([A-Za-z_][A-Za-z0-9_$]*))\\s+IN\\s*\\((.*)\\)\\s*");
    private static final Pattern LABEL = Pattern.compile("\\s*'((?:[^']|'')*)'\\s*(,|$)");

    private final Profiler profiler;

    public Suggester(Profiler profiler) {
        this.profiler = profiler;
    }

    /** A column test waiting for the data's answer, and the suggestion it makes when every value passes. */
    private record Test(ColumnPlan column, String sql, Function<Long, Suggestion> make) {
    }

    /** Suggestions that change a column's type: date, enum, array. */
    public List<Suggestion> columns(List<TablePlan> tables) throws SQLException {
        List<Suggestion> out = new ArrayList<>();
        for (TablePlan t : tables) {
            if (t.source().isVirtual() && !"vec0".equals(t.source().virtualModule())) {
                continue; // a vec0 table's vectors are read from its storage, and offered (and taken) like blobs
            }
            List<Test> tests = new ArrayList<>();
            for (ColumnPlan c : t.columns()) {
                tests.addAll(tests(t, c));
            }
            out.addAll(answer(t, tests));
        }
        return out;
    }

    /** The smallest embedding offered as a vector: 8 float32s. A 16-byte blob is likelier a UUID than 4 floats. */
    static final int MIN_VECTOR_BYTES = 32;

    /**
     * A blob column whose first rows are blobs of one size, a multiple of 4 bytes and at least
     * {@link #MIN_VECTOR_BYTES}: the test that every value has that size.
     */
    private List<Test> vector(TablePlan t, ColumnPlan c) throws SQLException {
        String q = SqliteSource.quote(c.source().name());
        Object[] sizes = profiler.aggregateFirst(t.source(), List.of(new Profiler.Agg(Profiler.Agg.Merge.MIN,
                "min(length(" + q + "))"), new Profiler.Agg(Profiler.Agg.Merge.MAX, "max(length(" + q + "))")), SAMPLE_ROWS);
        if (!(sizes[0] instanceof Number min) || !(sizes[1] instanceof Number max) || min.longValue() != max.longValue()
                || max.longValue() % 4 != 0 || max.longValue() < (t.source().isVirtual() ? 4 : MIN_VECTOR_BYTES)) {
            return List.of();
        }
        long bytes = max.longValue(), n = c.profile().nonNull();
        String name = t.source().name() + "." + c.source().name();
        return List.of(new Test(c, "typeof({c}) = 'blob' AND length({c}) = " + bytes, x -> new Suggestion(
                Suggestion.Kind.VECTOR, t.source().name(), c.source().name(), "Make " + name + " a vector(" + bytes / 4
                + ") column when the server has pgvector, else real[], instead of bytea (each blob read as "
                + bytes / 4 + " float32s).", String.format("All %,d value%s %s blob%s of exactly %,d bytes, the size of %d "
                + "float32s: what an embedding stored by numpy or sqlite-vec looks like.", n, n == 1 ? "" : "s",
                n == 1 ? "is a" : "are", n == 1 ? "" : "s", bytes, bytes / 4), List.of(Long.toString(bytes / 4)), false)));
    }

    private List<Test> tests(TablePlan t, ColumnPlan c) throws SQLException {
        ColumnProfile p = c.profile();
        PgType.Kind kind = c.type().kind();
        if (kind == PgType.Kind.BYTEA && c.fix() == null && c.copied() && p != null && p.onlyBlobs() && p.nonNull() > 0) {
            return vector(t, c);
        }
        boolean plain = c.fix() == null && c.copied() && !c.identity() && c.collation() == null && p != null && p.onlyText()
                && (kind == PgType.Kind.TEXT || kind == PgType.Kind.VARCHAR || kind == PgType.Kind.JSONB)
                && c.conversion() == TypeRule.Conversion.AS_IS;
        if (!plain) {
            return List.of();
        }
        List<Test> tests = new ArrayList<>();
        String name = t.source().name() + "." + c.source().name();
        long n = p.nonNull();
        if (kind != PgType.Kind.JSONB && n > 0) {
            tests.add(new Test(c, ISO_DATE, x -> new Suggestion(Suggestion.Kind.DATE, t.source().name(), c.source().name(),
                    "Make " + name + " a date column instead of " + c.type().sql() + ".",
                    String.format("All %,d value%s %s a date written YYYY-MM-DD.", n, n == 1 ? "" : "s", n == 1 ? "is" : "are"),
                    List.of(), false)));
        }
        List<String> labels = kind == PgType.Kind.JSONB ? null : labels(t, c);
        if (labels != null) {
            String list = String.join(", ", labels.stream().map(Suggester::literal).toList());
            tests.add(new Test(c, "typeof({c}) = 'text' AND {c} IN (" + list + ")", x -> new Suggestion(Suggestion.Kind.ENUM,
                    t.source().name(), c.source().name(), "Make " + name + " an enum type with the values " + list
                    + " (the CHECK stays; the values then sort in this order, not alphabetically).",
                    String.format("Its CHECK allows only these %d values%s.", labels.size(), n == 0 ? ""
                            : String.format(", and all %,d value%s in the file %s among them", n, n == 1 ? "" : "s",
                            n == 1 ? "is" : "are")), labels, false)));
        }
        if (n > 0) {
            // whole numbers first: an array of only those is bigint[]; with fractions, double precision[], whose
            // numbers must be doubles (integers beyond 2^53 would be rounded, a real beyond range is infinity)
            for (String[] element : new String[][] {{"type NOT IN ('integer', 'null')", "bigint[]", "whole numbers"},
                    {"type NOT IN ('integer', 'real', 'null') OR type = 'integer' AND abs(value) > 9007199254740992 "
                            + "OR type = 'real' AND NOT abs(value) <= 1.7976931348623157e308", "double precision[]", "numbers"},
                    {"type NOT IN ('text', 'null')", "text[]", "text"}}) {
                tests.add(new Test(c, ARRAY_OF.replace("{bad}", element[0]), x -> new Suggestion(Suggestion.Kind.ARRAY,
                        t.source().name(), c.source().name(), "Make " + name + " a " + element[1] + " array instead of "
                        + c.type().sql() + " (the app then reads a PostgreSQL array, not JSON text).",
                        String.format("All %,d value%s %s JSON array%s of %s.", n, n == 1 ? "" : "s", n == 1 ? "is a" : "are",
                                n == 1 ? "" : "s", element[2]), List.of(element[1]), false)));
            }
        }
        return tests;
    }

    /**
     * The tests' answers: each one first on the table's first rows, then those still standing in one
     * scan; an array's element kinds are alternatives, the first that fits is offered.
     */
    private List<Suggestion> answer(TablePlan t, List<Test> tests) throws SQLException {
        List<Test> standing = new ArrayList<>();
        for (Test test : tests) {
            String sql = test.sql().replace("{c}", SqliteSource.quote(test.column().source().name()));
            if (profiler.misfitsInFirst(t.source(), test.column().source().name(), sql, SAMPLE_ROWS) == 0) {
                standing.add(test);
            }
        }
        if (standing.isEmpty()) {
            return List.of();
        }
        long[] misfits = profiler.countMisfits(t.source(), standing.stream().map(x -> x.column().source().name()).toList(),
                standing.stream().map(x -> x.sql().replace("{c}", SqliteSource.quote(x.column().source().name()))).toList());
        List<Suggestion> out = new ArrayList<>();
        java.util.Set<String> offered = new java.util.HashSet<>();
        for (int i = 0; i < standing.size(); i++) {
            if (misfits[i] == 0) {
                Suggestion s = standing.get(i).make().apply(0L);
                if (offered.add(s.id().toLowerCase(Locale.ROOT))) {
                    out.add(s);
                }
            }
        }
        return out;
    }

    /** The values a CHECK (column IN ('a', 'b', ...)) allows the column, or null when it has no such CHECK. */
    static List<String> labels(TablePlan t, ColumnPlan c) {
        for (Check check : t.source().checks()) {
            Matcher m = IN_LIST.matcher(check.expression());
            if (!m.matches()) {
                continue;
            }
            String col = m.group(1) != null ? m.group(1).replace("\"\"", "\"")
                    : m.group(2) != null ? m.group(2) : m.group(3) != null ? m.group(3) : m.group(4);
            if (!col.equalsIgnoreCase(c.source().name())) {
                continue;
            }
            List<String> labels = labels(m.group(5));
            if (labels != null) {
                return labels;
            }
        }
        return null;
    }

    /** 'a', 'b' as labels; null unless every entry is a non-empty string of at most 63 bytes (PostgreSQL's limit), all distinct. */
    static List<String> labels(String list) {
        LinkedHashSet<String> out = new LinkedHashSet<>();
        Matcher m = LABEL.matcher(list);
        int at = 0;
        while (at < list.length() && m.find(at) && m.start() == at) {
            String label = m.group(1).replace("''", "'");
            if (label.isEmpty() || label.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > 63 || !out.add(label)) {
                return null;
            }
            at = m.end();
        }
        return at == list.length() && !out.isEmpty() ? List.copyOf(out) : null;
    }

    private static String literal(String s) {
        return "'" + s.replace("'", "''") + "'";
    }

    /**
     * Suggestions of indexes: one per foreign key whose columns no index starts with, and a GIN index
     * per jsonb column. Asked of the plan's tables after the column suggestions taken.
     */
    public static List<Suggestion> indexes(List<TablePlan> tables, List<Plan.IndexPlan> indexes,
                                           List<Plan.ForeignKeyPlan> foreignKeys) {
        List<Suggestion> out = new ArrayList<>();
        java.util.Set<String> offered = new java.util.HashSet<>();
        for (Plan.ForeignKeyPlan f : foreignKeys) {
            if (f.skipReason() != null || f.parent() == null || covered(f, indexes)) {
                continue;
            }
            TablePlan t = f.table();
            List<String> sources = f.columns().stream().map(col -> sourceName(t, col)).toList();
            Suggestion s = new Suggestion(Suggestion.Kind.FK_INDEX, t.source().name(), sources.get(0),
                    "Add an index on " + t.source().name() + "(" + String.join(", ", sources) + ").",
                    String.format("It refers to %s, and no index starts with %s: PostgreSQL does not index a foreign key "
                            + "by itself, so each change to a row of %s and each join on it reads all %,d rows of %s.",
                            f.parent().source().name(), sources.size() == 1 ? "it" : "them", f.parent().source().name(),
                            t.rows(), t.source().name()), f.columns(), false);
            if (offered.add(s.id().toLowerCase(Locale.ROOT))) {
                out.add(s);
            }
        }
        for (TablePlan t : tables) {
            for (ColumnPlan c : t.columns()) {
                if (c.type().kind() == PgType.Kind.JSONB && c.copied()) {
                    long n = c.profile() == null ? 0 : c.profile().nonNull();
                    out.add(new Suggestion(Suggestion.Kind.GIN, t.source().name(), c.source().name(),
                            "Add a GIN index on " + t.source().name() + "." + c.source().name()
                                    + ", so queries with @>, ? and ?| on it can use an index.",
                            String.format("It becomes jsonb (%,d JSON value%s), which PostgreSQL indexes only when asked.",
                                    n, n == 1 ? "" : "s"), List.of(c.target()), false));
                }
            }
        }
        return out;
    }

    /** Whether an index that is built starts with the key's columns, in any order. */
    private static boolean covered(Plan.ForeignKeyPlan f, List<Plan.IndexPlan> indexes) {
        java.util.Set<String> cols = new java.util.HashSet<>(f.columns());
        return indexes.stream().anyMatch(i -> i.table() == f.table() && i.skipReason() == null && i.where() == null
                && i.columns().size() >= cols.size()
                && new java.util.HashSet<>(i.columns().subList(0, cols.size())).equals(cols)
                && (i.expressions().isEmpty() || i.expressions().subList(0, cols.size()).stream().allMatch(e -> e == null)));
    }

    private static String sourceName(TablePlan t, String target) {
        return t.columns().stream().filter(c -> c.target().equals(target)).map(c -> c.source().name()).findFirst()
                .orElse(target);
    }
}
