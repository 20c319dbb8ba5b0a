package dev.ferry.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferry.plan.ColumnPlan;
import dev.ferry.plan.Plan;
import dev.ferry.plan.Problem;
import dev.ferry.plan.TablePlan;

/** Shows a plan: as readable text for people, or as JSON for scripts (inspect --json). */
final class PlanPrinter {

    private PlanPrinter() {
    }

    static void print(Console c, Plan plan) {
        for (TablePlan t : plan.tables()) {
            c.out.printf("%s → %s.%s  (%,d rows)%n", t.source().name(), plan.schema(), t.target(), t.rows());
            int w = Math.max(6, t.columns().stream().mapToInt(col -> col.source().name().length()).max().orElse(6));
            for (ColumnPlan col : t.columns()) {
                c.out.printf("  %-" + w + "s  %-16s %-34s → %s%s%n", col.source().name(),
                        col.source().declaredType().isEmpty() ? "(no type)" : col.source().declaredType(),
                        col.profile().describe(), col.type().sql(), col.identity() ? " identity"
                                : col.generated() != null ? " computed: " + col.generated() : col.collation() != null ? " case-insensitive" : "");
            }
            t.checks().forEach(k -> c.out.println("  check " + (k.failure() == null ? k.name() + ": " + k.expression()
                    : k.originalSql() + ": not created (" + k.failure() + ")")));
        }
        plan.views().forEach(v -> c.out.println("view " + v.source() + " → " + v.target() + (v.failure() == null ? ""
                : ": not created (" + v.failure() + ")")));
        plan.triggers().forEach(t -> c.out.println("trigger " + t.name() + " (on " + t.table() + ")" + (t.failure() == null
                ? " → " + t.target() + ", " + t.events() + ", function " + t.function() : ": reported, not recreated (" + t.failure() + ")")));
        if (!plan.problems().isEmpty()) {
            c.out.println();
            c.out.println("Problems found (" + plan.problems().size() + "), each with what Ferry will do:");
            for (Problem p : plan.problems()) {
                c.out.println("  - [" + p.kind().id() + " → " + p.resolution() + (p.choosable() ? "; or "
                        + String.join("|", p.kind().resolutions().stream().filter(x -> !x.equals(p.resolution())).toList())
                        + " with --on-problem " + p.kind().id() + ":" + p.table() + (p.column() == null ? "" : "." + p.column())
                        + "=..." : "") + "] "
                        + p.message());
            }
        }
    }

    static String json(Plan plan, java.nio.file.Path source) throws Exception {
        ObjectMapper m = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = m.createObjectNode();
        root.put("source", source.toAbsolutePath().toString());
        root.put("schema", plan.schema());
        ArrayNode tables = root.putArray("tables");
        for (TablePlan t : plan.tables()) {
            ObjectNode n = tables.addObject().put("name", t.source().name()).put("target", t.target()).put("rows", t.rows());
            ArrayNode cols = n.putArray("columns");
            for (ColumnPlan col : t.columns()) {
                ObjectNode cn = cols.addObject().put("name", col.source().name()).put("target", col.target())
                        .put("declared", col.source().declaredType()).put("type", col.type().sql())
                        .put("rule", col.ruleName()).put("identity", col.identity()).put("notNull", col.source().notNull())
                        .put("default", col.defaultSql()).put("generated", col.generated()).put("collation", col.collation());
                ObjectNode holds = cn.putObject("holds");
                holds.put("integer", col.profile().integers()).put("real", col.profile().reals())
                        .put("text", col.profile().texts()).put("blob", col.profile().blobs()).put("null", col.profile().nulls());
            }
            ArrayNode idx = n.putArray("indexes");
            plan.indexes().stream().filter(i -> i.table() == t).forEach(i -> {
                ObjectNode in = idx.addObject().put("name", i.name()).put("kind", i.origin().name().toLowerCase())
                        .put("unique", i.unique()).put("created", i.skipReason() == null).put("reason", i.skipReason())
                        .put("where", i.where());
                i.expressions().forEach(in.putArray("expressions")::add);
                i.columns().forEach(in.putArray("columns")::add);
            });
            ArrayNode checks = n.putArray("checks");
            t.checks().forEach(k -> checks.addObject().put("name", k.name()).put("sql", k.originalSql())
                    .put("translated", k.expression()).put("created", k.failure() == null).put("reason", k.failure()));
            ArrayNode fks = n.putArray("foreignKeys");
            plan.foreignKeys().stream().filter(f -> f.table() == t).forEach(f -> {
                ObjectNode fn = fks.addObject().put("name", f.name())
                        .put("references", f.parent() == null ? null : f.parent().target())
                        .put("onDelete", f.onDelete()).put("created", f.skipReason() == null).put("reason", f.skipReason());
                f.columns().forEach(fn.putArray("columns")::add);
                f.parentColumns().forEach(fn.putArray("referencedColumns")::add);
            });
        }
        ArrayNode views = root.putArray("views");
        plan.views().forEach(v -> views.addObject().put("name", v.source()).put("target", v.target()).put("sql", v.originalSql())
                .put("translated", v.select()).put("reason", v.failure()));
        ArrayNode triggers = root.putArray("triggers");
        plan.triggers().forEach(t -> triggers.addObject().put("name", t.name()).put("table", t.table()).put("sql", t.sql())
                .put("target", t.target()).put("function", t.function()).put("events", t.events()).put("when", t.when())
                .put("body", t.body()).put("reason", t.failure()));
        ArrayNode problems = root.putArray("problems");
        for (Problem p : plan.problems()) {
            ObjectNode pn = problems.addObject().put("table", p.table()).put("column", p.column()).put("kind", p.kind().id())
                    .put("count", p.count()).put("resolution", p.resolution()).put("message", p.message());
            if (p.choosable()) {
                p.kind().resolutions().forEach(pn.putArray("alternatives")::add);
            }
            p.examples().forEach(pn.putArray("examples")::add);
        }
        return m.writeValueAsString(root);
    }
}
