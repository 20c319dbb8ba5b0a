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
        List<List<TypeRule>> candidates = new ArrayList<>();
        List<String> askColumns = new ArrayList<>(), askSql = new ArrayList<>();
        List<int[]> askIndex = new ArrayList<>(); // {column index, candidate index}
        for (int ci = 0; ci < table.columns().size(); ci++) {
            Column col = table.columns().get(ci);
            ColumnProfile p = profile.columns().get(col.name());
            List<TypeRule> list = new ArrayList<>();
            for (TypeRule rule : TypeRules.all()) {
                if (!rule.applies().test(col) || (rule.needsData() && p.nonNull() == 0)) {
                    continue;
                }
                TypeRule.Fit fit = rule.fit().apply(p);
                if (fit == TypeRule.Fit.NO) {
                    continue;
                }
                list.add(rule);
                if (fit == TypeRule.Fit.YES) {
                    break;
                }
                askColumns.add(col.name());
                askSql.add(rule.valueSql(col, SqliteSource.quote(col.name())));
                askIndex.add(new int[] {ci, list.size() - 1});
            }
            candidates.add(list);
        }
        long[] misfits = profiler.countMisfits(table, askColumns, askSql);
        for (int i = misfits.length - 1; i >= 0; i--) {
            if (misfits[i] > 0) {
                candidates.get(askIndex.get(i)[0]).set(askIndex.get(i)[1], null);
            }
        }
        List<Decision> out = new ArrayList<>();
        for (int ci = 0; ci < table.columns().size(); ci++) {
            Column col = table.columns().get(ci);
            ColumnProfile p = profile.columns().get(col.name());
            PgType override = overrides.get((table.name() + "." + col.name()).toLowerCase(java.util.Locale.ROOT));
            if (override != null) {
                out.add(new Decision(col, p, override, null, null));
                continue;
            }
            TypeRule chosen = candidates.get(ci).stream().filter(r -> r != null).findFirst().orElseThrow();
            out.add(new Decision(col, p, chosen.type().apply(col, p), chosen, problem(table, col, chosen)));
        }
        return new TableDecisions(profile.rows(), out);
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
