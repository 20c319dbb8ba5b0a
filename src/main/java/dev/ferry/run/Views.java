package dev.ferry.run;

import dev.ferry.plan.Plan;
import dev.ferry.plan.Problem;
import dev.ferry.verify.Report;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The views, in the planned order (each after the views it reads); a view PostgreSQL refuses is
 * tried again once others were made, in case it reads one made later; what still fails is reported.
 */
final class Views {

    private final Plan plan;
    private final Attempts attempts;

    Views(Plan plan, Attempts attempts) {
        this.plan = plan;
        this.attempts = attempts;
    }

    /** Every planned view as the report lists it: created, skipped (with the planner's reason) or failed. */
    List<Report.Item> run() {
        List<Plan.ViewPlan> todo = new ArrayList<>(plan.views().stream().filter(v -> v.failure() == null).toList());
        Map<String, String> errors = new HashMap<>();
        Set<String> created = new HashSet<>();
        for (boolean progress = true; progress && !todo.isEmpty(); ) {
            progress = false;
            for (Iterator<Plan.ViewPlan> it = todo.iterator(); it.hasNext(); ) {
                Plan.ViewPlan v = it.next();
                String error = attempts.tryExecuteInSchema(List.of(attempts.ddl().createView(v)));
                if (error == null) {
                    it.remove();
                    created.add(v.source());
                    progress = true;
                } else {
                    errors.put(v.source(), error);
                }
            }
        }
        List<Report.Item> views = new ArrayList<>();
        for (Plan.ViewPlan v : plan.views()) {
            if (v.failure() != null) {
                views.add(new Report.Item(v.source(), v.target(), "skipped", v.failure(), v.originalSql()));
            } else if (created.contains(v.source())) {
                views.add(new Report.Item(v.source(), v.target(), "created", null, v.originalSql()));
            } else {
                List<String> missing = v.dependsOn().stream().filter(d -> !created.contains(d)).toList();
                String reason = "PostgreSQL said " + errors.get(v.source()) + (missing.isEmpty() ? ""
                        : " (it reads view " + String.join(", ", missing) + ", which was not created)");
                views.add(new Report.Item(v.source(), v.target(), "failed", reason, v.originalSql()));
                attempts.report(new Problem(v.source(), null, Problem.Kind.VIEW_NOT_CREATED, 0, "report", List.of(v.originalSql()),
                        "View " + v.source() + " was not created: " + reason));
            }
        }
        return views;
    }
}
