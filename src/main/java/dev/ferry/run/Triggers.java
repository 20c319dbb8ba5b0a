package dev.ferry.run;

import dev.ferry.plan.Plan;
import dev.ferry.plan.Problem;
import dev.ferry.postgres.Ddl;
import dev.ferry.verify.Report;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The triggers, each with its function, made last: the rows are in, so COPY fired none of them.
 * A function of the same name that is not Ferry's is never replaced; tables that were there before
 * the run keep their own triggers.
 */
final class Triggers {

    private final Plan plan;
    private final Attempts attempts;
    private final Set<String> kept;

    Triggers(Plan plan, Attempts attempts, Set<String> kept) {
        this.plan = plan;
        this.attempts = attempts;
        this.kept = kept;
    }

    /** Every planned trigger as the report lists it: created, skipped (and why) or failed. */
    List<Report.Item> run() {
        List<Report.Item> triggers = new ArrayList<>();
        for (Plan.TriggerPlan t : plan.triggers()) {
            String status, reason = t.failure();
            if (reason != null) {
                status = "skipped";
            } else if (kept.contains(t.on())) {
                status = "skipped";
                reason = "table " + t.on() + " existed before the run and keeps its own triggers";
            } else {
                List<String> sql = attempts.ddl().createTrigger(t);
                String mine = functionSource(t.function());
                if (mine != null && !mine.equals(Ddl.functionBody(t))) {
                    sql = List.of(); // someone else's function of that name: never replaced
                }
                String error = sql.isEmpty() ? "a function named " + t.function() + " exists already in schema "
                        + plan.schema() + "; Ferry does not replace it"
                        : attempts.tryExecuteInSchema(mine == null ? sql : sql.subList(1, sql.size()));
                status = error == null ? "created" : "failed";
                if (error != null) {
                    reason = "PostgreSQL said " + error;
                    attempts.report(new Problem(t.table(), null, Problem.Kind.TRIGGER_NOT_TRANSLATED, 0, "report",
                            List.of(t.sql()), "Trigger " + t.name() + " was not created: " + reason));
                }
            }
            triggers.add(new Report.Item(t.name(), t.target(), status, reason, t.sql()));
        }
        return triggers;
    }

    /** The source of the schema's function {@code name}() when there is one (an earlier attempt of this run may have made it). */
    private String functionSource(String name) {
        try {
            // a lost connection is waited for, not taken for "no such function"
            return attempts.withConnection(attempt -> {
                try (Connection c = attempts.target().connection();
                     PreparedStatement ps = c.prepareStatement(Sql.query("function-source"))) {
                    ps.setString(1, plan.schema());
                    ps.setString(2, name);
                    try (ResultSet rs = ps.executeQuery()) {
                        return rs.next() ? rs.getString(1) : null;
                    }
                }
            });
        } catch (SQLException e) {
            return null;
        }
    }
}
