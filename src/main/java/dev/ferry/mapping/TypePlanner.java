package dev.ferry.mapping;

import dev.ferry.schema.Column;
import dev.ferry.schema.Table;
import dev.ferry.source.ColumnProfile;
import dev.ferry.source.Profiler;
import dev.ferry.source.SqliteSource;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Chooses every column's PostgreSQL type: the user's override first, then the first rule of
 * {@link TypeRules} that applies and fits the data. Rules whose fit the storage-class counts
 * cannot decide are answered together in one scan of the table.
 */
public final class TypePlanner {

    /** A column's chosen type and, when the data made Ferry leave the declared type, the problem. */
    public record Decision(Column column, ColumnProfile profile, PgType type, TypeRule rule, Problem problem) {
    }

    private final Profiler profiler;
    private final Map<String, PgType> overrides;

    /** @param overrides PostgreSQL types chosen by the user, keyed by "table.column" in lower case */
    public TypePlanner(Profiler profiler, Map<String, PgType> overrides) {
        this.profiler = profiler;
        this.overrides = overrides;
    }

    public record TableDecisions(long rows, List<Decision> columns) {
    }

    public TableDecisions decide(Table table) throws SQLException {
        Profiler.TableProfile profile = profiler.profile(table);
        int n = table.columns().size();
        List<List<TypeRule>> candidates = new ArrayList<>();
        for (Column col : table.columns()) {
            candidates.add(candidates(col, profile.columns().get(col.name())));
        }
        int[] next = new int[n];
        TypeRule[] chosen = new TypeRule[n];
        for (int ci = 0; ci < n; ci++) {
            if (overrides.containsKey(key(table, table.columns().get(ci)))) {
                chosen[ci] = candidates.get(ci).get(candidates.get(ci).size() - 1); // the user's type wins; no need to ask
            }
        }
        // The first candidate that needs a look at the values is asked first; most columns fit it,
        // so one scan usually settles the table. Columns that do not fit move on to the next candidate.
        while (true) {
            List<Integer> asking = new ArrayList<>();
            List<String> columns = new ArrayList<>(), tests = new ArrayList<>();
            for (int ci = 0; ci < n; ci++) {
                if (chosen[ci] != null) {
                    continue;
                }
                List<TypeRule> list = candidates.get(ci);
                TypeRule rule = list.get(next[ci]);
                if (next[ci] == list.size() - 1) {
                    chosen[ci] = rule; // the last candidate fits by the storage counts alone
                    continue;
                }
                Column col = table.columns().get(ci);
                asking.add(ci);
                columns.add(col.name());
                tests.add(rule.valueSql(col, SqliteSource.quote(col.name())));
            }
            if (asking.isEmpty()) {
                break;
            }
            long[] misfits = profiler.countMisfits(table, columns, tests);
            for (int k = 0; k < misfits.length; k++) {
                int ci = asking.get(k);
                if (misfits[k] == 0) {
                    chosen[ci] = candidates.get(ci).get(next[ci]);
                } else {
                    next[ci]++;
                }
            }
        }
        List<Decision> out = new ArrayList<>();
        for (int ci = 0; ci < n; ci++) {
            Column col = table.columns().get(ci);
            ColumnProfile p = profile.columns().get(col.name());
            PgType override = overrides.get(key(table, col));
            if (override != null) {
                out.add(new Decision(col, p, override, null, null));
            } else {
                out.add(new Decision(col, p, chosen[ci].type().apply(col, p), chosen[ci], problem(table, col, chosen[ci])));
            }
        }
        return new TableDecisions(profile.rows(), out);
    }

    private static String key(Table table, Column col) {
        return (table.name() + "." + col.name()).toLowerCase(java.util.Locale.ROOT);
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

    /** A problem when the data made Ferry leave the family of types the declaration asked for. */
    private Problem problem(Table table, Column col, TypeRule chosen) throws SQLException {
        TypeRule declared = TypeRules.all().stream().filter(r -> !r.needsData() && r.applies().test(col))
                .findFirst().orElseThrow();
        if (declared.family().equals("generic") || declared.family().equals(chosen.family())) {
            return null;
        }
        String test = declared.valueSql(col, SqliteSource.quote(col.name()));
        long count = profiler.countMisfits(table, List.of(col.name()), List.of(test))[0];
        List<String> examples = profiler.examples(table, col.name(), test, 5);
        String message = String.format("Column %s.%s is declared %s, but %,d value%s do%s not fit %s (for example %s); "
                        + "it becomes %s so nothing is lost.", table.name(), col.name(), col.declaredType(), count,
                count == 1 ? "" : "s", count == 1 ? "es" : "", declared.pgType(), String.join(", ", examples),
                chosen.pgType());
        return new Problem(table.name(), col.name(), Problem.Kind.DOES_NOT_FIT, count, "widen", examples, message);
    }
}
