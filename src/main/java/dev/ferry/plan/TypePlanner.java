package dev.ferry.plan;

import dev.ferry.schema.Column;
import dev.ferry.schema.Table;
import dev.ferry.sqlite.ColumnProfile;
import dev.ferry.sqlite.Profiler;
import dev.ferry.sqlite.Profiler.Agg;
import dev.ferry.sqlite.SqliteSource;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Chooses every column's PostgreSQL type: the user's override first, then the first rule of
 * {@link TypeRules} that applies and fits the data.
 *
 * <p>Reading a big table costs seconds, so questions are batched: most columns hold what their
 * declared type suggests, so one scan both confirms that storage class and tests the first rule
 * that needs a look at the values; a look at the first rows rules out, for free, rules the data
 * plainly does not fit. Only columns that surprise get further scans.
 */
public final class TypePlanner {

    /**
     * A column's chosen type, what the copy must do to values the type cannot take as they are
     * ({@code fix}, null when nothing), and the problems the data showed (values that do not fit
     * the declared type, text PostgreSQL cannot hold) with the resolution chosen for each.
     */
    public record Decision(Column column, ColumnProfile profile, PgType type, TypeRule rule, Fix fix,
                           List<Problem> problems) {

        /** The first problem, or null when the data raised none. */
        public Problem problem() {
            return problems.isEmpty() ? null : problems.get(0);
        }
    }

    public record TableDecisions(long rows, List<Decision> columns) {
    }

    private static final int SAMPLE_ROWS = 2_000;
    /** Declared types whose rules admit ASCII text only, so their text needs no UTF-8 check unless it ends up text. */
    private static final java.util.Set<String> ASCII_SHAPED = java.util.Set.of("DATETIME", "TIMESTAMP", "TIMESTAMPTZ",
            "DATE", "TIME", "UUID", "GUID", "UNIQUEIDENTIFIER");
    /** Declared types whose rules look at the range of the integers (smallint or integer, boolean 0/1). */
    private static final java.util.Set<String> RANGE_MATTERS = java.util.Set.of("SMALLINT", "INT2", "TINYINT", "BOOLEAN", "BOOL");
    private final Profiler profiler;
    private final Map<String, PgType> overrides;
    private final Resolutions resolutions;

    /** @param overrides PostgreSQL types chosen by the user, keyed by "table.column" in lower case */
    public TypePlanner(Profiler profiler, Map<String, PgType> overrides) {
        this(profiler, overrides, Resolutions.DEFAULTS);
    }

    public TypePlanner(Profiler profiler, Map<String, PgType> overrides, Resolutions resolutions) {
        this.profiler = profiler;
        this.overrides = overrides;
        this.resolutions = resolutions;
    }

