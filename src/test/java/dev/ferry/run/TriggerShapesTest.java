package dev.ferry.run;

import static dev.ferry.run.ResumeTest.count;
import static dev.ferry.run.ResumeTest.query;
import static dev.ferry.run.TriggersTest.execute;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.postgres.TargetAddress;
import dev.ferry.testing.SqliteFixture;
import dev.ferry.testing.TestPostgres;
import dev.ferry.verify.Proof;
import dev.ferry.verify.Report;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Triggers as apps and ORMs write them, each created and proven by firing it: updated_at in its forms
 * (the key, the rowid under another name, a composite key, several columns, quoted names with spaces,
 * CURRENT_TIMESTAMP, datetime('now'), strftime), audit rows, counter caches, a cascade, soft delete
 * with RAISE(IGNORE), checks with RAISE(ABORT) and a WHEN, INSTEAD OF on a view. A trigger that
 * updates its own table fires once and stops, as in SQLite (recursive_triggers off). The sync
 * triggers of an FTS5 external-content index are reported: the index itself is not made.
 */
class TriggerShapesTest {

    @Test
    void realWorldTriggersAreCreatedAndFire(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("app.sqlite");
        try (SqliteFixture db = SqliteFixture.at(file)) {
            db.sql("CREATE TABLE posts (id INTEGER PRIMARY KEY, title TEXT NOT NULL, body TEXT, comment_count INTEGER NOT NULL "
                            + "DEFAULT 0, deleted_at TEXT, created_at DATETIME, updated_at DATETIME, \"Last Seen\" TEXT)",
                    "CREATE TABLE comments (id INTEGER PRIMARY KEY, post_id INTEGER, body TEXT, deleted INTEGER NOT NULL DEFAULT 0)",
                    "CREATE TABLE tags (post_id INTEGER, tag TEXT, tagged_at TEXT, PRIMARY KEY (post_id, tag))",
                    "CREATE TABLE \"user accounts\" (\"user id\" INTEGER PRIMARY KEY, \"display name\" TEXT, \"updated at\" TEXT)",
                    "CREATE TABLE audit (id INTEGER PRIMARY KEY AUTOINCREMENT, tbl TEXT, row_id INTEGER, action TEXT, at TEXT)",
                    "CREATE TABLE nodes (id INTEGER PRIMARY KEY, n INTEGER, touched INTEGER NOT NULL DEFAULT 0)",
                    "CREATE VIRTUAL TABLE posts_fts USING fts5(title, body, content='posts', content_rowid='id')",
                    "CREATE VIEW live_posts AS SELECT id, title FROM posts WHERE deleted_at IS NULL");
            db.sql("INSERT INTO posts (id, title, body, created_at, updated_at) VALUES (1, 'first', 'hello', "
                            + "'2020-01-01 00:00:00', '2020-01-01 00:00:00'), (2, 'second', 'world', '2020-01-02 00:00:00', NULL)",
                    "INSERT INTO comments (id, post_id, body) VALUES (1, 1, 'nice'), (2, 2, 'meh')",
                    "INSERT INTO tags VALUES (1, 'news', NULL)",
                    "INSERT INTO \"user accounts\" VALUES (1, 'Ann', NULL)",
                    "INSERT INTO nodes (id, n) VALUES (1, 0), (2, 0), (3, 0)",
                    "INSERT INTO posts_fts (posts_fts) VALUES ('rebuild')");
            db.sql(
                    // updated_at: the key form, several columns, CURRENT_TIMESTAMP and a quoted name with a space
                    "CREATE TRIGGER posts_updated AFTER UPDATE ON posts FOR EACH ROW WHEN NEW.updated_at IS OLD.updated_at "
                            + "BEGIN UPDATE posts SET updated_at = CURRENT_TIMESTAMP, \"Last Seen\" = datetime('now') "
                            + "WHERE id = NEW.id; END",
                    // created_at on insert, the rowid form
                    "CREATE TRIGGER posts_created AFTER INSERT ON posts BEGIN UPDATE posts SET created_at = datetime('now') "
                            + "WHERE rowid = NEW.rowid; END",
                    // a composite key, BEFORE UPDATE
                    "CREATE TRIGGER tags_touch BEFORE UPDATE OF tag ON tags BEGIN UPDATE tags SET tagged_at = "
                            + "strftime('%Y-%m-%dT%H:%M:%SZ', 'now') WHERE tag = NEW.tag AND post_id = NEW.post_id; END",
                    // names with spaces, _rowid_, UPDATE OF a quoted column
                    "CREATE TRIGGER [user accounts touch] AFTER UPDATE OF \"display name\" ON \"user accounts\" BEGIN "
                            + "UPDATE \"user accounts\" SET \"updated at\" = strftime('%Y-%m-%d %H:%M:%S', 'now') "
                            + "WHERE _rowid_ = NEW._rowid_; END",
                    // an audit log of every change
                    "CREATE TRIGGER posts_audit_insert AFTER INSERT ON posts BEGIN INSERT INTO audit (tbl, row_id, action, at) "
                            + "VALUES ('posts', NEW.id, 'insert', datetime('now')); END",
                    "CREATE TRIGGER posts_audit_update AFTER UPDATE OF title ON posts WHEN OLD.title <> NEW.title BEGIN "
                            + "INSERT INTO audit (tbl, row_id, action, at) VALUES ('posts', NEW.id, 'rename ' || OLD.title || "
                            + "' > ' || NEW.title, datetime('now')); END",
                    // a cascade and an audit row, two statements
                    "CREATE TRIGGER posts_delete AFTER DELETE ON posts BEGIN DELETE FROM comments WHERE post_id = OLD.id; "
                            + "INSERT INTO audit (tbl, row_id, action) VALUES ('posts', OLD.id, 'delete'); END",
                    // a counter cache
                    "CREATE TRIGGER comments_count_up AFTER INSERT ON comments BEGIN UPDATE posts SET comment_count = "
                            + "comment_count + 1 WHERE id = NEW.post_id; END",
                    "CREATE TRIGGER comments_count_down AFTER DELETE ON comments BEGIN UPDATE posts SET comment_count = "
                            + "comment_count - 1 WHERE id = OLD.post_id; END",
                    // checks
                    "CREATE TRIGGER comments_check BEFORE INSERT ON comments BEGIN SELECT RAISE(ABORT, 'no such post') "
                            + "WHERE NOT EXISTS (SELECT 1 FROM posts WHERE id = NEW.post_id); SELECT CASE WHEN NEW.body = '' "
                            + "THEN RAISE(ABORT, 'a comment needs words') END; END",
                    // soft delete
                    "CREATE TRIGGER comments_soft_delete BEFORE DELETE ON comments WHEN OLD.deleted = 0 BEGIN "
                            + "UPDATE comments SET deleted = 1 WHERE id = OLD.id; SELECT RAISE(IGNORE); END",
                    "CREATE TRIGGER live_posts_delete INSTEAD OF DELETE ON live_posts BEGIN UPDATE posts SET deleted_at = "
                            + "datetime('now') WHERE id = OLD.id; END",
                    // a trigger that updates its own table: SQLite does not fire it again
                    "CREATE TRIGGER nodes_bump AFTER UPDATE ON nodes BEGIN UPDATE nodes SET touched = touched + 1 "
                            + "WHERE id <> NEW.id; END",
                    // FTS5 external content kept in step
                    "CREATE TRIGGER posts_fts_insert AFTER INSERT ON posts BEGIN INSERT INTO posts_fts (rowid, title, body) "
                            + "VALUES (NEW.id, NEW.title, NEW.body); END",
                    "CREATE TRIGGER posts_fts_delete AFTER DELETE ON posts BEGIN INSERT INTO posts_fts (posts_fts, rowid, "
                            + "title, body) VALUES ('delete', OLD.id, OLD.title, OLD.body); END");
        }
        TargetAddress target = TestPostgres.get().freshDatabase();
        Migration m = new Migration(Options.of(file, target, TestPostgres.get().adminPassword()), MigrationListener.NONE);
        Result r = m.run(m.preflight());
        assertEquals(Result.Status.DONE, r.status());
        Map<String, Report.Item> items = r.triggers().stream().collect(Collectors.toMap(Report.Item::name, i -> i));

        for (String name : List.of("posts_updated", "posts_created", "tags_touch", "user accounts touch", "posts_audit_insert",
                "posts_audit_update", "posts_delete", "comments_count_up", "comments_count_down", "comments_check",
                "comments_soft_delete", "nodes_bump")) {
            Report.Item t = items.get(name);
            assertEquals("created", t.status(), name + ": " + t.reason());
            assertEquals(Proof.PROVEN, t.proof().result(), name + ": " + t.proof().text());
        }
        assertEquals("created", items.get("live_posts_delete").status(), "INSTEAD OF: fired below, not by the proofs");
        for (String name : List.of("posts_fts_insert", "posts_fts_delete")) {
            assertEquals("skipped", items.get(name).status());
            assertTrue(items.get(name).reason().contains("posts_fts"), items.get(name).reason());
        }
        assertEquals(0, count(target, "SELECT count(*) FROM audit"), "the copy and the proofs left nothing");

        // updated_at, several columns, the WHEN that keeps a value the statement set
        execute(target, "UPDATE posts SET body = 'hello again' WHERE id = 1");
        assertEquals(1, count(target, "SELECT count(*) FROM posts WHERE id = 1 AND updated_at > now() AT TIME ZONE 'UTC' "
                + "- interval '1 minute' AND \"last seen\" IS NOT NULL"), "names fold to lower case, spaces kept");
        execute(target, "UPDATE posts SET updated_at = '1999-01-01' WHERE id = 2");
        assertEquals("1999-01-01 00:00:00", query(target, "SELECT updated_at FROM posts WHERE id = 2"));
        // created_at and the audit row on insert
        execute(target, "INSERT INTO posts (id, title) VALUES (3, 'third')");
        assertTrue(query(target, "SELECT created_at FROM posts WHERE id = 3") != null);
        assertEquals("insert", query(target, "SELECT action FROM audit WHERE row_id = 3"));
        execute(target, "UPDATE posts SET title = 'renamed' WHERE id = 3");
        assertEquals("rename third > renamed", query(target, "SELECT action FROM audit WHERE row_id = 3 AND action LIKE 'rename%'"));
        // the composite key and the quoted names
        execute(target, "UPDATE tags SET tag = 'new' WHERE post_id = 1");
        assertTrue(query(target, "SELECT tagged_at FROM tags WHERE post_id = 1").matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ"));
        execute(target, "UPDATE \"user accounts\" SET \"display name\" = 'Anne'");
        assertTrue(query(target, "SELECT \"updated at\" FROM \"user accounts\"").matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d"));
        // the counter cache and the checks
        execute(target, "INSERT INTO comments (id, post_id, body) VALUES (3, 1, 'again')");
        assertEquals("1", query(target, "SELECT comment_count FROM posts WHERE id = 1"), "0 copied (the copy fires no trigger), +1");
        SQLException noPost = assertThrows(SQLException.class,
                () -> execute(target, "INSERT INTO comments (id, post_id, body) VALUES (4, 99, 'x')"));
        assertTrue(noPost.getMessage().contains("no such post"), noPost.getMessage());
        SQLException empty = assertThrows(SQLException.class,
                () -> execute(target, "INSERT INTO comments (id, post_id, body) VALUES (4, 1, '')"));
        assertTrue(empty.getMessage().contains("a comment needs words"), empty.getMessage());
        // soft delete: marked, kept, counted still; a second delete removes it
        execute(target, "DELETE FROM comments WHERE id = 3");
        assertEquals("1", query(target, "SELECT deleted FROM comments WHERE id = 3"));
        assertEquals("1", query(target, "SELECT comment_count FROM posts WHERE id = 1"), "RAISE(IGNORE) kept the row");
        execute(target, "DELETE FROM comments WHERE id = 3");
        assertEquals(0, count(target, "SELECT count(*) FROM comments WHERE id = 3"));
        assertEquals("0", query(target, "SELECT comment_count FROM posts WHERE id = 1"));
        // INSTEAD OF on a view
        execute(target, "DELETE FROM live_posts WHERE id = 2");
        assertEquals(1, count(target, "SELECT count(*) FROM posts WHERE id = 2 AND deleted_at IS NOT NULL"));
        // the cascade: the post's comments go (each soft-deleted first, as in SQLite), the audit says so
        execute(target, "DELETE FROM posts WHERE id = 2");
        assertEquals("delete", query(target, "SELECT action FROM audit WHERE row_id = 2"));
        assertEquals("1", query(target, "SELECT deleted FROM comments WHERE id = 2"));

        // fires once and stops: the rows it updates do not fire it again
        execute(target, "UPDATE nodes SET n = 5 WHERE id = 1");
        assertEquals("1:0,2:1,3:1", query(target, "SELECT string_agg(id || ':' || touched, ',' ORDER BY id) FROM nodes"));
        // and it fires again in the next statement: the fence is lifted when it returns
        execute(target, "UPDATE nodes SET n = 6 WHERE id = 2");
        assertEquals("1:1,2:1,3:2", query(target, "SELECT string_agg(id || ':' || touched, ',' ORDER BY id) FROM nodes"));
    }
}
