package dev.ferry.testing;

import java.nio.file.Path;

/**
 * Three columns whose values change kind on the way to PostgreSQL, the newcomer's cases of issue
 * #17: a 0/1 flag declared BOOLEAN (SQLite stores it as INTEGER 0 and 1) that becomes true/false,
 * date-time text declared DATETIME that becomes a timestamp, and an undeclared column of mixed
 * values (a number, a decimal, a word, a blob) that becomes bytea, where every value is valid text.
 */
public final class KindChangeFixture {

    private KindChangeFixture() {
    }

    public static Path write(Path dir) throws Exception {
        Path file = dir.resolve("kinds.sqlite");
        try (SqliteFixture f = SqliteFixture.at(file)) {
            f.sql("CREATE TABLE flags (id INTEGER PRIMARY KEY, active BOOLEAN NOT NULL)",
                    "INSERT INTO flags (active) VALUES (1), (0), (1)",
                    "CREATE TABLE events (id INTEGER PRIMARY KEY, at DATETIME)",
                    "INSERT INTO events (at) VALUES ('2024-01-05 10:00:00'), ('2024-02-29 23:59:59'), (NULL)",
                    "CREATE TABLE files (id INTEGER PRIMARY KEY, data)",
                    "INSERT INTO files (data) VALUES (1), (2.5), ('word'), (x'68656c6c6f')");
        }
        return file;
    }
}