    public TableDecisions decide(Table table) throws SQLException {
        Map<String, Long> known = new HashMap<>(); // "column\0rule" -> misfits (1 = at least one, from a sample)
        List<Column> cols = table.columns();
        String[] presumed = new String[cols.size()];
        TypeRule[] firstAsk = new TypeRule[cols.size()];
        for (int i = 0; i < cols.size(); i++) {
            presumed[i] = presumedClass(cols.get(i));
            if (presumed[i] != null) {
                firstAsk[i] = firstOpenQuestion(table, cols.get(i), candidates(cols.get(i), fake(presumed[i])), known);
            }
        }
        List<Agg> aggs = new ArrayList<>(List.of(Agg.sum("count(*)")));
        int[] at = new int[cols.size()];
        // whether each column holds only the class its declared type suggests, asked of all columns
        // at once (SQLite's typeof costs; one test per row instead of one per column)
        List<String> conforms = new ArrayList<>();
        List<Integer> classChecked = new ArrayList<>();
        for (int i = 0; i < cols.size(); i++) {
            Column c = cols.get(i);
            String q = SqliteSource.quote(c.name());
            at[i] = aggs.size();
            if (presumed[i] == null) {
                aggs.addAll(Profiler.storageAggs(c));
                continue;
            }
            // the rowid alias can only hold integers and is never NULL: SQLite enforces it, as it
            // enforces NOT NULL (which the class test below trusts too)
            boolean rowid = c.name().equals(table.rowidAlias());
            aggs.add(Agg.sum(rowid || c.notNull() ? "count(*)" : "count(" + q + ")"));
            aggs.add(Agg.sum("0")); // values of another class: see the one test of all columns below
            if (!rowid) {
                conforms.add(c.notNull() ? classTest(q, presumed[i]) : "(" + q + " IS NULL OR " + classTest(q, presumed[i]) + ")");
                classChecked.add(i);
            }
            boolean range = presumed[i].equals("integer") && RANGE_MATTERS.contains(c.baseType());
            aggs.add(new Agg(Agg.Merge.MIN, range ? "min(" + q + ")" : "NULL"));
            aggs.add(new Agg(Agg.Merge.MAX, range ? "max(" + q + ")" : "NULL"));
            aggs.add(firstAsk[i] == null ? Agg.sum("0") : Profiler.misfits(c.name(), firstAsk[i].valueSql(c, q)));
        }
        boolean[] checkedEarly = new boolean[cols.size()];
        for (int i = 0; i < cols.size(); i++) {
            Column c = cols.get(i);
            checkedEarly[i] = c.name().equals(table.rowidAlias()) || !"text".equals(presumed[i])
                    || !ASCII_SHAPED.contains(c.baseType());
        }
        int conformAt = aggs.size();
        aggs.add(Agg.sum(conforms.isEmpty() ? "0" : "sum(NOT (" + String.join(" AND ", conforms) + "))"));
        // text columns are checked for text PostgreSQL cannot store in the same scan
        int bulkAt = aggs.size();
        List<Column> bulk = new ArrayList<>();
        for (int i = 0; i < cols.size(); i++) {
            if (table.rowidName() != null && checkedEarly[i] && "text".equals(presumed[i])
                    && !cols.get(i).name().equals(table.rowidAlias())) {
                bulk.add(cols.get(i));
                aggs.add(Profiler.bulkText(cols.get(i), false));
            }
        }
        Object[] r = profiler.aggregate(table, aggs);
        long rows = (Long) r[0];
        if ((Long) r[conformAt] > 0) { // some column surprises: which ones, and how many values each
            List<Agg> each = new ArrayList<>();
            for (int i : classChecked) {
                each.add(Agg.sum("sum(typeof(" + SqliteSource.quote(cols.get(i).name()) + ") NOT IN ('null', '"
                        + presumed[i] + "'))"));
            }
            Object[] counts = profiler.aggregate(table, each);
            for (int k = 0; k < classChecked.size(); k++) {
                r[at[classChecked.get(k)] + 1] = counts[k];
            }
        }
        Map<String, ColumnProfile> profiles = new HashMap<>();
        List<Column> mixed = new ArrayList<>();
        for (int i = 0; i < cols.size(); i++) {
            Column c = cols.get(i);
            ColumnProfile p;
            if (presumed[i] == null) {
                p = Profiler.storageProfile(r, at[i], rows);
            } else if ((Long) r[at[i] + 1] == 0) {
                p = presumedProfile(presumed[i], rows, (Long) r[at[i]], (Long) r[at[i] + 2], (Long) r[at[i] + 3]);
                // (min and max stay null where no rule looks at them: "within range" then holds)
                if (firstAsk[i] != null) {
                    known.put(key(c, firstAsk[i]), (Long) r[at[i] + 4]);
                }
            } else {
                p = null;
            }
            if (p == null) {
                mixed.add(c);
            } else {
                profiles.put(c.name(), p);
            }
        }
        profiles.putAll(profiler.detailed(table, mixed, rows));
        // every column holding text is checked for text PostgreSQL cannot store, except those
        // presumed to hold dates, times or uuids: the rule that fits them admits ASCII alone
        List<Column> early = new ArrayList<>();
        long[] unsafe = new long[cols.size()];
        for (int i = 0; i < cols.size(); i++) {
            ColumnProfile p = profiles.get(cols.get(i).name());
            int inBulk = bulk.indexOf(cols.get(i));
            if (inBulk >= 0) {
                unsafe[i] = (Long) r[bulkAt + inBulk] > 0 ? profiler.countUnsafe(table, cols.get(i)) : 0;
            } else if (checkedEarly[i] && !cols.get(i).name().equals(table.rowidAlias()) && p != null && p.texts() > 0) {
                early.add(cols.get(i));
            }
        }
        long[] found = profiler.unsafeText(table, early, c -> profiles.get(c.name()).blobs() > 0);
        for (int k = 0; k < early.size(); k++) {
            unsafe[cols.indexOf(early.get(k))] = found[k];
        }
        List<Decision> decisions = choose(table, profiles, known, unsafe);
        // text declared as dates, times or uuids was only checked by the rule that fits it, which
        // admits ASCII alone; where the data fit none and the column stays text, check it now
        for (int i = 0; i < cols.size(); i++) {
            PgType.Kind kind = decisions.get(i).type().kind();
            if (!checkedEarly[i] && (kind == PgType.Kind.TEXT || kind == PgType.Kind.VARCHAR || kind == PgType.Kind.JSONB)) {
                long n = profiler.unsafeText(table, List.of(cols.get(i)), c -> true)[0];
                if (n > 0) {
                    decisions.set(i, unsafeText(table, decisions.get(i), n));
                }
            }
        }
        return new TableDecisions(rows, decisions);
    }

