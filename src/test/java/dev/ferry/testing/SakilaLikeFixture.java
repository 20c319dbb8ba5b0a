package dev.ferry.testing;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * A video-rental database written the way the SQLite port of Sakila is: keys declared NUMERIC, INT or
 * SMALLINT (so not the rowid), some tables with no key at all, names with spaces, every table with a
 * last_update column stamped by AFTER INSERT / AFTER UPDATE triggers in the rowid form
 * ({@code UPDATE t SET last_update = DATETIME('NOW') WHERE rowid = new.rowid}), dates stored as text
 * with SQLite's '.000' fraction, TEXT flags holding '0'/'1' that views compare with integers, and a
 * view that filters such a date with BETWEEN DATETIME(...) AND DATETIME(...).
 *
 * <p>Run {@link #main} to write the file for a try by hand: {@code ferry rehearse sakila-like.sqlite}.
 */
public final class SakilaLikeFixture {

    public static final String FILE_NAME = "sakila-like.sqlite";
    static final String STAMP = "'2006-02-15 04:34:33.000'";

    /** Table name, then its columns before last_update. */
    private static final String[][] TABLES = {
        {"actor", "actor_id NUMERIC NOT NULL PRIMARY KEY, first_name VARCHAR(45) NOT NULL, last_name VARCHAR(45) NOT NULL"},
        {"country", "country_id SMALLINT NOT NULL PRIMARY KEY, country VARCHAR(50) NOT NULL"},
        {"city", "city_id INT NOT NULL PRIMARY KEY, city VARCHAR(50) NOT NULL, country_id SMALLINT NOT NULL"},
        {"address", "address_id INTEGER PRIMARY KEY, address VARCHAR(50) NOT NULL, district VARCHAR(20), city_id INT, phone TEXT"},
        {"language", "language_id SMALLINT NOT NULL PRIMARY KEY, name CHAR(20) NOT NULL"},
        {"category", "category_id INTEGER PRIMARY KEY, name VARCHAR(25) NOT NULL"},
        {"film", "film_id INTEGER PRIMARY KEY, title VARCHAR(255) NOT NULL, release_year VARCHAR(4), language_id SMALLINT, "
                + "rental_rate DECIMAL(4,2), length SMALLINT, rating VARCHAR(10)"},
        {"film_actor", "actor_id INT NOT NULL, film_id INT NOT NULL, PRIMARY KEY (actor_id, film_id)"},
        {"film_category", "film_id INT NOT NULL, category_id SMALLINT NOT NULL, PRIMARY KEY (film_id, category_id)"},
        {"film_text", "film_id SMALLINT NOT NULL PRIMARY KEY, title VARCHAR(255) NOT NULL, description TEXT"},
        {"store", "store_id INTEGER PRIMARY KEY, manager_staff_id SMALLINT, address_id INT"},
        {"staff", "staff_id SMALLINT NOT NULL PRIMARY KEY, first_name VARCHAR(45), last_name VARCHAR(45), store_id INT, "
                + "active TEXT NOT NULL DEFAULT '1', username VARCHAR(16)"},
        {"customer", "customer_id INTEGER PRIMARY KEY, store_id INT, first_name VARCHAR(45), last_name VARCHAR(45), "
                + "email VARCHAR(50), active TEXT NOT NULL DEFAULT '1', create_date TIMESTAMP"},
        {"inventory", "inventory_id INTEGER PRIMARY KEY, film_id INT NOT NULL, store_id INT NOT NULL"},
        {"rental", "rental_id INTEGER PRIMARY KEY, rental_date TIMESTAMP NOT NULL, inventory_id INT, customer_id INT, "
                + "return_date TIMESTAMP, staff_id SMALLINT"},
        {"payment", "payment_id INTEGER PRIMARY KEY, customer_id INT, staff_id SMALLINT, rental_id INT, "
                + "amount DECIMAL(5,2) NOT NULL, payment_date TIMESTAMP NOT NULL"},
        {"staff notes", "note_id INTEGER PRIMARY KEY, staff_id SMALLINT, note TEXT"},
        {"store hours", "store_id INT NOT NULL, weekday INT NOT NULL, opens TEXT, closes TEXT, PRIMARY KEY (store_id, weekday)"},
        {"price list", "rating VARCHAR(10), rental_rate REAL"},
        {"customer flags", "customer_id INT, flag TEXT, is_set TEXT"},
        {"rental log", "log_id INTEGER PRIMARY KEY, rental_id INT, action TEXT"},
        {"film reviews", "review_id TEXT NOT NULL PRIMARY KEY, film_id INT, stars INT"},
        {"gift cards", "code TEXT NOT NULL UNIQUE, balance NUMERIC"},
    };

    /** The views, by name: a BETWEEN DATETIME filter on text dates, TEXT flags against integers, joins over spaced names. */
    public static final String[] VIEWS = {
        "CREATE VIEW [payments 1997] AS SELECT payment_id, amount, payment_date FROM payment "
                + "WHERE payment_date BETWEEN DATETIME('1997-01-01') AND DATETIME('1997-12-31')",
        "CREATE VIEW [active customers] AS SELECT customer_id, first_name || ' ' || last_name AS name FROM customer "
                + "WHERE active = '1'",
        "CREATE VIEW \"flagged customers\" AS SELECT c.customer_id, f.flag FROM customer c JOIN [customer flags] f "
                + "ON f.customer_id = c.customer_id WHERE f.is_set = 1",
        "CREATE VIEW staff_list AS SELECT s.staff_id, s.first_name || ' ' || s.last_name AS name, a.address, s.active "
                + "FROM staff s JOIN store st ON st.store_id = s.store_id JOIN address a ON a.address_id = st.address_id",
        "CREATE VIEW sales_by_store AS SELECT st.store_id, count(*) AS payments, sum(p.amount) AS total FROM payment p "
                + "JOIN staff s ON s.staff_id = p.staff_id JOIN store st ON st.store_id = s.store_id GROUP BY st.store_id",
        "CREATE VIEW film_list AS SELECT f.film_id, f.title, c.name AS category, f.rental_rate, f.length, f.rating "
                + "FROM film f LEFT JOIN film_category fc ON fc.film_id = f.film_id LEFT JOIN category c "
                + "ON c.category_id = fc.category_id",
        "CREATE VIEW [cheap films] AS SELECT rating, rental_rate FROM [price list] WHERE rental_rate < 3",
        "CREATE VIEW open_rentals AS SELECT rental_id, rental_date, customer_id FROM rental WHERE return_date IS NULL",
        "CREATE VIEW [rentals this week] AS SELECT rental_id FROM rental WHERE rental_date >= DATETIME('2005-05-24') "
                + "AND rental_date < DATETIME('2005-05-31')",
        "CREATE VIEW [store hours list] AS SELECT store_id, weekday, opens || '-' || closes AS hours FROM [store hours]",
        "CREATE VIEW actor_info AS SELECT a.actor_id, a.first_name, a.last_name, count(fa.film_id) AS films FROM actor a "
                + "LEFT JOIN film_actor fa ON fa.actor_id = a.actor_id GROUP BY a.actor_id, a.first_name, a.last_name",
    };

    private SakilaLikeFixture() {
    }

    public static List<String> tables() {
        return java.util.Arrays.stream(TABLES).map(t -> t[0]).toList();
    }

    /** Writes the database to {@code file}. */
    public static Path write(Path file) throws SQLException {
        try (SqliteFixture db = SqliteFixture.at(file)) {
            List<String> ddl = new ArrayList<>();
            for (String[] t : TABLES) {
                String q = "\"" + t[0] + "\"";
                String stamp = "last_update TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP";
                int key = t[1].indexOf(", PRIMARY KEY (");
                ddl.add("CREATE TABLE " + q + " (" + (key < 0 ? t[1] + ", " + stamp
                        : t[1].substring(0, key) + ", " + stamp + t[1].substring(key)) + ")");
                ddl.add("CREATE TRIGGER \"" + t[0] + "_trigger_au\" AFTER UPDATE ON " + q + " BEGIN UPDATE " + q
                        + " SET last_update = DATETIME('NOW') WHERE rowid = new.rowid; END");
                ddl.add("CREATE TRIGGER \"" + t[0] + "_trigger_ai\" AFTER INSERT ON " + q + " BEGIN UPDATE " + q
                        + " SET last_update = DATETIME('NOW') WHERE rowid = new.rowid; END");
            }
            ddl.add("CREATE TRIGGER rental_returned AFTER UPDATE OF return_date ON rental BEGIN INSERT INTO [rental log] "
                    + "(rental_id, action, last_update) VALUES (NEW.rental_id, 'returned', DATETIME('NOW')); END");
            ddl.add("CREATE TRIGGER payment_positive BEFORE UPDATE ON payment WHEN NEW.amount < 0 BEGIN "
                    + "SELECT RAISE(ABORT, 'a payment cannot be negative'); END");
            ddl.addAll(List.of(VIEWS));
            db.sql(ddl.toArray(String[]::new));
            rows(db);
        }
        return file;
    }

    private static void rows(SqliteFixture db) throws SQLException {
        for (int i = 1; i <= 20; i++) {
            db.sql("INSERT INTO actor VALUES (" + i + ", 'ACTOR" + i + "', 'LAST" + i + "', " + STAMP + ")",
                    "INSERT INTO film_actor VALUES (" + i + ", " + (i % 7 + 1) + ", " + STAMP + ")");
        }
        db.sql("INSERT INTO country VALUES (1, 'Afghanistan', " + STAMP + "), (2, 'Åland', " + STAMP + ")",
                "INSERT INTO city VALUES (1, 'Kabul', 1, " + STAMP + "), (2, 'Mariehamn', 2, " + STAMP + ")",
                "INSERT INTO address VALUES (1, '47 MySakila Drive', 'Alberta', 1, NULL, " + STAMP + "), "
                        + "(2, '28 MySQL Boulevard', 'QLD', 2, '555-0100', " + STAMP + ")",
                "INSERT INTO language VALUES (1, 'English', " + STAMP + "), (2, 'Italian', " + STAMP + ")",
                "INSERT INTO category VALUES (1, 'Action', " + STAMP + "), (2, 'Comedy', " + STAMP + "), (3, 'Horror', "
                        + STAMP + ")",
                "INSERT INTO store VALUES (1, 1, 1, " + STAMP + "), (2, 2, 2, " + STAMP + ")",
                "INSERT INTO staff VALUES (1, 'Mike', 'Hillyer', 1, '1', 'Mike', " + STAMP + "), "
                        + "(2, 'Jon', 'Stephens', 2, '0', 'Jon', " + STAMP + ")",
                "INSERT INTO [staff notes] VALUES (1, 1, 'opens on Mondays', " + STAMP + ")",
                "INSERT INTO [store hours] VALUES (1, 1, '09:00', '18:00', " + STAMP + "), (1, 2, '09:00', '18:00', " + STAMP
                        + "), (2, 1, '10:00', '16:00', " + STAMP + ")",
                "INSERT INTO [price list] VALUES ('G', 0.99, " + STAMP + "), ('PG', 2.99, " + STAMP + "), ('R', 4.99, "
                        + STAMP + ")",
                "INSERT INTO [film reviews] VALUES ('r-1', 1, 5, " + STAMP + "), ('r-2', 2, 3, " + STAMP + ")",
                "INSERT INTO [gift cards] VALUES ('GIFT-1', 25, " + STAMP + "), ('GIFT-2', 10.5, " + STAMP + ")");
        for (int i = 1; i <= 7; i++) {
            db.sql("INSERT INTO film VALUES (" + i + ", 'FILM " + i + "', '2006', 1, " + (i % 3 == 0 ? "4.99" : "0.99") + ", "
                            + (80 + i) + ", '" + (i % 2 == 0 ? "PG" : "G") + "', " + STAMP + ")",
                    "INSERT INTO film_category VALUES (" + i + ", " + (i % 3 + 1) + ", " + STAMP + ")",
                    "INSERT INTO film_text VALUES (" + i + ", 'FILM " + i + "', 'A film', " + STAMP + ")",
                    "INSERT INTO inventory VALUES (" + i + ", " + i + ", " + (i % 2 + 1) + ", " + STAMP + ")");
        }
        for (int i = 1; i <= 12; i++) {
            db.sql("INSERT INTO customer VALUES (" + i + ", " + (i % 2 + 1) + ", 'FIRST" + i + "', 'LAST" + i + "', 'c" + i
                    + "@example.org', '" + (i % 4 == 0 ? "0" : "1") + "', '2006-02-14 22:04:36.000', " + STAMP + ")",
                    "INSERT INTO [customer flags] VALUES (" + i + ", 'vip', '" + (i % 3 == 0 ? "1" : "0") + "', " + STAMP + ")");
        }
        String[] rentalDates = {"2005-05-24 22:53:30.000", "2005-05-25 11:30:37.000", "2005-05-31 00:00:00.000",
            "2005-05-30 23:59:59.000", "2005-06-14 23:16:26.000", "2005-05-24 00:00:00.000"};
        for (int i = 1; i <= rentalDates.length; i++) {
            db.sql("INSERT INTO rental VALUES (" + i + ", '" + rentalDates[i - 1] + "', " + i + ", " + i + ", "
                    + (i % 2 == 0 ? "NULL" : "'2005-06-01 22:12:39.000'") + ", " + (i % 2 + 1) + ", " + STAMP + ")",
                    "INSERT INTO [rental log] VALUES (" + i + ", " + i + ", 'rented', " + STAMP + ")");
        }
        // 1997-12-31 00:00:00.000 is inside BETWEEN '1997-01-01 00:00:00' AND '1997-12-31 00:00:00' as a time, but
        // after it as text: SQLite leaves it out, PostgreSQL (comparing times) keeps it
        String[] paid = {"1997-03-01 10:00:00.000", "1997-12-31 00:00:00.000", "1996-12-31 23:59:59.000",
            "1998-01-01 00:00:00.000", "1997-07-04 12:30:00.000"};
        for (int i = 1; i <= paid.length; i++) {
            db.sql("INSERT INTO payment VALUES (" + i + ", " + i + ", " + (i % 2 + 1) + ", " + i + ", " + (i + 0.99) + ", '"
                    + paid[i - 1] + "', " + STAMP + ")");
        }
    }

    public static void main(String[] args) throws SQLException {
        Path file = Path.of(args.length > 0 ? args[0] : FILE_NAME);
        System.out.println("Wrote " + write(file).toAbsolutePath());
    }
}
