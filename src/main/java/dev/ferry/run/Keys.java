package dev.ferry.run;

import dev.ferry.plan.Plan;
import dev.ferry.plan.Problem;
import dev.ferry.postgres.Ddl;
import dev.ferry.postgres.Naming;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The complete phase's first and longest step: indexes, foreign keys, and PRIMARY KEY and UNIQUE.
 * The unique indexes of tables that foreign keys point at come first, then the foreign keys (they
 * need only those: added NOT VALID, then validated so orphans are found and reported instead of
 * failing the run), then every other index, each group in parallel; then PRIMARY KEY and UNIQUE
 * are attached to their indexes, which waits for any verification still reading the table.
 * Validating a foreign key locks out index builds on its table, so validating before the big
 * tables' indexes lets the checksums fill the core a validation leaves idle, where validating last
 * left it idle at the very end.
 */
final class Keys {

    private final Plan plan;
    private final Attempts attempts;
    private final Ddl ddl;
    private final int jobs;
    private final Set<String> kept;

    Keys(Plan plan, Attempts attempts, int jobs, Set<String> kept) {
        this.plan = plan;
        this.attempts = attempts;
        this.ddl = attempts.ddl();
        this.jobs = jobs;
        this.kept = kept;
    }

    /**
     * How many indexes Ferry builds at once for {@code jobs}: a couple more than the jobs, so the
     * last big index is not built alone, but not so many more that a big machine's default opens
     * a crowd of connections.
     */
    static int indexBuilds(int jobs) {
        return Math.min(2 * jobs, jobs + 2);
    }

    void run() {
        // Biggest tables first, and more builds at once than `jobs`: with only `jobs` of them the last
        // big index was built alone at the end while a core stood idle (the benchmark's keys took
        // 4.0 s where their work fills 2 cores for 2.2 s)
        List<Plan.IndexPlan> all = plan.indexes().stream().filter(i -> i.skipReason() == null
                && !kept.contains(i.table().target()))
                .sorted(Comparator.comparingLong((Plan.IndexPlan i) -> i.table().rows()).reversed()).toList();
        List<Plan.ForeignKeyPlan> foreignKeys = plan.foreignKeys().stream()
                .filter(f -> f.skipReason() == null && !kept.contains(f.table().target())).toList();
        Set<String> referenced = foreignKeys.stream().map(f -> f.parent().target()).collect(Collectors.toSet());
        Map<Boolean, List<Plan.IndexPlan>> needed = all.stream()
                .collect(Collectors.partitioningBy(i -> i.unique() && referenced.contains(i.table().target())));
        List<Plan.IndexPlan> indexes = new ArrayList<>(needed.get(true));
        int neededCount = indexes.size();
        indexes.addAll(needed.get(false));
        // Ferry builds several indexes at once beside the verification's reads: PostgreSQL's own
        // parallel workers on top of that only contend for the same cores (the benchmark ran
        // about 0.6 s faster without them); a lone index may still use them
        List<String> before = indexes.size() > 1 ? List.of("SET LOCAL max_parallel_maintenance_workers = 0") : List.of();
        List<Boolean> built = new ArrayList<>(buildIndexes(indexes.subList(0, neededCount), before));
        List<Plan.ForeignKeyPlan> added = new ArrayList<>();
        for (Plan.ForeignKeyPlan f : foreignKeys) {
            if (attempts.execute(ddl.addForeignKey(f), f.table().source().name(), Problem.Kind.FOREIGN_KEY_NOT_CREATED,
                    "Foreign key " + f.name())) {
                added.add(f);
            }
        }
        Parallel.map(added, jobs, f -> {
            if (!attempts.execute(ddl.validateForeignKey(f), null, null, null)) {
                reportOrphans(f);
            }
            return null;
        });
        built.addAll(buildIndexes(indexes.subList(neededCount, indexes.size()), before));
        for (int k = 0; k < indexes.size(); k++) {
            String attach = ddl.attachConstraint(indexes.get(k));
            if (built.get(k) && attach != null) {
                attempts.execute(attach, indexes.get(k).table().source().name(), kind(indexes.get(k)),
                        "Constraint " + indexes.get(k).name());
            }
        }
    }

    private List<Boolean> buildIndexes(List<Plan.IndexPlan> indexes, List<String> before) {
        return Parallel.map(indexes, indexBuilds(jobs), i -> {
            List<String> statements = new ArrayList<>(before);
            statements.add(ddl.buildIndex(i));
            String error = attempts.tryExecuteInSchema(statements);
            if (error != null) {
                attempts.report(new Problem(i.table().source().name(), null, kind(i), 0, "report", List.of(ddl.buildIndex(i)),
                        "Index " + i.name() + " was not created: " + error));
            }
            return error == null;
        });
    }

    private static Problem.Kind kind(Plan.IndexPlan i) {
        return switch (i.origin()) {
            case PRIMARY_KEY -> Problem.Kind.PRIMARY_KEY_NOT_CREATED;
            case UNIQUE_CONSTRAINT -> Problem.Kind.UNIQUE_NOT_CREATED;
            case CREATE_INDEX -> Problem.Kind.INDEX_NOT_CREATED;
        };
    }

    /** The rows a foreign key found pointing nowhere: counted, a few shown, none dropped. */
    private void reportOrphans(Plan.ForeignKeyPlan f) {
        String child = Naming.qualified(plan.schema(), f.table().target()), parent = Naming.qualified(plan.schema(), f.parent().target());
        StringBuilder join = new StringBuilder(), notNull = new StringBuilder();
        for (int i = 0; i < f.columns().size(); i++) {
            join.append(i == 0 ? "" : " AND ").append("p.").append(Naming.quote(f.parentColumns().get(i))).append(" = c.")
                    .append(Naming.quote(f.columns().get(i)));
            notNull.append(" AND c.").append(Naming.quote(f.columns().get(i))).append(" IS NOT NULL");
        }
        String where = " FROM " + child + " c WHERE NOT EXISTS (SELECT 1 FROM " + parent + " p WHERE " + join + ")" + notNull;
        String cols = String.join(" || ', ' || ", f.columns().stream().map(x -> "c." + Naming.quote(x) + "::text").toList());
        long count = 0;
        List<String> examples = new ArrayList<>();
        try {
            // a connection lost while counting is waited for as the statements are, or the report would say 0
            count = attempts.withConnection(attempt -> {
                examples.clear();
                try (Connection c = attempts.target().connection(); Statement s = c.createStatement()) {
                    long n;
                    try (ResultSet rs = s.executeQuery("SELECT count(*)" + where)) {
                        rs.next();
                        n = rs.getLong(1);
                    }
                    try (ResultSet rs = s.executeQuery("SELECT DISTINCT " + cols + where + " LIMIT 5")) {
                        while (rs.next()) {
                            examples.add(rs.getString(1));
                        }
                    }
                    return n;
                }
            });
        } catch (SQLException e) {
            examples.add("could not count: " + e.getMessage());
        }
        attempts.report(new Problem(f.table().source().name(), String.join(",", f.columns()), Problem.Kind.FOREIGN_KEY_VIOLATED,
                count, "not-valid", examples, String.format("%,d row%s of %s point to no row of %s (SQLite did not check "
                + "this). The foreign key exists but is marked NOT VALID; no row was dropped.", count, count == 1 ? "" : "s",
                f.table().target(), f.parent().target())));
    }
}
