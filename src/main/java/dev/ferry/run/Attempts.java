package dev.ferry.run;

import dev.ferry.plan.Problem;
import dev.ferry.postgres.Ddl;
import dev.ferry.postgres.PgTarget;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * How the complete phase runs its statements: each is tried, and one PostgreSQL refuses is logged
 * and returned (or noted as a problem for the report), never thrown, so the run goes on. Every
 * sub-phase notes its problems here, in the order they are found.
 */
final class Attempts {

    // the complete phase's log, under the name the benchmark's notes point to for each statement's time
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Completer.class);

    private final PgTarget target;
    private final Ddl ddl;
    private final List<Problem> problems = Collections.synchronizedList(new ArrayList<>());

    Attempts(PgTarget target, Ddl ddl) {
        this.target = target;
        this.ddl = ddl;
    }

    PgTarget target() {
        return target;
    }

    Ddl ddl() {
        return ddl;
    }

    List<Problem> problems() {
        return problems;
    }

    void report(Problem p) {
        problems.add(p);
    }

    /** Runs {@code sql}; a refusal is noted as a problem of {@code kind} (none when kind is null). True when it ran. */
    boolean execute(String sql, String table, Problem.Kind kind, String what) {
        String error = tryExecute(sql);
        if (error != null && kind != null) {
            problems.add(new Problem(table, null, kind, 0, "report", List.of(sql), what + " was not created: " + error));
        }
        return error == null;
    }

    /**
     * Statements in one transaction with the schema first on the search path, as translated SQL
     * expects; PostgreSQL's refusal, or null.
     */
    String tryExecuteInSchema(List<String> statements) {
        long start = System.nanoTime();
        try (Connection c = target.connection()) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.execute(ddl.searchPath());
                for (String sql : statements) {
                    s.execute(sql);
                }
                c.commit();
                LOG.info("{} ms: {}", (System.nanoTime() - start) / 1_000_000, String.join("; ", statements));
                return null;
            } catch (SQLException e) {
                c.rollback();
                LOG.info("{} ms, refused: {}: {}", (System.nanoTime() - start) / 1_000_000, String.join("; ", statements),
                        e.getMessage());
                return e.getMessage();
            } finally {
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            return e.getMessage();
        }
    }

    /** One statement on its own; PostgreSQL's refusal, or null. */
    String tryExecute(String sql) {
        long start = System.nanoTime();
        try (Connection c = target.connection(); Statement s = c.createStatement()) {
            s.execute(sql);
            LOG.info("{} ms: {}", (System.nanoTime() - start) / 1_000_000, sql);
            return null;
        } catch (SQLException e) {
            LOG.info("{} ms, refused: {}: {}", (System.nanoTime() - start) / 1_000_000, sql, e.getMessage());
            return e.getMessage();
        }
    }
}
