package dev.ferry.run;

import dev.ferry.plan.ColumnPlan;
import dev.ferry.plan.PgType;
import dev.ferry.plan.Problem;
import dev.ferry.plan.TablePlan;
import dev.ferry.plan.TypeRule;
import dev.ferry.postgres.Naming;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Whether this PostgreSQL has pgvector, for the vector suggestion: installed in the database (its
 * vector type is used, named with the extension's schema), available to install (Ferry says how,
 * and the column is real[] this time: installing an extension takes rights a migration should not
 * assume), or absent (real[], which keeps every float).
 *
 * @param schema the extension's schema when installed, else null
 */
record Pgvector(State state, String schema) {

    enum State { INSTALLED, AVAILABLE, MISSING }

    static Pgvector of(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(Sql.query("pgvector"))) {
            if (!rs.next()) {
                return new Pgvector(State.MISSING, null);
            }
            String schema = rs.getString(2);
            return new Pgvector(schema != null ? State.INSTALLED : State.AVAILABLE, schema);
        }
    }

    /** The table with each taken vector column as vector(n) when installed; else real[] and why, with what to do. */
    TablePlan fit(TablePlan t, List<dev.ferry.plan.Suggestion> taken, List<Problem> found, Map<String, List<String>> changed) {
        List<ColumnPlan> cols = new ArrayList<>();
        for (ColumnPlan c : t.columns()) {
            if (c.conversion() != TypeRule.Conversion.FLOAT32_ARRAY || c.rule() != Suggestions.FLOATS) {
                cols.add(c);
                continue;
            }
            String name = t.source().name() + "." + c.source().name();
            int n = dims(t, c, taken);
            String vector = "vector(" + n + ")";
            switch (state) {
                case INSTALLED -> {
                    cols.add(new ColumnPlan(c.source(), c.target(), new PgType(PgType.Kind.TEXT, Naming.quote(schema) + "."
                            + vector), c.rule(), TypeRule.Conversion.FLOAT32_VECTOR, c.identity(), c.defaultSql(), c.profile(),
                            c.fix(), c.generated(), c.collation()));
                    changed.computeIfAbsent(vector + " (pgvector is installed)", k -> new ArrayList<>()).add(name);
                }
                case AVAILABLE -> {
                    cols.add(c);
                    found.add(new Problem(t.source().name(), c.source().name(), Problem.Kind.VECTOR_AS_ARRAY, 0, "report",
                            List.of(), "Column " + name + " becomes real[], not " + vector + ": pgvector is available on this "
                            + "server but not installed in this database. To get " + vector + ", have someone allowed to "
                            + "run CREATE EXTENSION vector; in this database, then migrate again (or later: ALTER TABLE "
                            + Naming.quote(t.target()) + " ALTER COLUMN " + Naming.quote(c.target()) + " TYPE " + vector
                            + " USING " + Naming.quote(c.target()) + "::" + vector + ")."));
                }
                case MISSING -> {
                    cols.add(c);
                    found.add(new Problem(t.source().name(), c.source().name(), Problem.Kind.VECTOR_AS_ARRAY, 0, "report",
                            List.of(), "Column " + name + " becomes real[], not " + vector + ": this server has no pgvector. "
                            + "real[] keeps every float; once pgvector is installed, ALTER TABLE " + Naming.quote(t.target())
                            + " ALTER COLUMN " + Naming.quote(c.target()) + " TYPE " + vector + " USING "
                            + Naming.quote(c.target()) + "::" + vector + " makes it a vector."));
                }
            }
        }
        return t.withColumns(cols);
    }

    /** How many float32s each value holds: the suggestion's size. */
    private static int dims(TablePlan t, ColumnPlan c, List<dev.ferry.plan.Suggestion> taken) {
        return taken.stream().filter(s -> s.kind() == dev.ferry.plan.Suggestion.Kind.VECTOR
                && s.table().equals(t.source().name()) && s.column().equals(c.source().name()))
                .mapToInt(s -> Integer.parseInt(s.details().get(0))).findFirst().orElseThrow();
    }
}
