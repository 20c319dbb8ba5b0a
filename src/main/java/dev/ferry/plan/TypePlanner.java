package dev.ferry.plan;

import dev.ferry.schema.Column;
import dev.ferry.schema.Table;
import dev.ferry.sqlite.ColumnProfile;
import dev.ferry.sqlite.Profiler;
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
     * {@code changes} says what the app must know when the values change kind (see {@link KindChange}):
     * not a problem with the data, so kept apart from {@code problems}.
     */
    public record Decision(Column column, ColumnProfile profile, PgType type, TypeRule rule, Fix fix,
                           List<Problem> problems, List<Problem> changes) {

        public Decision(Column column, ColumnProfile profile, PgType type, TypeRule rule, Fix fix, List<Problem> problems) {
            this(column, profile, type, rule, fix, problems, List.of());
        }

        /** The first problem, or null when the data raised none. */
        public Problem problem() {
            return problems.isEmpty() ? null : problems.get(0);
        }
    }

    /**
     * @param guards per column, what every non-null value must pass for these decisions to be the
     *               ones all of the table's values would make; null where nothing needs checking.
     *               Made from what was read: when that was a sample, the copy checks every value
     *               with them (see {@link ColumnGuard}).
     */
    public record TableDecisions(long rows, List<Decision> columns, List<ColumnGuard> guards) {

        public TableDecisions(long rows, List<Decision> columns) {
            this(rows, columns, null);
        }

        /**
         * Whether any column's data raised a problem (a value that does not fit, text PostgreSQL
         * cannot hold) or a choice between bytes and text (decided by reading every value).
         */
        public boolean anyProblem() {
            return columns.stream().anyMatch(d -> !d.problems().isEmpty()
                    || d.changes().stream().anyMatch(p -> p.kind() == Problem.Kind.BYTES_OR_TEXT));
        }

        public TableDecisions withRows(long n) {
            return new TableDecisions(n, columns, guards);
        }
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

    /**
     * One column on its way to a type, before the table is scanned: the storage class its declared
     * type makes likely (null when none), the first rule whose fit the scan should answer (null when
     * the first rows already settled it), and whether its text is checked in the scan. Text declared
     * as a date, a time or a uuid is not: the rule that fits it admits ASCII alone, so it is checked
     * only when no such rule fits and the column stays text (see {@link #checkLateText}).
     */
    private record Look(Column column, String presumed, TypeRule firstAsk, boolean textEarly) {

        Profiler.Ask ask(Table table) {
            boolean range = "integer".equals(presumed) && RANGE_MATTERS.contains(column.baseType());
            String question = firstAsk == null ? null : firstAsk.valueSql(column, SqliteSource.quote(column.name()));
            return new Profiler.Ask(column, presumed, range, question, textEarly && !column.name().equals(table.rowidAlias()));
        }
    }

    /**
     * Decides the table's columns in steps: a look at each column's declared type and first rows; one
     * scan that profiles every column and answers each one's first question; further scans only for
     * the rules still open; then each column's decision, its problems with their resolutions.
     */
    public TableDecisions decide(Table table) throws SQLException {
        Map<String, Long> known = new HashMap<>(); // "column\0rule" -> misfits (1 = at least one, from a sample)
        List<Look> looks = new ArrayList<>();
        for (Column c : table.columns()) {
            looks.add(look(table, c, known));
        }
        Profiler.FirstScanResult scan = profiler.firstScan(table, looks.stream().map(l -> l.ask(table)).toList());
        List<Profiler.Found> found = scan.columns();
        for (int i = 0; i < looks.size(); i++) {
            if (found.get(i).misfits() != null) {
                known.put(key(looks.get(i).column(), looks.get(i).firstAsk()), found.get(i).misfits());
            }
        }
        TypeRule[] chosen = choose(table, looks, found, known);
        List<Decision> decisions = new ArrayList<>();
        for (int i = 0; i < looks.size(); i++) {
            decisions.add(decision(table, looks.get(i).column(), found.get(i), chosen[i]));
        }
        checkLateText(table, looks, decisions);
        for (int i = 0; i < decisions.size(); i++) {
            decisions.set(i, UuidText.keptAsText(profiler, table, withKindChange(table, decisions.get(i))));
        }
        List<ColumnGuard> guards = new ArrayList<>();
        for (int i = 0; i < looks.size(); i++) {
            guards.add(ColumnGuard.of(looks.get(i).column(), found.get(i).profile(), chosen[i]));
        }
        return new TableDecisions(scan.rows(), decisions, java.util.Collections.unmodifiableList(guards));
    }

    /** A column's decision: the user's type, else the rule chosen; then what its misfits and unsafe text call for. */
    private Decision decision(Table table, Column c, Profiler.Found found, TypeRule chosen) throws SQLException {
        PgType override = overrides.get(key(table, c));
        Decision d = override != null ? new Decision(c, found.profile(), override, null, null, List.of())
                : misfits(table, c, found.profile(), chosen);
        return found.unsafe() > 0 ? unsafeText(table, d, found.unsafe()) : d;
    }

    /** What the declared type suggests of a column, and its first question, from a look at the first rows. */
    private Look look(Table table, Column c, Map<String, Long> known) throws SQLException {
        String presumed = presumedClass(c);
        TypeRule firstAsk = presumed == null ? null : firstOpenQuestion(table, c, candidates(c, fake(presumed)), known);
        boolean textEarly = c.name().equals(table.rowidAlias()) || !"text".equals(presumed) || !ASCII_SHAPED.contains(c.baseType());
        return new Look(c, presumed, firstAsk, textEarly);
    }

    /**
     * Walks each column's candidate rules, asking only what is not known yet, all columns' next
     * questions in one scan at a time; the chosen rule per column (null where the user chose the type).
     */
    private TypeRule[] choose(Table table, List<Look> looks, List<Profiler.Found> found, Map<String, Long> known)
            throws SQLException {
        TypeRule[] chosen = new TypeRule[looks.size()];
        while (true) {
            List<Column> asking = new ArrayList<>();
            List<TypeRule> asked = new ArrayList<>();
            List<String> tests = new ArrayList<>();
            for (int i = 0; i < looks.size(); i++) {
                Column c = looks.get(i).column();
                if (chosen[i] != null || overrides.containsKey(key(table, c))) {
                    continue;
                }
                List<TypeRule> candidates = candidates(c, found.get(i).profile());
                TypeRule open = firstOpenQuestion(table, c, candidates, known);
                if (open == null) {
                    chosen[i] = firstFit(c, candidates, known);
                } else {
                    asking.add(c);
                    asked.add(open);
                    tests.add(open.valueSql(c, SqliteSource.quote(c.name())));
                }
            }
            if (asking.isEmpty()) {
                return chosen;
            }
            long[] misfits = profiler.countMisfits(table, asking.stream().map(Column::name).toList(), tests);
            for (int k = 0; k < misfits.length; k++) {
                known.put(key(asking.get(k), asked.get(k)), misfits[k]);
            }
        }
    }

    /**
     * Text declared as dates, times or uuids was only checked by the rule that fits it, which admits
     * ASCII alone; where the data fit none and the column stays text, it is checked now.
     */
    private void checkLateText(Table table, List<Look> looks, List<Decision> decisions) throws SQLException {
        for (int i = 0; i < looks.size(); i++) {
            PgType.Kind kind = decisions.get(i).type().kind();
            if (!looks.get(i).textEarly() && (kind == PgType.Kind.TEXT || kind == PgType.Kind.VARCHAR || kind == PgType.Kind.JSONB)) {
                long n = profiler.unsafeText(table, List.of(looks.get(i).column()), c -> true)[0];
                if (n > 0) {
                    decisions.set(i, unsafeText(table, decisions.get(i), n));
                }
            }
        }
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
        List<String> examples = profiler.unsafeTextExamples(table, c, 5);
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
     * The decision with what its change of kind means for the app. A column of mixed values with
     * blobs goes to bytea; where every value is valid text, text keeps every value too and the app
     * reads what it read before, so the user may choose it (the widening to bytea then goes).
     */
    private Decision withKindChange(Table table, Decision d) throws SQLException {
        Column c = d.column();
        if (d.fix() == null && d.rule() != null && KindChange.mixedBytes(d.type(), d.profile()) && allValidText(table, c)) {
            String resolution = resolutions.choose(Problem.Kind.BYTES_OR_TEXT, table.name(), c.name());
            List<Problem> choice = List.of(KindChange.bytesOrText(table.name(), c.name(), resolution));
            if (!Problem.TEXT.equals(resolution)) {
                return new Decision(c, d.profile(), d.type(), d.rule(), null, d.problems(), choice);
            }
            TypeRule text = TypeRules.all().stream().filter(r -> r.name().equals("text (catch-all)")).findFirst().orElseThrow();
            List<Problem> rest = d.problems().stream().filter(p -> p.kind() != Problem.Kind.DOES_NOT_FIT).toList();
            return new Decision(c, d.profile(), PgType.of(PgType.Kind.TEXT), text, null, rest, choice);
        }
        Problem change = KindChange.of(table.name(), c.name(), d.type(),
                d.rule() == null ? TypeRule.Conversion.AS_IS : d.rule().conversion(), d.profile());
        return change == null ? d : new Decision(c, d.profile(), d.type(), d.rule(), d.fix(), d.problems(), List.of(change));
    }

    /** Whether every value of the column reads as text PostgreSQL holds exactly: numbers, and blobs and text in valid UTF-8 without NUL. */
    private boolean allValidText(Table table, Column c) throws SQLException {
        String q = SqliteSource.quote(c.name());
        String test = "CASE typeof(" + q + ") WHEN 'integer' THEN 1 WHEN 'real' THEN 1 ELSE ferry_utf8_ok(CAST(" + q
                + " AS BLOB)) END";
        return profiler.countMisfits(table, List.of(c.name()), List.of(test))[0] == 0;
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
                misfits = profiler.misfitsInFirst(table, c.name(), rule.valueSql(c, SqliteSource.quote(c.name())), SAMPLE_ROWS);
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
    public static String presumedClass(Column c) {
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
        return Profiler.oneClass(cls, 1, 1, cls.equals("integer") ? 0L : null, cls.equals("integer") ? 0L : null);
    }

    private static String key(Column c, TypeRule r) {
        return c.name() + "\0" + r.name();
    }

    private static String key(Table table, Column col) {
        return (table.name() + "." + col.name()).toLowerCase(Locale.ROOT);
    }
}
