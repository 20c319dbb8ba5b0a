package dev.ferry.verify;

import dev.ferry.plan.Plan;
import dev.ferry.postgres.Ddl;
import dev.ferry.postgres.Naming;
import dev.ferry.postgres.PgTarget;
import dev.ferry.sqlite.SqliteSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The views and triggers of a run, each with its proof on the user's data: a created view run on
 * both sides ({@link ViewProof}), a created trigger fired in a rolled-back transaction
 * ({@link TriggerProof}). A view whose rows differ becomes created-differs with the reason; one
 * that could not be proven stays created and its proof says why.
 */
public final class Proofs {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Proofs.class);

    private Proofs() {
    }

    public static List<Report.Item> views(Plan plan, SqliteSource source, PgTarget target, List<Report.Item> items) {
        ViewProof proof = new ViewProof(source, target, plan.schema());
        List<Report.Item> out = new ArrayList<>();
        for (Report.Item i : items) {
            Plan.ViewPlan v = plan.views().stream().filter(p -> p.source().equals(i.name())).findFirst().orElse(null);
            if (v == null || !"created".equals(i.status())) {
                out.add(i);
                continue;
            }
            long start = System.nanoTime();
            Proof p;
            try {
                p = proof.prove(v.source(), v.target());
            } catch (RuntimeException e) { // a value Ferry cannot read: the view is still there, only unproven
                LOG.warn("view {} could not be proven", v.source(), e);
                p = Proof.notProven("Ferry could not compare its rows (" + e.getMessage() + ")");
            }
            LOG.info("view {} proven in {} ms: {}", v.source(), (System.nanoTime() - start) / 1_000_000, p.text());
            // the view as planned keeps PostgreSQL's meaning unless the user chose SQLite's (see run.ViewMeaning)
            out.add(i.withMeaning(i.meaning() == null ? Report.Item.POSTGRES_MEANING : i.meaning())
                    .proven(p, p.differs() ? ViewDifference.reason(v, plan, p) : null));
        }
        return out;
    }

    public static List<Report.Item> triggers(Plan plan, PgTarget target, List<Report.Item> items) {
        List<Plan.TriggerPlan> created = plan.triggers().stream().filter(t -> items.stream()
                .anyMatch(i -> i.name().equals(t.name()) && "created".equals(i.status()))).toList();
        Map<String, Proof> proofs = new TriggerProof(target, plan.schema()).proveAll(created);
        return items.stream().map(i -> {
            Proof p = "created".equals(i.status()) ? proofs.get(i.name()) : null;
            return p == null ? i : i.proven(p, p.text());
        }).toList();
    }

    /**
     * For the verify command: the plan's views that are in PostgreSQL, as created items to be proven,
     * each with the meaning it has there (SQLite's when the run made it so: its comment says it).
     */
    public static List<Report.Item> existingViews(Plan plan, PgTarget target) {
        Set<String> there = names(target, "SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
                + "WHERE n.nspname = ? AND c.relkind IN ('v', 'm')", plan.schema());
        Set<String> sqliteMeaning = names(target, "SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = "
                + "c.relnamespace WHERE n.nspname = ? AND c.relkind = 'v' AND left(obj_description(c.oid, 'pg_class'), "
                + Ddl.SQLITE_MEANING_COMMENT.length() + ") = " + Naming.literal(Ddl.SQLITE_MEANING_COMMENT), plan.schema());
        return plan.views().stream().filter(v -> v.failure() == null && there.contains(v.target()))
                .map(v -> new Report.Item(v.source(), v.target(), "created", null, v.originalSql(), null,
                        sqliteMeaning.contains(v.target()) ? Report.Item.SQLITE_MEANING : null)).toList();
    }

    /** For the verify command: the plan's triggers that are in PostgreSQL, on the tables the plan names. */
    public static List<Report.Item> existingTriggers(Plan plan, PgTarget target) {
        Set<String> there = names(target, "SELECT c.relname || '.' || t.tgname FROM pg_trigger t JOIN pg_class c ON "
                + "c.oid = t.tgrelid JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = ? AND NOT t.tgisinternal",
                plan.schema());
        return plan.triggers().stream().filter(t -> t.failure() == null && there.contains(t.on() + "." + t.target()))
                .map(t -> new Report.Item(t.name(), t.target(), "created", null, t.sql())).toList();
    }

    private static Set<String> names(PgTarget target, String sql, String schema) {
        Set<String> out = new HashSet<>();
        try (Connection c = target.connection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, schema);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
        } catch (SQLException e) {
            LOG.warn("could not list the views and triggers of schema {}", schema, e);
        }
        return out;
    }
}
