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
import java.util.Set;
import java.util.function.BooleanSupplier;

/**
 * How the complete phase runs its statements: each is tried, and one PostgreSQL refuses is logged
 * and returned (or noted as a problem for the report), never thrown, so the run goes on. A lost
 * connection is tried again after the copy's back-off; when the server does not come back the run
 * stops, resumable (see {@link Faults#retry}). Every
 * sub-phase notes its problems here, in the order they are found.
 */
final class Attempts {

    // the complete phase's log, under the name the benchmark's notes point to for each statement's time
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Completer.class);

    /** What the complete phase is doing, as the notes of a lost connection say it. */
    static final String DOING = "making keys, indexes and views";
    /** duplicate_table (an index, a view), duplicate_object (a constraint, a trigger), duplicate_function, duplicate_column. */
    private static final Set<String> ALREADY_MADE = Set.of("42P07", "42710", "42723", "42701");

    private final PgTarget target;
    private final Ddl ddl;
    private final MigrationListener listener;
    private final BooleanSupplier stop;
    private final List<Problem> problems = Collections.synchronizedList(new ArrayList<>());

    /** {@code stop}: the run stops (cancelled, or its verification failed), so a lost connection is not waited for. */
    Attempts(PgTarget target, Ddl ddl, MigrationListener listener, BooleanSupplier stop) {
        this.target = target;
        this.ddl = ddl;
        this.listener = listener;
        this.stop = stop;
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
        return tryRun(statements, true);
    }

    /** One statement on its own; PostgreSQL's refusal, or null. */
    String tryExecute(String sql) {
        return tryRun(List.of(sql), false);
    }

    /** {@code work} on the target, tried again when the connection is lost (see {@link Faults#retry}). */
    <T> T withConnection(Faults.Work<T> work) throws SQLException {
        return Faults.retry(DOING, target, listener, stop, work);
    }

    private String tryRun(List<String> statements, boolean inSchema) {
        String text = String.join("; ", statements);
        try {
            withConnection(attempt -> {
                long start = System.nanoTime();
                try (Connection c = target.connection()) {
                    once(c, statements, inSchema);
                    LOG.info("{} ms: {}", (System.nanoTime() - start) / 1_000_000, text);
                } catch (SQLException e) {
                    if (attempt > 0 && ALREADY_MADE.contains(e.getSQLState())) {
                        // the try before committed, and the connection was lost before PostgreSQL could say so
                        LOG.info("{} ms, made by the try before: {}", (System.nanoTime() - start) / 1_000_000, text);
                        return null;
                    }
                    LOG.info("{} ms, refused: {}: {}", (System.nanoTime() - start) / 1_000_000, text, e.getMessage());
                    throw e;
                }
                return null;
            });
            return null;
        } catch (SQLException e) {
            return e.getMessage();
        }
    }

    private void once(Connection c, List<String> statements, boolean inSchema) throws SQLException {
        if (!inSchema) {
            try (Statement s = c.createStatement()) {
                s.execute(statements.get(0));
            }
            return;
        }
        c.setAutoCommit(false);
        try (Statement s = c.createStatement()) {
            s.execute(ddl.searchPath());
            for (String sql : statements) {
                s.execute(sql);
            }
            c.commit();
        } catch (SQLException e) {
            try {
                c.rollback();
            } catch (SQLException lost) {
                e.addSuppressed(lost); // the connection is gone: so is the transaction
            }
            throw e;
        } finally {
            try {
                c.setAutoCommit(true);
            } catch (SQLException lost) {
                // the pool throws the broken connection away
            }
        }
    }
}
