package dev.ferry.cli;

import static dev.ferry.cli.CommandLineTest.ferry;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ferry.postgres.TargetAddress;
import dev.ferry.testing.AppDatabases;
import dev.ferry.testing.TestPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * ferry check-app through the real command line: a statement a line with its status and proof, the
 * summary, the driver it guessed and from where, the one place to change, the .env lines with the
 * password left out, the report, and the exit codes (0 proven, 5 a proof failed, 4 tables missing,
 * 2 usage).
 */
class CheckAppCommandLineTest {

    static final String APPS = "src/test/resources/dev/ferry/appcode/";
    static final String PASSWORD = "hunter2-never-shown";

    @Test
    void afterMigrateEveryStatementIsALineAndTheReportIsWritten(@TempDir Path dir) throws Exception {
        Path file = AppDatabases.write("discord-bot", dir);
        TargetAddress db = TestPostgres.get().freshDatabase();
        assertEquals(0, ferry(null, "migrate", file.toString(), "--to", TestPostgres.url(db)).code());
        Path report = dir.resolve("app.json");
        CommandLineTest.Run r = ferry(PASSWORD, "check-app", APPS + "discord-bot", "--source", file.toString(), "--to",
                TestPostgres.url(db), "--password-stdin", "--report", report.toString());
        assertEquals(0, r.code(), r.all());
        assertTrue(r.out().contains("Driver: asyncpg (guessed from db.py:8)"), r.out());
        assertTrue(r.out().contains("db.py:58  unchanged  prepared"), r.out());
        assertTrue(r.out().contains("    PostgreSQL: INSERT INTO matches (winner_id, loser_id) VALUES ($1, $2)"), r.out());
        assertTrue(r.out().contains("db.py:38  manual  not-run"), r.out());
        assertTrue(r.out().contains("Read 5 files (3 Python, 1 SQL, 1 config); skipped .venv, __pycache__."), r.out());
        assertTrue(r.out().contains("Found 23 statements: 2 unchanged, 6 translated, 15 need a person."), r.out());
        assertTrue(r.out().contains("3 same-results, 5 prepared, 15 not-run."), r.out());
        assertTrue(r.out().contains("The one place to change (aiosqlite): db.py:36"), r.out());
        assertTrue(r.out().contains("DATABASE_URL=postgresql://postgres:<password>@"), r.out());
        assertTrue(r.out().contains("Column players.active is now boolean: check bot.py:34"), r.out());
        assertFalse(r.all().contains(PASSWORD), "the password is printed");
        JsonNode json = new ObjectMapper().readTree(Files.readString(report));
        assertEquals(23, json.get("statements").size());
        assertEquals("db.py", json.get("statements").get(7).get("file").asText());
        assertEquals(23, json.get("summary").get("statements").asInt());
        assertFalse(Files.readString(report).contains(PASSWORD));

        CommandLineTest.Run html = ferry(null, "check-app", APPS + "discord-bot", "--source", file.toString(), "--to",
                TestPostgres.url(db), "--driver", "psycopg", "--report", dir.resolve("app.html").toString());
        assertEquals(0, html.code(), html.all());
        assertTrue(html.out().contains("Driver: psycopg (as given)"), html.out());
        String page = Files.readString(dir.resolve("app.html"));
        assertTrue(page.contains("VALUES (%s, %s)") && page.contains("<!DOCTYPE html>"), page);
    }

