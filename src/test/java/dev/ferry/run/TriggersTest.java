package dev.ferry.run;

import static dev.ferry.run.ResumeTest.count;
import static dev.ferry.run.ResumeTest.query;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.plan.Problem;
import dev.ferry.postgres.TargetAddress;
import dev.ferry.testing.SqliteFixture;
import dev.ferry.testing.TestPostgres;
import dev.ferry.verify.Report;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The common trigger shapes work in PostgreSQL as they did in SQLite: a row stamped on update
 * (a timestamp column and a text one, with WHEN and UPDATE OF), audit rows written on insert,
 * update and delete from NEW and OLD, several statements, RAISE(ABORT), INSTEAD OF on a view. They are made after the
 * rows are copied, so the copy fired none of them; one that cannot be translated is reported with
 * its SQL; undo leaves none of their functions behind.
 */
class TriggersTest {

    @Test
    void commonTriggersWorkAfterTheCopyAndUndoRemovesTheirFunctions(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("triggers.sqlite");
        try (SqliteFixture db = SqliteFixture.at(file)) {
            db.sql("CREATE TABLE items (id INTEGER PRIMARY KEY, name TEXT NOT NULL, qty INTEGER, updated_at DATETIME, touched TEXT)",
                    "CREATE TABLE log (id INTEGER PRIMARY KEY AUTOINCREMENT, item_id INTEGER, action TEXT, old_name TEXT, "
                            + "new_name TEXT, at TEXT)");
            db.insert("items", new Object[] {1L, "bolt", 10L, "2020-01-01 00:00:00", "2020-01-01T00:00:00.000Z"},
                    new Object[] {2L, "nut", 20L, "2020-01-02 00:00:00", null});
            db.sql("CREATE TRIGGER items_stamp AFTER UPDATE ON items FOR EACH ROW WHEN NEW.updated_at IS OLD.updated_at "
                            + "BEGIN UPDATE items SET updated_at = CURRENT_TIMESTAMP WHERE id = NEW.id; END",
                    "CREATE TRIGGER items_touch AFTER UPDATE OF name ON items BEGIN UPDATE items SET touched = "
                            + "strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE rowid = NEW.rowid; END",
                    "CREATE TRIGGER items_ins AFTER INSERT ON items BEGIN INSERT INTO log(item_id, action, new_name, at) "
                            + "VALUES (NEW.id, 'insert', NEW.name, datetime('now')); END",
                    "CREATE TRIGGER [items upd] AFTER UPDATE OF name, qty ON items WHEN OLD.name <> NEW.name BEGIN "
                            + "INSERT INTO log(item_id, action, old_name, new_name, at) VALUES (NEW.id, 'rename', OLD.name, "
                            + "NEW.name, datetime('now')); INSERT INTO log(item_id, action) VALUES (NEW.id, 'second'); END",
                    "CREATE TRIGGER items_del AFTER DELETE ON items BEGIN INSERT INTO log(item_id, action, old_name) "
                            + "VALUES (OLD.id, 'delete', OLD.name); END",
                    "CREATE TRIGGER items_qty BEFORE INSERT ON items WHEN NEW.qty < 0 BEGIN "
                            + "SELECT RAISE(ABORT, 'qty must not be negative'); END",
                    "CREATE TRIGGER items_weird AFTER INSERT ON items BEGIN INSERT OR REPLACE INTO log(item_id, action) "
                            + "VALUES (NEW.id, 'weird'); END",
                    "CREATE VIEW item_names AS SELECT id, name FROM items",
                    "CREATE TRIGGER item_names_add INSTEAD OF INSERT ON item_names BEGIN INSERT INTO items (id, name, qty) "
                            + "VALUES (NEW.id, upper(NEW.name), 0); END");
        }
        TargetAddress target = TestPostgres.get().freshDatabase();
        Options options = Options.of(file, target, TestPostgres.get().adminPassword());
        Migration m = new Migration(options, MigrationListener.NONE);
        Result r = m.run(m.preflight());

        assertEquals(Result.Status.DONE, r.status());
        Map<String, String> status = r.triggers().stream().collect(Collectors.toMap(Report.Item::name, Report.Item::status));
        assertEquals(Map.of("items_stamp", "created", "items_touch", "created", "items_ins", "created", "items upd", "created",
                "items_del", "created", "items_qty", "created", "items_weird", "created", "item_names_add", "created"), status);
        // INSERT OR REPLACE on a table with one key became ON CONFLICT on it (it used to be refused; the typed
        // translator knows which key conflicts); a table with several unique keys is still refused (AppCheckTest, db.py:49)
        assertEquals(0, r.problems().stream().filter(p -> p.kind() == Problem.Kind.TRIGGER_NOT_TRANSLATED).count(),
                r.problems().toString());
        assertEquals(0, count(target, "SELECT count(*) FROM log"), "the copy fired no trigger");

        execute(target, "INSERT INTO items (id, name, qty) VALUES (10, 'washer', 1)");
        assertEquals("insert:washer", query(target, "SELECT action || ':' || new_name FROM log WHERE item_id = 10 "
                + "AND action = 'insert'"));
        assertEquals(1, count(target, "SELECT count(*) FROM log WHERE item_id = 10 AND action = 'weird'"),
                "the INSERT OR REPLACE trigger fired too");
        assertTrue(query(target, "SELECT at FROM log WHERE item_id = 10 AND action = 'insert'").matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d"));
        SQLException refused = assertThrows(SQLException.class,
                () -> execute(target, "INSERT INTO items (id, name, qty) VALUES (11, 'bad', -1)"));
        assertTrue(refused.getMessage().contains("qty must not be negative"), refused.getMessage());

        execute(target, "UPDATE items SET name = 'big bolt' WHERE id = 1");
        assertEquals(1, count(target, "SELECT count(*) FROM items WHERE id = 1 AND updated_at > now() AT TIME ZONE 'UTC' "
                + "- interval '1 minute'"), "stamped with SQLite's UTC moment");
        assertTrue(query(target, "SELECT touched FROM items WHERE id = 1").matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z"));
        assertEquals("rename:bolt>big bolt,second", query(target, "SELECT string_agg(action || coalesce(':' || old_name || '>' "
                + "|| new_name, ''), ',' ORDER BY id) FROM log WHERE item_id = 1"));

        execute(target, "INSERT INTO item_names VALUES (12, 'through the view')");
        assertEquals("THROUGH THE VIEW", query(target, "SELECT name FROM items WHERE id = 12"), "INSTEAD OF on a view");

        execute(target, "UPDATE items SET qty = 5, updated_at = '1999-01-01' WHERE id = 2");
        assertEquals("1999-01-01 00:00:00", query(target, "SELECT updated_at FROM items WHERE id = 2"),
                "WHEN NEW.updated_at IS OLD.updated_at: a value set by the statement is kept");
        assertEquals(null, query(target, "SELECT touched FROM items WHERE id = 2"), "UPDATE OF name: not fired for qty");
        execute(target, "DELETE FROM items WHERE id = 2");
        assertEquals("delete:nut", query(target, "SELECT action || ':' || old_name FROM log WHERE item_id = 2"));

        Undo undo = m.undo(null, true);
        assertTrue(undo.tables().contains("items"));
        assertEquals(0, count(target, "SELECT count(*) FROM pg_proc WHERE pronamespace = 'public'::regnamespace"),
                "undo dropped the triggers' functions");
    }

    @Test
    void aFunctionThatWasThereIsNeitherReplacedNorDropped(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("theirs.sqlite");
        try (SqliteFixture db = SqliteFixture.at(file)) {
            db.sql("CREATE TABLE items (id INTEGER PRIMARY KEY, name TEXT)", "CREATE TABLE log (item_id INTEGER)",
                    "CREATE TRIGGER items_ins AFTER INSERT ON items BEGIN INSERT INTO log VALUES (NEW.id); END");
        }
        TargetAddress target = TestPostgres.get().freshDatabase();
        String theirs = "CREATE FUNCTION public.items_ins_fn() RETURNS trigger LANGUAGE plpgsql AS $$BEGIN RETURN NULL; END$$";
        execute(target, theirs);
        Migration m = new Migration(Options.of(file, target, TestPostgres.get().adminPassword()), MigrationListener.NONE);
        Result r = m.run(m.preflight());

        Report.Item item = r.triggers().get(0);
        assertEquals("failed", item.status());
        assertTrue(item.reason().contains("exists already"), item.reason());
        assertEquals("BEGIN RETURN NULL; END", query(target, "SELECT prosrc FROM pg_proc WHERE proname = 'items_ins_fn'"));
        m.undo(null, true);
        assertEquals(1, count(target, "SELECT count(*) FROM pg_proc WHERE proname = 'items_ins_fn'"), "not the run's to drop");
    }

    static void execute(TargetAddress target, String sql) throws SQLException {
        try (Connection c = TestPostgres.get().connect(target); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

}