    /** Walks each column's candidates, asking only what is not known yet, in as few scans as possible. */
    private List<Decision> choose(Table table, Map<String, ColumnProfile> profiles, Map<String, Long> known,
                                  long[] unsafe) throws SQLException {
        List<Column> cols = table.columns();
        TypeRule[] chosen = new TypeRule[cols.size()];
        while (true) {
            List<Column> asking = new ArrayList<>();
            List<TypeRule> asked = new ArrayList<>();
            List<Agg> aggs = new ArrayList<>();
            for (int i = 0; i < cols.size(); i++) {
                Column c = cols.get(i);
                if (chosen[i] != null || overrides.containsKey(key(table, c))) {
                    continue;
                }
                List<TypeRule> candidates = candidates(c, profiles.get(c.name()));
                TypeRule open = firstOpenQuestion(table, c, candidates, known);
                if (open == null) {
                    chosen[i] = firstFit(c, candidates, known);
                } else {
                    asking.add(c);
                    asked.add(open);
                    aggs.add(Profiler.misfits(c.name(), open.valueSql(c, SqliteSource.quote(c.name()))));
                }
            }
            if (asking.isEmpty()) {
                break;
            }
            Object[] r = profiler.aggregate(table, aggs);
            for (int k = 0; k < r.length; k++) {
                known.put(key(asking.get(k), asked.get(k)), (Long) r[k]);
            }
        }
        List<Decision> out = new ArrayList<>();
        for (int i = 0; i < cols.size(); i++) {
            Column c = cols.get(i);
            ColumnProfile p = profiles.get(c.name());
            PgType override = overrides.get(key(table, c));
            Decision d = override != null ? new Decision(c, p, override, null, null, List.of()) : misfits(table, c, p, chosen[i]);
            out.add(unsafe[i] > 0 ? unsafeText(table, d, unsafe[i]) : d);
        }
        return out;
    }

