package dev.ferry.appcode;

import dev.ferry.appcode.AppFolder.SourceFile;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Finds which SQLite driver or ORM the app uses, line by line: imports say which driver; the
 * connection URL, Django's ENGINE, Prisma's provider, Sequelize's dialect, Knex's client,
 * {@code sqlite.Open}, the JDBC URL, {@code UseSqlite}, database.yml's adapter and the PDO DSN are the
 * one place to change. These are single-line shapes in real code, so a pattern per line is enough
 * here (unlike a statement's text, which the lexers read); lines that are only a comment are skipped.
 */
public final class StackDetector {

    private record Rule(Stack stack, Set<Language> in, Pattern pattern, boolean change, String place) {
    }

    private static final Set<Language> PY = EnumSet.of(Language.PYTHON);
    private static final Set<Language> JS = EnumSet.of(Language.JAVASCRIPT);
    private static final Set<Language> GO = EnumSet.of(Language.GO);
    private static final Set<Language> JVM = EnumSet.of(Language.JAVA, Language.KOTLIN, Language.CONFIG);
    private static final Set<Language> CS = EnumSet.of(Language.CSHARP);
    private static final Set<Language> RB = EnumSet.of(Language.RUBY);
    private static final Set<Language> PHP = EnumSet.of(Language.PHP);
    private static final Set<Language> CONFIG = EnumSet.of(Language.CONFIG);

    private static Rule use(Stack s, Set<Language> in, String regex) {
        return new Rule(s, in, Pattern.compile(regex), false, "import");
    }

    private static Rule change(Stack s, Set<Language> in, String regex, String place) {
        return new Rule(s, in, Pattern.compile(regex), true, place);
    }

    private static final List<Rule> RULES = List.of(
            use(Stack.PYTHON_SQLITE3, PY, "^\\s*(import\\s+sqlite3\\b|from\\s+sqlite3\\s+import\\b)"),
            change(Stack.PYTHON_SQLITE3, PY, "\\bsqlite3\\.connect\\s*\\(", "the sqlite3.connect(...) call"),
            use(Stack.AIOSQLITE, PY, "^\\s*(import\\s+aiosqlite\\b|from\\s+aiosqlite\\s+import\\b)"),
            change(Stack.AIOSQLITE, PY, "\\baiosqlite\\.connect\\s*\\(", "the aiosqlite.connect(...) call"),
            change(Stack.SQLALCHEMY_ASYNC, PY, "[\"']sqlite\\+aiosqlite://", "the URL"),
            change(Stack.SQLALCHEMY, PY, "[\"']sqlite(\\+pysqlite)?://", "the URL"),
            change(Stack.DJANGO, PY, "[\"']django\\.db\\.backends\\.sqlite3[\"']", "ENGINE"),
            change(Stack.PEEWEE, PY, "\\bSqlite(Ext)?Database\\s*\\(", "the SqliteDatabase(...) call"),
            use(Stack.BETTER_SQLITE3, JS, "(require\\(\\s*|from\\s+|import\\s+)['\"]better-sqlite3['\"]"),
            use(Stack.NODE_SQLITE3, JS, "(require\\(\\s*|from\\s+|import\\s+)['\"]sqlite3['\"]"),
            use(Stack.NODE_SQLITE, JS, "(require\\(\\s*|from\\s+|import\\s+)['\"]sqlite['\"]"),
            change(Stack.PRISMA, CONFIG, "^\\s*provider\\s*=\\s*\"sqlite\"", "provider"),
            change(Stack.SEQUELIZE, JS, "\\bdialect\\s*:\\s*['\"]sqlite['\"]", "dialect"),
            change(Stack.KNEX, JS, "\\bclient\\s*:\\s*['\"](sqlite3|better-sqlite3)['\"]", "client"),
            use(Stack.GO_SQLITE3, GO, "\"github\\.com/mattn/go-sqlite3\""),
            change(Stack.GO_SQLITE3, GO, "\\bsql\\.Open\\s*\\(\\s*\"sqlite3\"", "the sql.Open(\"sqlite3\", ...) call"),
            use(Stack.MODERNC_SQLITE, GO, "\"modernc\\.org/sqlite\""),
            change(Stack.MODERNC_SQLITE, GO, "\\bsql\\.Open\\s*\\(\\s*\"sqlite\"", "the sql.Open(\"sqlite\", ...) call"),
            use(Stack.GORM, GO, "\"(gorm\\.io/driver/sqlite|github\\.com/glebarez/sqlite)\""),
            change(Stack.GORM, GO, "\\bsqlite\\.Open\\s*\\(", "sqlite.Open(...)"),
            change(Stack.JDBC_SQLITE, JVM, "jdbc:sqlite:", "the JDBC URL"),
            use(Stack.JDBC_SQLITE, CONFIG, "org\\.xerial[:.</\"'\\s]+sqlite-jdbc|<artifactId>sqlite-jdbc</artifactId>"),
            use(Stack.MICROSOFT_DATA_SQLITE, CS, "^\\s*using\\s+Microsoft\\.Data\\.Sqlite\\s*;"),
            change(Stack.MICROSOFT_DATA_SQLITE, CS, "\\bnew\\s+SqliteConnection\\s*\\(", "the SqliteConnection(...) call"),
            change(Stack.EF_CORE, CS, "\\.UseSqlite\\s*\\(", "UseSqlite(...)"),
            change(Stack.ACTIVE_RECORD, CONFIG, "^\\s*adapter\\s*:\\s*['\"]?sqlite3['\"]?\\s*$", "adapter"),
            use(Stack.RUBY_SQLITE3, RB, "^\\s*require\\s+['\"]sqlite3['\"]"),
            change(Stack.RUBY_SQLITE3, RB, "\\bSQLite3::Database\\.(new|open)\\b", "SQLite3::Database.new(...)"),
            change(Stack.PDO_SQLITE, PHP, "\\bnew\\s+\\\\?PDO\\s*\\(\\s*['\"]sqlite:", "the PDO DSN"),
            change(Stack.PHP_SQLITE3, PHP, "\\bnew\\s+\\\\?SQLite3\\s*\\(", "new SQLite3(...)"));

    private StackDetector() {
    }

    /** Every finding, in file and line order. */
    public static List<StackFinding> find(List<SourceFile> files) {
        List<StackFinding> out = new ArrayList<>();
        for (SourceFile f : files) {
            if (!f.text().toLowerCase(Locale.ROOT).contains("sqlite")) {
                continue;
            }
            String[] lines = f.text().split("\r?\n|\r", -1);
            for (int l = 0; l < lines.length; l++) {
                String line = lines[l];
                // every rule names SQLite; most files and lines do not, and need no pattern tried on them
                if (!line.toLowerCase(Locale.ROOT).contains("sqlite") || isComment(line.strip())) {
                    continue;
                }
                for (Rule r : RULES) {
                    if (r.in().contains(f.language()) && r.pattern().matcher(line).find()) {
                        out.add(new StackFinding(f.path(), l + 1, r.stack(), r.change(), r.place(), line.strip()));
                    }
                }
            }
        }
        return out;
    }

    /**
     * The stack the app's SQL is written for: an ORM when there is one (it decides the markers),
     * else the driver found most often.
     */
    public static Optional<Stack> main(List<StackFinding> findings) {
        return findings.stream().map(StackFinding::stack).distinct()
                .max(Comparator.comparing(Stack::isOrm)
                        .thenComparing(s -> findings.stream().filter(f -> f.stack() == s).count()));
    }

    private static boolean isComment(String line) {
        return line.startsWith("#") || line.startsWith("//") || line.startsWith("--") || line.startsWith("/*")
                || line.startsWith("*");
    }
}
