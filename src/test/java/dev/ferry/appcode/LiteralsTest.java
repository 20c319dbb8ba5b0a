package dev.ferry.appcode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Each language's string forms are read as the language reads them, at the line of the literal's
 * first character: escapes decoded, raw forms kept, interpolations marked, comments and
 * look-alikes (character literals, regular expressions, text outside PHP's tags) never taken for
 * strings; literals the code joins are one, and one joined with code is dynamic.
 */
class LiteralsTest {

    /** Each candidate as "line text", with "D " before a dynamic one's text and line breaks as \n. */
    private static List<String> lits(Language lang, String source) {
        return Joiner.candidates(source, lang, "f").stream()
                .map(c -> c.line() + " " + (c.dynamic() ? "D " : "") + c.text().replace("\n", "\\n")).toList();
    }

    @Test
    void python() {
        assertEquals(List.of(
                "3 SELECT a FROM t",
                "4 D SELECT * FROM {table} WHERE x = '{b}'",
                "5 SELECT 1 UNION SELECT 2",
                "7 \\d+x\"y",
                "8 D DELETE FROM {table} WHERE id = ?",
                "9 D DELETE FROM %s",
                "10 D SELECT {}",
                "13 bytes",
                "14 \\n  CREATE TABLE x (\\n    a TEXT\\n  )"), lits(Language.PYTHON, """
                \"\"\"Module docstring: Update the things.\"\"\"
                import aiosqlite
                X = "SELECT a " "FROM t"   # comment "not a string"
                Y = f"SELECT * FROM {table} WHERE x = '{{b}}'"
                Z = ("SELECT 1 "
                     'UNION SELECT 2')
                W = r'\\d+' + "x\\"y"
                Q = "DELETE FROM " + table + " WHERE id = ?"
                R = "DELETE FROM %s" % (t,)
                S = "SELECT {}".format(c)
                def f():
                    '''Delete the user (a docstring).'''
                    return b"bytes"
                T = \"\"\"
                  CREATE TABLE x (
                    a TEXT
                  )\"\"\"
                """));
    }

    @Test
    void javaScript() {
        assertEquals(List.of(
                "1 better-sqlite3",
                "2 SELECT 1",
                "3 D SELECT * FROM t WHERE id = {id} AND n = {f(`x${y}`)}",
                "4 SELECT * FROM t WHERE id = ?",
                "6 INSERT INTO t VALUES (?)"), lits(Language.JAVASCRIPT, """
                const Database = require('better-sqlite3');
                const re = /'/g; const x = a / b / "SELECT 1";
                const q = `SELECT * FROM t WHERE id = ${id} AND n = ${ f(`x${y}`) }`;
                const t = sql`SELECT * FROM t WHERE id = ${id}`;
                // "SELECT in a comment"
                const u = 'INSERT INTO t ' +
                  'VALUES (?)';
                """));
    }

    @Test
    void go() {
        assertEquals(List.of(
                "2 fmt",
                "3 SELECT a,\\n  b FROM t",
                "6 SELECT 1\t",
                "7 D SELECT * FROM %s"), lits(Language.GO, """
                package main
                import "fmt"
                var q = `SELECT a,
                  b FROM t`
                var r = '"'
                var s = "SELECT " + "1" + "\\t"
                var d = fmt.Sprintf("SELECT * FROM %s", tbl)
                """));
    }

    @Test
    void javaAndKotlin() {
        assertEquals(List.of("1 SELECT *\\n  FROM t\\n", "4 D SELECT \"x\"{name}"), lits(Language.JAVA, """
                class A { String q = \"\"\"
                    SELECT *
                      FROM t
                    \"\"\"; char c = '"'; String s = "SELECT \\"x\\"" + name; }
                """));
        assertEquals(List.of("1 D SELECT * FROM {table} WHERE id = {user.id} AND p = '$'",
                "2 UPDATE t SET a = 1 /* not a comment */"), lits(Language.KOTLIN, """
                val q = \"\"\"SELECT * FROM $table WHERE id = ${user.id} AND p = '$'\"\"\" /* a /* nested */ comment */
                val s = "UPDATE t SET a = 1 /* not a comment */"
                """));
    }

    @Test
    void cSharp() {
        assertEquals(List.of(
                "1 SELECT \"x\"\\nFROM t",
                "3 D SELECT * FROM {table} WHERE x = {1}",
                "4 D \\n    SELECT {id} FROM t {x}\\n    ",
                "7 raw \"quoted\" "), lits(Language.CSHARP, """
                var a = @"SELECT ""x""
                FROM t";
                var b = $"SELECT * FROM {table} WHERE x = {{1}}";
                var c = $$\"\"\"
                    SELECT {{id}} FROM t {x}
                    \"\"\";
                var d = \"\"\"raw "quoted" \"\"\";
                char e = '"';
                """));
    }

    @Test
    void ruby() {
        assertEquals(List.of(
                "1 sqlite3",
                "2 D   SELECT * FROM users\\n  WHERE id = {id}\\n",
                "6 D it'sSELECT {a} FROM t",
                "7 SELECT 'x'",
                "9   SELECT 'literal #{x}'\\n",
                "12 DELETE FROM t\\n"), lits(Language.RUBY, """
                require 'sqlite3'
                db.execute(<<~SQL, [id])
                  SELECT * FROM users
                  WHERE id = #{id}
                SQL
                x = 'it\\'s' + "SELECT #{a} FROM t" # "comment"
                y = %q(SELECT 'x')
                list << item if line =~ /'/
                z = <<~'SQL'
                  SELECT 'literal #{x}'
                SQL
                execute <<SQL
                DELETE FROM t
                SQL
                rows<<ITEM
                """));
    }

    @Test
    void php() {
        assertEquals(List.of(
                "2 sqlite:app.db",
                "3 D SELECT * FROM {$table} WHERE id = {$user->id}",
                "4     SELECT 'now'",
                "7 D   DELETE FROM t WHERE id = {$id}",
                "10 D SELECT {$cols} FROM t"), lits(Language.PHP, """
                <html><p>"SELECT outside the tags"</p><?php
                $pdo = new PDO('sqlite:app.db');
                $q = "SELECT * FROM $table WHERE id = {$user->id}"; # "comment"
                $n = <<<'SQL'
                    SELECT 'now'
                    SQL;
                $h = <<<SQL
                  DELETE FROM t WHERE id = $id
                  SQL;
                $c = 'SELECT ' . $cols . ' FROM t';
                ?>
                <p>"SELECT html"</p>
                """));
    }

    @Test
    void partsKeepWhatCodeFillsIn() {
        Candidate f = Joiner.candidates("q = f\"SELECT * FROM {table} WHERE id = ?\"\n", Language.PYTHON, "f").get(0);
        assertEquals(List.of(Candidate.Part.literal("SELECT * FROM "), Candidate.Part.code("table"),
                Candidate.Part.literal(" WHERE id = ?")), f.parts());
        assertEquals("SELECT * FROM t1 WHERE id = ?", f.render(expr -> "t1"), "a parser can read the statement's shape");
        Candidate tagged = Joiner.candidates("await sql`SELECT * FROM t WHERE id = ${id}`;", Language.JAVASCRIPT, "f").get(0);
        assertFalse(tagged.dynamic(), "the sql tag sends ${id} as a parameter");
        assertEquals(new Candidate.Part("id", Candidate.Part.Kind.BOUND), tagged.parts().get(1));
        Candidate html = Joiner.candidates("h = html`SELECT ${id}`;", Language.JAVASCRIPT, "f").get(0);
        assertTrue(html.dynamic(), "another tag pastes the value into the text");
    }

    @Test
    void anUnclosedLiteralEndsAtItsLine() {
        assertEquals(List.of("1 SELECT 1", "2 SELECT 2"), lits(Language.JAVASCRIPT, "x = 'SELECT 1\ny = \"SELECT 2\"\n"));
    }
}
