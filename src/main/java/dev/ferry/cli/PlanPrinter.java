package dev.ferry.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.ferry.plan.ColumnPlan;
import dev.ferry.plan.Plan;
import dev.ferry.plan.Problem;
import dev.ferry.plan.TablePlan;

/** Shows a plan: as readable text for people, or as JSON for scripts (inspect --json). */
final class PlanPrinter {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

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
                        + ProblemLine.of(p));
            }
        }
        suggestions(c, plan);
    }

    /** What Ferry could also do, each with why and the option that takes it; nothing when there is none. */
    static void suggestions(Console c, Plan plan) {
        if (plan.suggestions().isEmpty()) {
            return;
        }
        c.out.println();
        c.out.println("Ferry could also … (none of this is done unless you take it with --suggest):");
        for (dev.ferry.plan.Suggestion s : plan.suggestions()) {
            c.out.println("  - " + s.does() + " " + s.why());
            c.out.println("    " + (s.notCreated() != null ? "not created: " + s.notCreated() + " (taken: --suggest " + s.id() + ")"
                    : (s.taken() ? "taken: --suggest " : "take it with: --suggest ") + s.id()));
        }
    }

    static String json(Plan plan, java.nio.file.Path source) throws Exception {
        return JSON.writeValueAsString(PlanJson.of(plan, source));
    }
}