    /**
     * The decision for a column whose data may not fit its declared type: by default the type the
     * data chose (wider, loss-free); when the user chose otherwise, the declared type with the
     * misfits stored as NULL or their rows rejected.
     */
    private Decision misfits(Table table, Column c, ColumnProfile p, TypeRule chosen) throws SQLException {
        TypeRule declared = TypeRules.all().stream().filter(r -> !r.needsData() && r.applies().test(c))
                .findFirst().orElseThrow();
        if (declared.family().equals("generic") || declared.family().equals(chosen.family())) {
            return new Decision(c, p, chosen.type().apply(c, p), chosen, null, List.of());
        }
        String resolution = resolutions.choose(Problem.Kind.DOES_NOT_FIT, table.name(), c.name());
        String test = declared.valueSql(c, SqliteSource.quote(c.name()));
        long count = profiler.countMisfits(table, List.of(c.name()), List.of(test))[0];
        List<String> examples = profiler.examples(table, c.name(), test, 5);
        String what = String.format("Column %s.%s is declared %s, but %,d value%s do%s not fit %s (for example %s); ",
                table.name(), c.name(), c.declaredType(), count, count == 1 ? "" : "s", count == 1 ? "es" : "",
                declared.pgType(), String.join(", ", examples));
        String then = switch (resolution) {
            case Problem.WIDEN -> "it becomes " + chosen.pgType() + " so nothing is lost.";
            case Problem.NULL -> "it stays " + declared.pgType() + ", and " + (count == 1 ? "that value is" : "those values are")
                    + " stored as NULL, each original recorded in the rejects file" + (c.notNull() ? " (the column loses NOT NULL)." : ".");
            case Problem.REJECT -> "it stays " + declared.pgType() + ", and the rows holding them go to the rejects file "
                    + "instead of PostgreSQL.";
            default -> "you chose to stop: nothing is copied until this is resolved another way.";
        };
        Problem problem = new Problem(table.name(), c.name(), Problem.Kind.DOES_NOT_FIT, count, resolution, examples,
                what + then);
        if (resolution.equals(Problem.WIDEN) || resolution.equals(Problem.STOP)) {
            return new Decision(c, p, chosen.type().apply(c, p), chosen, null, List.of(problem));
        }
        return new Decision(c, p, declared.type().apply(c, p), declared, new Fix(declared.valueSql(c, "{c}"), resolution, null),
                List.of(problem));
    }

    /**
     * A column holding text PostgreSQL's text cannot take exactly (NUL bytes, invalid UTF-8): by
     * default it becomes bytea, keeping every byte; else those values are repaired or their rows
     * rejected, as the user chose.
     */
    private Decision unsafeText(Table table, Decision d, long count) throws SQLException {
        Column c = d.column();
        if (d.type().kind() == PgType.Kind.BYTEA) {
            return d; // bytea takes the bytes as they are
        }
        String resolution = resolutions.choose(Problem.Kind.UNSAFE_TEXT, table.name(), c.name());
        List<String> examples = profiler.byteExamples(table, c.name(), SqliteSource.unsafeTextSql(SqliteSource.quote(c.name())), 5);
        String what = String.format("Column %s.%s holds %,d text value%s PostgreSQL's text cannot store exactly (a NUL byte or "
                + "bytes that are not UTF-8, shown as \\xNN: %s); ", table.name(), c.name(), count, count == 1 ? "" : "s",
                String.join(", ", examples));
        String then = switch (resolution) {
            case Problem.BYTEA -> "the column becomes bytea so every byte is kept.";
            case Problem.REPAIR -> "they are repaired (invalid bytes become \uFFFD, NUL bytes are removed), each original "
                    + "recorded in the rejects file.";
            case Problem.REJECT -> "the rows holding them go to the rejects file instead of PostgreSQL.";
            default -> "you chose to stop: nothing is copied until this is resolved another way.";
        };
        List<Problem> problems = new ArrayList<>(d.problems());
        problems.add(new Problem(table.name(), c.name(), Problem.Kind.UNSAFE_TEXT, count, resolution, examples, what + then));
        if (resolution.equals(Problem.BYTEA)) {
            TypeRule bytea = TypeRules.all().get(TypeRules.all().size() - 1);
            return new Decision(c, d.profile(), PgType.of(PgType.Kind.BYTEA), bytea, null, List.copyOf(problems));
        }
        if (resolution.equals(Problem.STOP)) {
            return new Decision(c, d.profile(), d.type(), d.rule(), d.fix(), List.copyOf(problems));
        }
        Fix fix = d.fix() == null ? new Fix(null, null, resolution) : d.fix().withUnsafe(resolution);
        return new Decision(c, d.profile(), d.type(), d.rule(), fix, List.copyOf(problems));
    }