    @Test
    void driverGuessedAsTheWizardDoesOrChosenWithDriver(@TempDir Path dir) throws Exception {
        Path file = AppDatabases.write("discord-bot", dir);
        TargetAddress db = TestPostgres.get().freshDatabase();
        assertEquals(0, ferry(null, "migrate", file.toString(), "--to", TestPostgres.url(db)).code());
        CommandLineTest.Run guessed = ferry(PASSWORD, "check-app", APPS + "discord-bot", "--source", file.toString(), "--to",
                TestPostgres.url(db), "--password-stdin");
        assertEquals(0, guessed.code(), guessed.all());
        assertTrue(guessed.out().contains("Driver: asyncpg (guessed from db.py:8)"), guessed.out());
        assertTrue(guessed.out().contains("Values are written $1, $2, … in the PostgreSQL texts; choose another driver with --driver NAME."),
                guessed.out());

        CommandLineTest.Run jdbc = ferry(PASSWORD, "check-app", APPS + "discord-bot", "--source", file.toString(), "--to",
                TestPostgres.url(db), "--password-stdin", "--driver", "JDBC");
        assertEquals(0, jdbc.code(), jdbc.all());
        assertTrue(jdbc.out().contains("Driver: pgjdbc (as given)"), jdbc.out());
        assertTrue(jdbc.out().contains("Values are written ?, ?, … in the PostgreSQL texts."), jdbc.out());
        assertTrue(jdbc.out().contains("    PostgreSQL: UPDATE players SET team = ?, active = true WHERE discord_id = ?"), jdbc.out());
        assertTrue(jdbc.out().contains("  JDBC_DATABASE_URL=jdbc:postgresql://"), jdbc.out());
        assertTrue(jdbc.out().contains("password=<password>"), jdbc.out());
        assertFalse(jdbc.all().contains(PASSWORD), "the password is printed");

        CommandLineTest.Run pq = ferry(null, "check-app", APPS + "discord-bot", "--source", file.toString(), "--to",
                TestPostgres.url(db), "--driver", "lib/pq");
        assertEquals(0, pq.code(), pq.all());
        assertTrue(pq.out().contains("  DATABASE_URL=postgres://"), pq.out());

        CommandLineTest.Run odbc = ferry(null, "check-app", APPS + "discord-bot", "--source", file.toString(), "--to",
                TestPostgres.url(db), "--driver", "odbc");
        assertEquals(2, odbc.code(), odbc.all());
        assertTrue(odbc.err().contains("lib/pq"), odbc.err());
    }

    @Test
    void aProofThatFailsExitsWithFiveAndMissingTablesWithFour(@TempDir Path dir) throws Exception {
        Path file = AppDatabases.write("go-service", dir);
        TargetAddress empty = TestPostgres.get().freshDatabase();
        CommandLineTest.Run missing = ferry(null, "check-app", APPS + "go-service", "--source", file.toString(), "--to",
                TestPostgres.url(empty));
        assertEquals(4, missing.code(), missing.all());
        assertTrue(missing.err().contains("run ferry migrate first"), missing.err());

        CommandLineTest.Run rehearsed = ferry(null, "check-app", APPS + "go-service", "--source", file.toString(),
                "--rehearse");
        assertEquals(0, rehearsed.code(), rehearsed.all());
        assertTrue(rehearsed.out().contains("store/reports.go:6  translated  same-results"), rehearsed.out());
        assertTrue(rehearsed.out().contains("store/reports.go:35  unchanged  same-results"), rehearsed.out());

        // node-service orders by COLLATE nocase, a collation its migrated schema does not need: it failed to prove
        // (exit 5) until a run made Ferry's collation whenever the server has ICU; now it PREPAREs and the app is proven
        Path node = AppDatabases.write("node-service", dir);
        CommandLineTest.Run nocase = ferry(null, "check-app", APPS + "node-service", "--source", node.toString(),
                "--rehearse");
        assertEquals(0, nocase.code(), nocase.all());
        assertTrue(nocase.out().contains("src/repo/products.js:16  translated  prepared"), nocase.out());

        // unproven-bot groups by team alone and reads a column the database never had: PostgreSQL refuses both
        Path bot = AppDatabases.write("discord-bot", dir);
        TargetAddress league = TestPostgres.get().freshDatabase();
        assertEquals(0, ferry(null, "migrate", bot.toString(), "--to", TestPostgres.url(league)).code());
        CommandLineTest.Run refused = ferry(null, "check-app", APPS + "unproven-bot", "--source", bot.toString(), "--to",
                TestPostgres.url(league));
        assertEquals(5, refused.code(), refused.all());
        assertTrue(refused.out().contains("leaderboard.py:10  unchanged  failed"), refused.out());
        assertTrue(refused.out().contains("    Proof: PostgreSQL: column \"players.name\" must appear in the GROUP BY clause"),
                refused.out());
        assertTrue(refused.out().contains("leaderboard.py:16  unchanged  failed"), refused.out());
        assertTrue(refused.out().contains("    Proof: PostgreSQL: column \"nickname\" does not exist"), refused.out());
        assertTrue(refused.out().contains("leaderboard.py:21  unchanged  same-results"), refused.out());
        assertTrue(refused.out().contains("1 same-results, 2 failed."), refused.out());

        assertEquals(2, ferry(null, "check-app", APPS + "go-service", "--source", file.toString()).code(),
                "--to or --rehearse is needed");
    }
}
