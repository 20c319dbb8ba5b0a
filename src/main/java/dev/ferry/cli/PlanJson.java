package dev.ferry.cli;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.ferry.plan.ColumnPlan;
import dev.ferry.plan.Plan;
import dev.ferry.plan.Problem;
import dev.ferry.plan.TablePlan;
import java.nio.file.Path;
import java.util.List;

/**
 * The plan as {@code inspect --json} prints it, for scripts: Jackson writes these records field for
 * field in the order declared here. Absent values are written as {@code null}; only a problem's
 * {@code alternatives} is left out when there is no choice, and {@code suggestions} when Ferry has none.
 */
record PlanJson(String source, String schema, List<TableJson> tables, List<ViewJson> views, List<TriggerJson> triggers,
                List<ProblemJson> problems, @JsonInclude(JsonInclude.Include.NON_EMPTY) List<SuggestionJson> suggestions) {

    /**
     * What Ferry could also do ("Ferry could also ..."); {@code id} is what --suggest takes; {@code notCreated}
     * (left out when null) says why one taken is not carried out ("--leave-out indexes"), and {@code taken} is then false.
     */
    record SuggestionJson(String id, String kind, String table, String column, String does, String why, boolean taken,
                          @JsonInclude(JsonInclude.Include.NON_NULL) String notCreated) {
    }

    record TableJson(String name, String target, long rows, List<ColumnJson> columns, List<IndexJson> indexes,
                     List<CheckJson> checks, List<ForeignKeyJson> foreignKeys) {
    }

    record ColumnJson(String name, String target, String declared, String type, String rule, boolean identity,
                      boolean notNull, @JsonProperty("default") String defaultSql, String generated, String collation,
                      Holds holds) {
    }

    /** How many values of each SQLite storage class the column holds. */
    record Holds(long integer, long real, long text, long blob, @JsonProperty("null") long nulls) {
    }

    /** @param kind where it comes from: primary key, unique constraint or index */
    record IndexJson(String name, String kind, boolean unique, boolean created, String reason, String where,
                     List<String> expressions, List<String> columns) {
    }

    record CheckJson(String name, String sql, String translated, boolean created, String reason) {
    }

    record ForeignKeyJson(String name, String references, String onDelete, boolean created, String reason,
                          List<String> columns, List<String> referencedColumns) {
    }

    record ViewJson(String name, String target, String sql, String translated, String reason) {
    }

    record TriggerJson(String name, String table, String sql, String target, String function, String events, String when,
                       String body, String reason) {
    }

    record ProblemJson(String table, String column, String kind, long count, String resolution, String message,
                       @JsonInclude(JsonInclude.Include.NON_NULL) List<String> alternatives, List<String> examples) {
    }

    static PlanJson of(Plan plan, Path source) {
        return new PlanJson(source.toAbsolutePath().toString(), plan.schema(),
                plan.tables().stream().map(t -> table(plan, t)).toList(),
                plan.views().stream().map(v -> new ViewJson(v.source(), v.target(), v.originalSql(), v.select(), v.failure())).toList(),
                plan.triggers().stream().map(t -> new TriggerJson(t.name(), t.table(), t.sql(), t.target(), t.function(), t.events(),
                        t.when(), t.body(), t.failure())).toList(),
                plan.problems().stream().map(PlanJson::problem).toList(),
                plan.suggestions().stream().map(x -> new SuggestionJson(x.id(), x.kind().id(), x.table(), x.column(), x.does(),
                        x.why(), x.done(), x.notCreated())).toList());
    }

    private static TableJson table(Plan plan, TablePlan t) {
        return new TableJson(t.source().name(), t.target(), t.rows(), t.columns().stream().map(PlanJson::column).toList(),
                plan.indexes().stream().filter(i -> i.table() == t).map(i -> new IndexJson(i.name(),
                        i.origin().name().toLowerCase(), i.unique(), i.skipReason() == null, i.skipReason(), i.where(),
                        i.expressions(), i.columns())).toList(),
                t.checks().stream().map(k -> new CheckJson(k.name(), k.originalSql(), k.expression(), k.failure() == null,
                        k.failure())).toList(),
                plan.foreignKeys().stream().filter(f -> f.table() == t).map(f -> new ForeignKeyJson(f.name(),
                        f.parent() == null ? null : f.parent().target(), f.onDelete(), f.skipReason() == null, f.skipReason(),
                        f.columns(), f.parentColumns())).toList());
    }

    private static ColumnJson column(ColumnPlan c) {
        return new ColumnJson(c.source().name(), c.target(), c.source().declaredType(), c.type().sql(), c.ruleName(),
                c.identity(), c.source().notNull(), c.defaultSql(), c.generated(), c.collation(), new Holds(
                c.profile().integers(), c.profile().reals(), c.profile().texts(), c.profile().blobs(), c.profile().nulls()));
    }

    private static ProblemJson problem(Problem p) {
        return new ProblemJson(p.table(), p.column(), p.kind().id(), p.count(), p.resolution(), p.message(),
                p.choosable() ? p.kind().resolutions() : null, p.examples());
    }
}
