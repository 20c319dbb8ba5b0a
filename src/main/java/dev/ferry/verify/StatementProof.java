package dev.ferry.verify;

import dev.ferry.postgres.Naming;
import dev.ferry.postgres.PgTarget;
import dev.ferry.sqlite.SqliteSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Collections;

/**
 * One of the app's statements proven on the migrated database, without changing either side:
 * PostgreSQL PREPAREs it in a transaction that is always rolled back (PREPARE checks every name,
 * type, operator and parameter, and runs nothing); a read-only query without parameters is also
 * run on both sides and its rows compared by what they mean, as a view's are.
 */
public final class StatementProof {

    /** The outcome a statement's proof reports. */
    public static final String SAME = "same-results", DIFFERENT = "different-results", PREPARED = "prepared",
            FAILED = "failed", NOT_RUN = "not-run";

    /** A proof's outcome and, in plain words, what it saw. */
    public record Outcome(String proof, String text) {
    }

    public static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final SqliteSource source;
    private final PgTarget target;
    private final String schema;

    public StatementProof(SqliteSource source, PgTarget target, String schema) {
        this.source = source;
        this.target = target;
        this.schema = schema;
    }

    /**
     * @param sqliteSql  the statement as the app sends it to SQLite
     * @param pgSql      its PostgreSQL text with parameters numbered ({@code $1}), as PREPARE takes them
     * @param parameters how many there are
     * @param readOnly   whether it only reads (a SELECT, or a WITH without INSERT, UPDATE or DELETE)
     */
    public Outcome prove(String sqliteSql, String pgSql, int parameters, boolean readOnly) {
        String failure = prepare(pgSql, parameters);
        if (failure != null) {
            return new Outcome(FAILED, "PostgreSQL: " + failure);
        }
        if (!readOnly || parameters > 0) {
            return new Outcome(PREPARED, "PostgreSQL accepts it: names, types and operators checked"
                    + (parameters > 0 ? " (rows not compared: it takes parameters)" : ""));
        }
        Proof p = new ViewProof(source, target, schema, ViewProof.ROW_LIMIT, TIMEOUT).compare(sqliteSql, pgSql);
        return switch (p.result()) {
            case Proof.PROVEN -> new Outcome(SAME, p.text());
            case Proof.DIFFERS -> new Outcome(DIFFERENT, p.text()
                    + (p.onlyInSqlite().isEmpty() ? "" : "; only in SQLite: " + String.join(", ", p.onlyInSqlite()))
                    + (p.onlyInPostgres().isEmpty() ? "" : "; only in PostgreSQL: " + String.join(", ", p.onlyInPostgres())));
            default -> new Outcome(PREPARED, "PostgreSQL accepts it, but the rows were not compared: " + p.text());
        };
    }

    /** PostgreSQL's message when it refuses the statement, else null. */
    private String prepare(String pgSql, int parameters) {
        try (Connection c = target.connection()) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.execute("SET LOCAL statement_timeout = " + TIMEOUT.toMillis());
                s.execute("SET LOCAL search_path = " + Naming.quote(schema));
                String types = parameters == 0 ? "" : "(" + String.join(", ", Collections.nCopies(parameters, "unknown")) + ")";
                // the parser read exactly one statement; a closing semicolon would end PREPARE's too
                s.execute("PREPARE ferry_check" + types + " AS " + pgSql.strip().replaceAll(";+$", ""));
                s.execute("DEALLOCATE ferry_check");
                return null;
            } catch (SQLException e) {
                return ViewProof.firstLine(e).replaceFirst("^ERROR: ", "");
            } finally {
                c.rollback();
            }
        } catch (SQLException e) {
            return ViewProof.firstLine(e);
        }
    }
}
