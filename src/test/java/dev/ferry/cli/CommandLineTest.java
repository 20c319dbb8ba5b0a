package dev.ferry.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ferry.postgres.TargetAddress;
import dev.ferry.testing.ChinookLikeFixture;
import dev.ferry.testing.TestPostgres;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line's contract: its commands, exit codes, report and password handling. */
class CommandLineTest {

    static Path chinook;

    record Run(int code, String out, String err) {
        String all() {
            return out + err;
        }
    }

    @BeforeAll
    static void fixture(@TempDir Path dir) throws Exception {
        chinook = ChinookLikeFixture.write(dir);
    }

    static synchronized Run ferry(String stdin, String... args) {
        PrintStream oldOut = System.out, oldErr = System.err;
        InputStream oldIn = System.in;
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            System.setIn(new ByteArrayInputStream((stdin == null ? "" : stdin + "\n").getBytes(StandardCharsets.UTF_8)));
            int code = FerryCommand.execute(args);
            return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
            System.setIn(oldIn);
        }
    }

    @Test
    void versionAndHelp() {
        Run v = ferry(null, "--version");
        assertEquals(0, v.code());
        assertTrue(v.out().startsWith("Ferry "), v.out());
        for (String cmd : new String[] {"inspect", "migrate", "verify", "rehearse", "sample", "check-app"}) {
            Run h = ferry(null, cmd, "--help");
            assertEquals(0, h.code(), cmd);
            assertTrue(h.out().contains("Usage: ferry " + cmd), h.out());
        }
        Run top = ferry(null, "--help");
        assertEquals(0, top.code());
        assertTrue(top.out().contains("ferry migrate app.db --to postgresql://me@host/app"), "an example to copy: " + top.out());
    }

    @Test
    void migrateWritesAReportAndVerifyAgrees(@TempDir Path dir) throws Exception {
        TargetAddress db = TestPostgres.get().freshDatabase();
        Path report = dir.resolve("report.json");
        Run r = ferry(null, "migrate", chinook.toString(), "--to", TestPostgres.url(db), "--report", report.toString());
        assertEquals(0, r.code(), r.all());
        assertTrue(r.out().contains("Every table arrived"), r.out());
        assertTrue(r.out().contains("Next, your app: ferry check-app ./my-app --source " + chinook + " --to postgresql://"),
                "the second half of the move, as a command to paste: " + r.out());
        assertTrue(r.out().contains("then ferry sync " + chinook + " --to postgresql://"), r.out());
        assertFalse(r.out().contains("password="), "no password in the next steps");
        JsonNode json = new ObjectMapper().readTree(report.toFile());
        assertEquals("done", json.get("status").asText());
        assertEquals(8, json.get("tables").size());
        for (JsonNode t : json.get("tables")) {
            assertEquals(t.get("rows").get("source").asLong(), t.get("rows").get("target").asLong());
            assertTrue(t.get("checksum").get("match").asBoolean());
        }
        assertFalse(json.get("target").asText().contains("password"));

        Run v = ferry(null, "verify", chinook.toString(), "--to", TestPostgres.url(db));
        assertEquals(0, v.code(), v.all());
    }

    @Test
    void verifyNamesTheTableThatDiffers() throws Exception {
        TargetAddress db = TestPostgres.get().freshDatabase();
        assertEquals(0, ferry(null, "migrate", chinook.toString(), "--to", TestPostgres.url(db)).code());
        try (var c = TestPostgres.get().connect(db); var s = c.createStatement()) {
            s.execute("UPDATE track SET name = name || '!' WHERE trackid = 7");
        }
        Run v = ferry(null, "verify", chinook.toString(), "--to", TestPostgres.url(db));
        assertEquals(5, v.code(), v.all());
        assertTrue(v.out().contains("Some tables differ: Track."), v.out());
    }

    @Test
    void existingTablesFailWithExitFourNamingThem() {
        TargetAddress db = TestPostgres.get().freshDatabase();
        assertEquals(0, ferry(null, "migrate", chinook.toString(), "--to", TestPostgres.url(db)).code());
        Run again = ferry(null, "migrate", chinook.toString(), "--to", TestPostgres.url(db));
        assertEquals(4, again.code(), again.all());
        assertTrue(again.err().contains("These tables already exist"), again.err());
        assertTrue(again.err().contains("album") && again.err().contains("track"), again.err());
        Run replace = ferry(null, "migrate", chinook.toString(), "--to", TestPostgres.url(db), "--if-exists", "replace", "--yes");
        assertEquals(0, replace.code(), replace.all());
    }

    @Test
    void wrongPasswordExitsFourWithAPlainMessageAndNoPassword() {
        Assumptions.assumeTrue(TestPostgres.get().embedded(), "needs the embedded server's password-checked role");
        String secret = "Tr0ub4dor&3-secret";
        TestPostgres.get().execute("DO $$BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '"
                + TestPostgres.PASSWORD_ROLE + "') THEN CREATE ROLE " + TestPostgres.PASSWORD_ROLE
                + " LOGIN PASSWORD 'right-one'; END IF; END$$");
        TargetAddress db = TestPostgres.get().freshDatabase();
        String url = "postgresql://" + TestPostgres.PASSWORD_ROLE + "@" + db.host() + ":" + db.port() + "/" + db.database();
        Run r = ferry(secret, "migrate", chinook.toString(), "--to", url, "--password-stdin", "--verbose");
        assertEquals(4, r.code(), r.all());
        assertTrue(r.err().contains("PostgreSQL rejected the password for user '" + TestPostgres.PASSWORD_ROLE + "'"), r.err());
        assertFalse(r.all().contains(secret), "the password must never be printed");
    }

    @Test
    void unreachableServerExitsFour() {
        Run r = ferry(null, "migrate", chinook.toString(), "--to", "postgresql://app@127.0.0.1:1/db");
        assertEquals(4, r.code(), r.all());
        assertTrue(r.err().contains("Nothing answered at 127.0.0.1:1"), r.err());
    }

    @Test
    void unusableSourceExitsThreeAndBadUsageTwo(@TempDir Path dir) throws Exception {
        Run missing = ferry(null, "inspect", dir.resolve("nope.db").toString());
        assertEquals(3, missing.code());
        assertTrue(missing.err().contains("There is no file at"), missing.err());
        Path text = Files.writeString(dir.resolve("notes.txt"), "this is not a database, just some words\n".repeat(100));
        assertEquals(3, ferry(null, "inspect", text.toString()).code());
        assertEquals(2, ferry(null, "migrate", chinook.toString(), "--to", "mysql://x@y/z").code());
        assertEquals(2, ferry(null, "migrate", chinook.toString()).code(), "--to is required");
        assertEquals(2, ferry(null, "migrate", chinook.toString(), "--to", "postgresql://a@b/c", "--jobs", "0").code());
    }

    @Test
    void inspectJsonMatchesWhatMigrateCreates() throws Exception {
        Run r = ferry(null, "inspect", chinook.toString(), "--json");
        assertEquals(0, r.code(), r.all());
        JsonNode plan = new ObjectMapper().readTree(r.out());
        TargetAddress db = TestPostgres.get().freshDatabase();
        assertEquals(0, ferry(null, "migrate", chinook.toString(), "--to", TestPostgres.url(db)).code());
        Set<String> planned = new TreeSet<>(), created = new TreeSet<>();
        for (JsonNode t : plan.get("tables")) {
            for (JsonNode c : t.get("columns")) {
                planned.add(t.get("target").asText() + "." + c.get("target").asText() + " " + c.get("type").asText());
            }
        }
        try (var c = TestPostgres.get().connect(db); var s = c.createStatement(); var rs = s.executeQuery(
                "SELECT c.relname || '.' || a.attname || ' ' || format_type(a.atttypid, a.atttypmod) FROM pg_attribute a "
                        + "JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace "
                        + "WHERE n.nspname = 'public' AND c.relkind = 'r' AND a.attnum > 0 AND NOT a.attisdropped")) {
            while (rs.next()) {
                created.add(rs.getString(1).replace("character varying", "varchar").replace("double precision", "double precision")
                        .replace("timestamp without time zone", "timestamp"));
            }
        }
        assertEquals(planned, created);
    }

    @Test
    void rehearseNeedsNoServerAndSampleWritesAFile(@TempDir Path dir) {
        Path sample = dir.resolve("my sample.db");
        Run s = ferry(null, "sample", sample.toString());
        assertEquals(0, s.code(), s.all());
        Run r = ferry(null, "rehearse", sample.toString());
        assertEquals(0, r.code(), r.all());
        assertTrue(r.out().contains("Every table arrived"), r.out());
        assertEquals(1, ferry(null, "sample", sample.toString()).code(), "refuses to overwrite");
    }
}
