package dev.ferry.run;

import dev.ferry.plan.Plan;
import dev.ferry.plan.Problem;
import dev.ferry.plan.TablePlan;

/**
 * A full-text table that arrives as a plain one (when the user chose to keep it searchable) gets
 * its tsvector search column and GIN index now, after the rows are in (Ddl.search says why these).
 */
final class SearchColumns {

    private final Plan plan;
    private final Attempts attempts;

    SearchColumns(Plan plan, Attempts attempts) {
        this.plan = plan;
        this.attempts = attempts;
    }

    void run() {
        for (TablePlan t : plan.tables()) {
            if (VirtualTables.searchable(plan, t)) {
                for (String q : attempts.ddl().search(t)) {
                    if (!attempts.execute(q, t.source().name(), Problem.Kind.INDEX_NOT_CREATED, "The search column of " + t.target())) {
                        break;
                    }
                }
            }
        }
    }
}
