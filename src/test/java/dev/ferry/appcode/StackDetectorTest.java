package dev.ferry.appcode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How each app talks to SQLite is found at its exact line: the import that names the driver, and
 * the one place to change (the URL, ENGINE, provider, dialect, client, sqlite.Open, the JDBC URL,
 * UseSqlite, the adapter, the PDO DSN). A commented-out line does not count.
 */
class StackDetectorTest {

    private static List<String> found(Path app) {
        return AppScan.of(app, StatementRecognizer.KEYWORDS).stack().stream().map(StackFinding::toString).toList();
    }

    @Test
    void theThreeFixtureApps() {
        Path apps = AppFixturesTest.APPS;
        assertEquals(List.of("db.py:8 aiosqlite (import)", "db.py:36 aiosqlite (change the aiosqlite.connect(...) call)"),
                found(apps.resolve("discord-bot")));
        assertEquals(List.of("src/db.js:3 better-sqlite3 (import)"), found(apps.resolve("node-service")));
        assertEquals(List.of("store/store.go:9 mattn/go-sqlite3 (import)",
                "store/store.go:35 mattn/go-sqlite3 (change the sql.Open(\"sqlite3\", ...) call)"), found(apps.resolve("go-service")));
    }

    private static Path write(Path dir, String file, String text) throws IOException {
        Path p = dir.resolve(file);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
        return p;
    }

    @Test
    void pythonOrms(@TempDir Path dir) throws IOException {
        write(dir, "app/models.py", """
                from sqlalchemy import create_engine
                # engine = create_engine("sqlite:///old.db")
                engine = create_engine("sqlite:///data/app.db", echo=False)
                """);
        write(dir, "app/async_db.py", """
                from sqlalchemy.ext.asyncio import create_async_engine

                engine = create_async_engine('sqlite+aiosqlite:///data/app.db')
                """);
        write(dir, "site/settings.py", """
                DATABASES = {
                    'default': {
                        'ENGINE': 'django.db.backends.sqlite3',
                        'NAME': BASE_DIR / 'db.sqlite3',
                    }
                }
                """);
        write(dir, "tools/peewee_models.py", "import peewee\n\ndb = peewee.SqliteDatabase('tools.db')\n");
        assertEquals(List.of(
                "app/async_db.py:3 SQLAlchemy (async) (change the URL)",
                "app/models.py:3 SQLAlchemy (change the URL)",
                "site/settings.py:3 Django (change ENGINE)",
                "tools/peewee_models.py:3 peewee (change the SqliteDatabase(...) call)"), found(dir));
    }

    @Test
    void nodeOrms(@TempDir Path dir) throws IOException {
        write(dir, "prisma/schema.prisma", """
                generator client {
                  provider = "prisma-client-js"
                }

                datasource db {
                  provider = "sqlite"
                  url      = "file:./dev.db"
                }
                """);
        write(dir, "src/sequelize.js", """
                const { Sequelize } = require('sequelize');
                const sequelize = new Sequelize({
                  dialect: 'sqlite',
                  storage: 'data/app.sqlite',
                });
                """);
        write(dir, "knexfile.ts", """
                export default {
                  development: { client: 'better-sqlite3', connection: { filename: './dev.sqlite3' } },
                };
                """);
        write(dir, "src/legacy.mjs", "import sqlite3 from 'sqlite3';\nimport { open } from 'sqlite';\n");
        assertEquals(List.of(
                "knexfile.ts:2 Knex (change client)",
                "prisma/schema.prisma:6 Prisma (change provider)",
                "src/legacy.mjs:1 sqlite3 (Node) (import)",
                "src/legacy.mjs:2 sqlite (Node) (import)",
                "src/sequelize.js:3 Sequelize (change dialect)"), found(dir));
        assertTrue(StackDetector.main(AppScan.of(dir, StatementRecognizer.KEYWORDS).stack()).orElseThrow().isOrm(),
                "an ORM, not a driver, decides how the app's SQL is written");
    }

    @Test
    void goJvmDotnetRubyPhp(@TempDir Path dir) throws IOException {
        write(dir, "go/db.go", """
                package db

                import (
                	"gorm.io/driver/sqlite"
                	"gorm.io/gorm"
                )

                func Open() (*gorm.DB, error) {
                	return gorm.Open(sqlite.Open("gorm.db"), &gorm.Config{})
                }
                """);
        write(dir, "java/Repo.java", """
                class Repo {
                    // the file sits next to the jar
                    static final String URL = "jdbc:sqlite:planner.db";
                }
                """);
        write(dir, "kotlin/Db.kt", "val conn = DriverManager.getConnection(\"jdbc:sqlite:$path\")\n");
        write(dir, "cs/Data.cs", """
                using Microsoft.Data.Sqlite;

                class Data {
                    SqliteConnection Open() => new SqliteConnection("Data Source=app.db");
                    void Configure(DbContextOptionsBuilder b) => b.UseSqlite("Data Source=app.db");
                }
                """);
        write(dir, "rails/config/database.yml", """
                default: &default
                  adapter: sqlite3
                  pool: 5
                """);
        write(dir, "php/db.php", "<?php\n$pdo = new PDO('sqlite:' . __DIR__ . '/app.db');\n");
        assertEquals(List.of(
                "cs/Data.cs:1 Microsoft.Data.Sqlite (import)",
                "cs/Data.cs:4 Microsoft.Data.Sqlite (change the SqliteConnection(...) call)",
                "cs/Data.cs:5 Entity Framework Core (change UseSqlite(...))",
                "go/db.go:4 GORM (import)",
                "go/db.go:9 GORM (change sqlite.Open(...))",
                "java/Repo.java:3 SQLite JDBC (change the JDBC URL)",
                "kotlin/Db.kt:1 SQLite JDBC (change the JDBC URL)",
                "php/db.php:2 PDO sqlite (change the PDO DSN)",
                "rails/config/database.yml:2 ActiveRecord (change adapter)"), found(dir));
    }

    @Test
    void anOrmDecidesOverTheDriverUnderIt(@TempDir Path dir) throws IOException {
        write(dir, "a.py", "import sqlite3\nimport sqlite3\nengine = create_engine('sqlite:///a.db')\n");
        assertEquals(Optional.of(Stack.SQLALCHEMY), StackDetector.main(AppScan.of(dir, StatementRecognizer.KEYWORDS).stack()));
        write(dir, "a.py", "import sqlite3\ncon = sqlite3.connect('a.db')\n");
        assertEquals(Optional.of(Stack.PYTHON_SQLITE3), StackDetector.main(AppScan.of(dir, StatementRecognizer.KEYWORDS).stack()));
    }
}
