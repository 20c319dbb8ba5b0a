package dev.ferry.appcode;

/**
 * How an app talks to SQLite: a driver it calls itself, or an ORM that writes the SQL for it. Each
 * knows the PostgreSQL driver to use instead and the parameter markers the app's own SQL then
 * takes: a driver's own, or the ORM's (an ORM keeps its markers whatever the database, so Django
 * stays on {@code %s} and Knex on {@code ?}).
 */
public enum Stack {
    PYTHON_SQLITE3("Python sqlite3", false, PgDriver.PSYCOPG, "%s", "%(name)s"),
    AIOSQLITE("aiosqlite", false, PgDriver.ASYNCPG, "$1", null),
    SQLALCHEMY("SQLAlchemy", true, PgDriver.PSYCOPG, ":name", ":name"),
    SQLALCHEMY_ASYNC("SQLAlchemy (async)", true, PgDriver.ASYNCPG, ":name", ":name"),
    DJANGO("Django", true, PgDriver.PSYCOPG, "%s", "%(name)s"),
    PEEWEE("peewee", true, PgDriver.PSYCOPG, "%s", null),
    BETTER_SQLITE3("better-sqlite3", false, PgDriver.NODE_POSTGRES, "$1", null),
    NODE_SQLITE3("sqlite3 (Node)", false, PgDriver.NODE_POSTGRES, "$1", null),
    NODE_SQLITE("sqlite (Node)", false, PgDriver.NODE_POSTGRES, "$1", null),
    PRISMA("Prisma", true, PgDriver.NODE_POSTGRES, "$1", null),
    SEQUELIZE("Sequelize", true, PgDriver.NODE_POSTGRES, "?", ":name"),
    KNEX("Knex", true, PgDriver.NODE_POSTGRES, "?", ":name"),
    GO_SQLITE3("mattn/go-sqlite3", false, PgDriver.PGX, "$1", "@name"),
    MODERNC_SQLITE("modernc.org/sqlite", false, PgDriver.PGX, "$1", "@name"),
    GORM("GORM", true, PgDriver.PGX, "?", "@name"),
    JDBC_SQLITE("SQLite JDBC", false, PgDriver.PGJDBC, "?", null),
    MICROSOFT_DATA_SQLITE("Microsoft.Data.Sqlite", false, PgDriver.NPGSQL, "$1", "@name"),
    EF_CORE("Entity Framework Core", true, PgDriver.NPGSQL, "{0}", "@name"),
    ACTIVE_RECORD("ActiveRecord", true, PgDriver.PG_GEM, "?", ":name"),
    RUBY_SQLITE3("sqlite3 gem", false, PgDriver.PG_GEM, "$1", null),
    PDO_SQLITE("PDO sqlite", false, PgDriver.PDO_PGSQL, "?", ":name"),
    PHP_SQLITE3("PHP SQLite3", false, PgDriver.PDO_PGSQL, "?", ":name");

    private final String label;
    private final boolean orm;
    private final PgDriver driver;
    private final String positional;
    private final String named;

    Stack(String label, boolean orm, PgDriver driver, String positional, String named) {
        this.label = label;
        this.orm = orm;
        this.driver = driver;
        this.positional = positional;
        this.named = named;
    }

    public String label() {
        return label;
    }

    public boolean isOrm() {
        return orm;
    }

    /** The PostgreSQL driver to use instead. */
    public PgDriver driver() {
        return driver;
    }

    /** The first positional parameter in the app's SQL once on PostgreSQL. */
    public String positional() {
        return positional;
    }

    /** A named parameter in the app's SQL once on PostgreSQL, or null when named ones become positional. */
    public String named() {
        return named;
    }
}