    /**
     * The first candidate whose fit is still unknown and needs a full scan, after ruling out on the
     * first rows those the data plainly does not fit; null when the answer is already known.
     */
    private TypeRule firstOpenQuestion(Table table, Column c, List<TypeRule> candidates, Map<String, Long> known)
            throws SQLException {
        for (int i = 0; i < candidates.size() - 1; i++) { // the last candidate fits by the counts alone
            TypeRule rule = candidates.get(i);
            Long misfits = known.get(key(c, rule));
            if (misfits == null) {
                misfits = (Long) profiler.aggregateFirst(table,
                        List.of(Profiler.misfits(c.name(), rule.valueSql(c, SqliteSource.quote(c.name())))), SAMPLE_ROWS)[0];
                if (misfits == 0) {
                    return rule;
                }
                known.put(key(c, rule), misfits);
            }
            if (misfits == 0) {
                return null;
            }
        }
        return null;
    }

    /** The first candidate known to fit: one with no misfits, or the last, which fits by the counts. */
    private static TypeRule firstFit(Column c, List<TypeRule> candidates, Map<String, Long> known) {
        for (TypeRule rule : candidates) {
            Long misfits = known.get(key(c, rule));
            if (misfits != null && misfits == 0) {
                return rule;
            }
        }
        return candidates.get(candidates.size() - 1);
    }

    /** The rules that may fit, in order: those the counts leave open, ending with the first sure fit. */
    private static List<TypeRule> candidates(Column col, ColumnProfile p) {
        List<TypeRule> list = new ArrayList<>();
        for (TypeRule rule : TypeRules.all()) {
            if (!rule.applies().test(col) || (rule.needsData() && p.nonNull() == 0)) {
                continue;
            }
            TypeRule.Fit fit = rule.fit().apply(p);
            if (fit != TypeRule.Fit.NO) {
                list.add(rule);
            }
            if (fit == TypeRule.Fit.YES) {
                break;
            }
        }
        return list;
    }

    /** The storage class a declared type makes likely (SQLite converts values to it on the way in). */
    /**
     * True when a non-null value of a column of this class's affinity holds that storage class: the
     * same answer as {@code typeof(q) = cls} for such a column, in comparisons SQLite evaluates
     * without a function call (about half the cost over a large table). SQLite orders numbers
     * before text before blobs; an INTEGER or NUMERIC column turns a whole real into an integer,
     * so a real left in it is never equal to its integer cast, and a REAL column turns integers
     * into reals. COLLATE BINARY keeps a column's own collation (perhaps one only its app has)
     * out of it.
     */
    static String classTest(String q, String cls) {
        String v = q + " COLLATE BINARY";
        return switch (cls) {
            case "integer" -> "(" + v + " = CAST(" + q + " AS INTEGER))";
            case "real" -> "(" + v + " < '')";
            case "text" -> "(" + v + " >= '' AND " + v + " < x'')";
            case "blob" -> "(" + v + " >= x'')";
            default -> "(typeof(" + q + ") = '" + cls + "')";
        };
    }

    static String presumedClass(Column c) {
        return switch (c.affinity()) {
            case 'I' -> "integer";
            case 'T' -> "text";
            case 'R' -> "real";
            case 'B' -> c.baseType().equals("BLOB") ? "blob" : null;
            default -> switch (c.baseType()) {
                case "BOOLEAN", "BOOL" -> "integer";
                case "DATETIME", "TIMESTAMP", "TIMESTAMPTZ", "DATE", "TIME", "JSON", "JSONB", "UUID", "GUID",
                     "UNIQUEIDENTIFIER" -> "text";
                default -> null;
            };
        };
    }

    /** A stand-in profile with values of one class, to list the candidates before anything is read. */
    private static ColumnProfile fake(String cls) {
        return presumedProfile(cls, 1, 1, cls.equals("integer") ? 0L : null, cls.equals("integer") ? 0L : null);
    }

    private static ColumnProfile presumedProfile(String cls, long rows, long nonNull, Long min, Long max) {
        return new ColumnProfile(rows - nonNull, cls.equals("integer") ? nonNull : 0, cls.equals("real") ? nonNull : 0,
                cls.equals("text") ? nonNull : 0, cls.equals("blob") ? nonNull : 0,
                nonNull > 0 ? min : null, nonNull > 0 ? max : null, null, null);
    }

    private static String key(Column c, TypeRule r) {
        return c.name() + "\0" + r.name();
    }

    private static String key(Table table, Column col) {
        return (table.name() + "." + col.name()).toLowerCase(Locale.ROOT);
    }
}
