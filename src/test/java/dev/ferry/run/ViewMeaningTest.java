package dev.ferry.run;

import static dev.ferry.run.ResumeTest.query;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.FerryException;
import dev.ferry.postgres.TargetAddress;
import dev.ferry.testing.SakilaLikeFixture;
import dev.ferry.testing.TestPostgres;
import dev.ferry.verify.Proof;
import dev.ferry.verify.Report;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The literal-meaning choice on the Sakila-like schema: view "payments 1997" filters payment_date,
 * stored in SQLite as '1997-12-31 00:00:00.000' text, with BETWEEN DATETIME('1997-01-01') AND
 * DATETIME('1997-12-31'). By default it keeps PostgreSQL's meaning (moments) and is created-differs
 * with the reason and both counts; with SQLite's meaning chosen it is made again comparing the text
 * SQLite stored, and proven to return SQLite's rows.
 */
class ViewMeaningTest {

    static TargetAddress target;
    static Migration migration;
    static Result result;

    @BeforeAll
    static void migrate(@TempDir Path dir) throws Exception {
        Path file = SakilaLikeFixture.write(dir.resolve(SakilaLikeFixture.FILE_NAME));
        target = TestPostgres.get().freshDatabase();
        migration = new Migration(Options.of(file, target, TestPostgres.get().adminPassword()), MigrationListener.NONE);
        result = migration.run(migration.preflight());
    }

    static Report.Item view(Result r, String name) {
        return r.views().stream().filter(v -> v.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void byDefaultTheViewKeepsPostgresMeaningAndSaysWhyItDiffers() {
        Report.Item between = view(result, "payments 1997");
        assertEquals("created-differs", between.status());
        assertEquals(Report.Item.POSTGRES_MEANING, between.meaning());
        assertTrue(between.reason().startsWith("SQLite compared these dates as text: payment_date"), between.reason());
        assertEquals(2L, between.proof().sqliteRows());
        assertEquals(3L, between.proof().postgresRows());
        assertEquals(Report.Item.POSTGRES_MEANING, view(result, "active customers").meaning(), "every created view says its meaning");
    }

    @Test
    void sqlitesMeaningRecreatesTheViewAndItReturnsSqlitesRows() throws Exception {
        Result chosen = migration.useSqliteMeaning(result, "payments 1997");
        Report.Item between = view(chosen, "payments 1997");
        assertEquals("created", between.status(), between.reason());
        assertEquals(Report.Item.SQLITE_MEANING, between.meaning());
        assertEquals(Proof.PROVEN, between.proof().result(), between.proof().text());
        assertEquals(2L, between.proof().sqliteRows());
        assertEquals(2L, between.proof().postgresRows());
        assertEquals("1,5", query(target, "SELECT string_agg(payment_id::text, ',' ORDER BY payment_id) FROM \"payments 1997\""),
                "1997-12-31 00:00:00.000 sorts after '1997-12-31 00:00:00' as text: SQLite's rows");
        String def = query(target, "SELECT pg_get_viewdef('\"payments 1997\"'::regclass)");
        assertTrue(def.contains("'YYYY-MM-DD HH24:MI:SS.MS'") && def.contains("COLLATE \"C\""), def);
        // the other views are as they were
        assertEquals(result.views().size(), chosen.views().size());
        assertEquals(view(result, "active customers"), view(chosen, "active customers"));
        // and the report says it
        String json = Report.toJson(Report.of("done", Path.of("x.sqlite"), "postgresql://x@y/z", chosen.tables(), chosen.plan(),
                chosen.problems(), chosen.views(), chosen.triggers(), 1));
        assertTrue(json.contains("\"meaning\" : \"sqlite\""), json);
    }

    @Test
    void aLaterVerifyKnowsTheViewHasSqlitesMeaningFromItsComment() throws Exception {
        migration.useSqliteMeaning(result, "payments 1997");
        assertTrue(query(target, "SELECT obj_description('\"payments 1997\"'::regclass, 'pg_class')")
                .startsWith("Made by Ferry with SQLite's meaning: dates are compared as the text SQLite stored"),
                "a person reading the view in psql is told too");
        Result verified = migration.verify(result.plan());
        Report.Item between = view(verified, "payments 1997");
        assertEquals(Report.Item.SQLITE_MEANING, between.meaning(), "verify labels the view by what is in PostgreSQL");
        assertEquals("created", between.status(), between.reason());
        assertEquals(Proof.PROVEN, between.proof().result(), between.proof().text());
        assertEquals(2L, between.proof().postgresRows());
        assertEquals(Report.Item.POSTGRES_MEANING, view(verified, "active customers").meaning());
    }

    @Test
    void aViewWithNothingToWriteSqlitesWayStaysAsItWasAndSaysSo() {
        Result chosen = migration.useSqliteMeaning(result, "active customers");
        Report.Item active = view(chosen, "active customers");
        assertEquals("created", active.status());
        assertEquals(Report.Item.POSTGRES_MEANING, active.meaning());
        assertTrue(active.reason().contains("Ferry found no date column compared with text"), active.reason());
    }

    @Test
    void onlyACreatedViewOfTheRunCanChange() {
        FerryException e = assertThrows(FerryException.class, () -> migration.useSqliteMeaning(result, "no such view"));
        assertEquals(FerryException.Kind.USAGE, e.kind());
        assertTrue(e.getMessage().contains("no such view"), e.getMessage());
        assertEquals(List.of(), result.views().stream().filter(v -> !v.status().startsWith("created")).toList(),
                "every view of the fixture is created (so the refusal above is the unknown name's)");
    }
}
