package dev.ferry.plan;

import dev.ferry.plan.PgType.Kind;
import dev.ferry.schema.Column;
import dev.ferry.schema.Table;
import dev.ferry.sqlite.Profiler;
import dev.ferry.sqlite.SqliteSource;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * For a data-only run (the app's own migrations made the tables), whether every SQLite value of a
 * column fits the type the existing column has, checked by SQLite over every value before any row
 * moves. A column's candidates are the ways Ferry knows to read values into that type (a timestamp
 * from ISO text, unix seconds or milliseconds, or julian days); the first that every value fits
 * wins. Values no candidate takes are a {@link Problem.Kind#DOES_NOT_FIT} problem with examples;
 * the column cannot be widened (its type is the app's), so the run stops unless the user chose to
 * store them as NULL or to reject their rows.
 */
public final class TargetFit {

    /** A SQLite column as the ordinary plan made it, and the existing column of the same name. */
    public record Match(ColumnPlan planned, TargetColumn target) {
    }

    /** The columns to copy, the problems found, and one line per column for the plan. */
    public record Decided(List<ColumnPlan> columns, List<Problem> problems, List<String> lines) {
    }

    private TargetFit() {
    }

    public static Decided decide(Profiler profiler, Table table, List<Match> matches, Resolutions resolutions)
            throws SQLException {
        int n = matches.size();
        List<List<TypeRule>> candidates = new ArrayList<>();
        for (Match m : matches) {
            candidates.add(candidates(m.target()));
        }
        int[] at = new int[n];
        long[] firstMisfits = new long[n];
        boolean[] settled = new boolean[n];
        while (true) { // every column's next open candidate, counted in one scan of the table
            List<Integer> asking = new ArrayList<>();
            List<String> columns = new ArrayList<>(), tests = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                if (!settled[i] && at[i] < candidates.get(i).size()) {
                    Column c = matches.get(i).planned().source();
                    asking.add(i);
                    columns.add(c.name());
                    tests.add(candidates.get(i).get(at[i]).valueSql(c, SqliteSource.quote(c.name())));
                } else {
                    settled[i] = true;
                }
            }
            if (asking.isEmpty()) {
                break;
            }
            long[] misfits = profiler.countMisfits(table, columns, tests);
            for (int k = 0; k < misfits.length; k++) {
                int i = asking.get(k);
                if (at[i] == 0) {
                    firstMisfits[i] = misfits[k];
                }
                if (misfits[k] == 0) {
                    settled[i] = true;
                } else {
                    at[i]++;
                }
            }
        }
        List<ColumnPlan> out = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Match m = matches.get(i);
            ColumnPlan p = m.planned();
            TargetColumn tc = m.target();
            List<TypeRule> cs = candidates.get(i);
            if (cs.isEmpty()) {
                String why = String.format("Column %s.%s cannot be loaded into %s.%s: Ferry does not know how to write "
                        + "values of type %s yet.", table.name(), p.source().name(), table.name(), tc.name(), tc.typeSql());
                problems.add(new Problem(table.name(), p.source().name(), Problem.Kind.DOES_NOT_FIT, p.profile() == null ? 0
                        : p.profile().nonNull(), Problem.STOP, List.of(), why));
                lines.add(p.source().name() + " -> " + tc.name() + " " + tc.typeSql() + ": cannot be loaded (type not supported)");
                continue;
            }
            boolean fits = at[i] < cs.size();
            TypeRule rule = fits ? cs.get(at[i]) : cs.get(0);
            PgType type = new PgType(kind(tc), tc.typeSql());
            Fix fix = p.fix() != null && p.fix().unsafeAction() != null ? new Fix(null, null, p.fix().unsafeAction()) : null;
            if (fits) {
                lines.add(p.source().name() + " -> " + tc.name() + " " + tc.typeSql() + ": fits"
                        + (rule.conversion() != TypeRule.Conversion.AS_IS ? " (read as " + rule.name() + ")"
                        : type.kind() == Kind.TIMESTAMPTZ ? " (text without an offset is read as UTC)" : ""));
            } else {
                String test = rule.valueSql(p.source(), SqliteSource.quote(p.source().name()));
                List<String> examples = profiler.examples(table, p.source().name(), test, 5);
                long count = firstMisfits[i];
                String chosen = resolutions.choose(Problem.Kind.DOES_NOT_FIT, table.name(), p.source().name());
                String resolution = chosen.equals(Problem.NULL) || chosen.equals(Problem.REJECT) ? chosen : Problem.STOP;
                String what = String.format("Column %s.%s has %,d value%s that do%s not fit %s.%s, which is %s in "
                        + "PostgreSQL (for example %s); ", table.name(), p.source().name(), count, count == 1 ? "" : "s",
                        count == 1 ? "es" : "", table.name(), tc.name(), tc.typeSql(), String.join(", ", examples));
                String then = switch (resolution) {
                    case Problem.NULL -> (count == 1 ? "that value is" : "those values are") + " stored as NULL, each "
                            + "original recorded in the rejects file" + (tc.notNull() ? " (but the column is NOT NULL, so "
                            + "PostgreSQL will refuse them: reject the rows instead)." : ".");
                    case Problem.REJECT -> "the rows holding them go to the rejects file instead of PostgreSQL.";
                    default -> "the existing table decides the type, so Ferry stops before writing anything.";
                };
                problems.add(new Problem(table.name(), p.source().name(), Problem.Kind.DOES_NOT_FIT, count, resolution,
                        examples, what + then));
                lines.add(String.format("%s -> %s %s: does not fit, %,d value%s (for example %s)", p.source().name(),
                        tc.name(), tc.typeSql(), count, count == 1 ? "" : "s", String.join(", ", examples)));
                if (!resolution.equals(Problem.STOP)) {
                    fix = new Fix(rule.valueSql(p.source(), "{c}"), resolution, fix == null ? null : fix.unsafeAction());
                }
            }
            out.add(new ColumnPlan(p.source(), tc.name(), type, rule, rule.conversion(), tc.counted(), null, p.profile(), fix));
        }
        return new Decided(List.copyOf(out), List.copyOf(problems), List.copyOf(lines));
    }

    /** How Ferry writes and hashes values of the existing column's type; null when it cannot. */
    static Kind kind(TargetColumn tc) {
        if (tc.array()) { // from a JSON array, written as the array's text (see PgArrayText)
            return ARRAY_ELEMENTS.containsKey(tc.base()) ? Kind.TEXT : null;
        }
        if (tc.isEnum()) {
            return Kind.TEXT; // the label as text; COPY's text form turns it into the enum
        }
        return switch (tc.base()) {
            case "int2" -> Kind.SMALLINT;
            case "int4" -> Kind.INTEGER;
            case "int8" -> Kind.BIGINT;
            case "float4", "float8" -> Kind.DOUBLE;
            case "numeric" -> Kind.NUMERIC;
            case "bool" -> Kind.BOOLEAN;
            case "text", "citext", "name", "json" -> Kind.TEXT; // json keeps the text exactly as given
            case "varchar", "bpchar" -> Kind.VARCHAR;
            case "bytea" -> Kind.BYTEA;
            case "timestamp" -> Kind.TIMESTAMP;
            case "timestamptz" -> Kind.TIMESTAMPTZ;
            case "date" -> Kind.DATE;
            case "time" -> Kind.TIME;
            case "jsonb" -> Kind.JSONB;
            case "uuid" -> Kind.UUID;
            default -> null;
        };
    }

    /** The ways of reading SQLite values into the column's type, most natural first. */
    static List<TypeRule> candidates(TargetColumn tc) {
        Kind kind = kind(tc);
        if (kind == null) {
            return List.of();
        }
        if (tc.array()) {
            String scalars = "typeof({c}) = 'text' AND json_valid({c}) AND json_type({c}) = 'array' AND NOT EXISTS "
                    + "(SELECT 1 FROM json_each({c}) WHERE " + ARRAY_ELEMENTS.get(tc.base()) + ")";
            return List.of(own("array from JSON", scalars, TypeRule.Conversion.JSON_ARRAY));
        }
        if (tc.isEnum()) {
            String labels = String.join(", ", tc.labels().stream().map(l -> "'" + l.replace("'", "''") + "'").toList());
            return List.of(own("enum label", "typeof({c}) = 'text' AND {c} IN (" + labels + ")"));
        }
        return switch (tc.base()) {
            case "int2" -> List.of(own("smallint", "typeof({c}) = 'integer' AND {c} BETWEEN -32768 AND 32767"));
            case "int4" -> List.of(own("integer", "typeof({c}) = 'integer' AND {c} BETWEEN -2147483648 AND 2147483647"));
            case "int8" -> List.of(own("bigint", "typeof({c}) = 'integer'"));
            case "float4", "float8" -> named("real");
            case "numeric" -> List.of(own(tc.typeSql(), tc.precision() < 0 ? "typeof({c}) IN ('integer', 'real')"
                    : "typeof({c}) IN ('integer', 'real') AND abs({c}) < 1e" + (tc.precision() - tc.scale())
                    + " AND round({c}, " + tc.scale() + ") = {c}"));
            case "bool" -> named("boolean");
            case "json" -> List.of(own("json", "typeof({c}) = 'text' AND json_valid({c})"));
            case "text", "citext", "name" -> List.of(own("text", "typeof({c}) <> 'blob'"));
            case "varchar", "bpchar" -> List.of(own(tc.typeSql(), tc.length() < 0 ? "typeof({c}) <> 'blob'"
                    : "typeof({c}) <> 'blob' AND length({c}) <= " + tc.length()));
            case "bytea" -> named("bytea (catch-all)");
            case "timestamp" -> named("timestamp", "timestamp from unix seconds", "timestamp from unix milliseconds",
                    "timestamp from julian day");
            // ISO text with an offset, or without one read as UTC (what Django and Rails write into SQLite)
            case "timestamptz" -> List.of(own("timestamp with or without offset", "typeof({c}) = 'text' AND ("
                    + TypeRules.isoOffset() + " OR " + TypeRules.isoLocal("{c}", false) + ")"));
            case "date" -> named("date");
            case "time" -> named("time");
            case "jsonb" -> named("json");
            case "uuid" -> named("uuid");
            default -> List.of();
        };
    }

    private static TypeRule own(String name, String valueSql) {
        return own(name, valueSql, TypeRule.Conversion.AS_IS);
    }

    private static TypeRule own(String name, String valueSql, TypeRule.Conversion conversion) {
        return new TypeRule(name, "(the existing column)", name, "existing", c -> true, p -> TypeRule.Fit.ASK,
                c -> valueSql, (c, p) -> PgType.of(Kind.TEXT), conversion, false);
    }

    /** Array columns Ferry fills from JSON arrays, by pg_type name, with the test an element fails (json_each's columns). */
    private static final Map<String, String> ARRAY_ELEMENTS = Map.of(
            "_text", "type IN ('object', 'array')",
            "_varchar", "type IN ('object', 'array')",
            "_int2", "type NOT IN ('integer', 'null') OR type = 'integer' AND value NOT BETWEEN -32768 AND 32767",
            "_int4", "type NOT IN ('integer', 'null') OR type = 'integer' AND value NOT BETWEEN -2147483648 AND 2147483647",
            "_int8", "type NOT IN ('integer', 'null')");

    private static List<TypeRule> named(String... names) {
        Map<String, TypeRule> byName = new java.util.HashMap<>();
        TypeRules.all().forEach(r -> byName.putIfAbsent(r.name(), r));
        return java.util.Arrays.stream(names).map(byName::get).toList();
    }
}
