-- The SQLite file the node-service fixture app (src/test/resources/dev/ferry/appcode/node-service)
-- would have written, as src/test/java/dev/ferry/testing/AppDatabases.java makes it for the tests:
-- take-app.sh migrates it in a rehearsal, so the app's statements are tried on the tables they name.
CREATE TABLE products (id INTEGER PRIMARY KEY, sku TEXT NOT NULL UNIQUE, title TEXT NOT NULL,
    meta JSON, tracked BOOLEAN NOT NULL DEFAULT 1, created_at DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP);
CREATE TABLE prices (product_id INTEGER NOT NULL REFERENCES products(id), seen_on DATE NOT NULL,
    cents INTEGER NOT NULL, PRIMARY KEY (product_id, seen_on)) WITHOUT ROWID;
INSERT INTO products VALUES (1, 'ABC-1234', 'Kettle', '{"brand": "Acme"}', 1, '2026-03-01 09:00:00');
INSERT INTO products VALUES (2, 'XYZ-0001', 'toaster', '{"brand": "Zed"}', 0, '2026-03-02 10:00:00');
INSERT INTO prices VALUES (1, '2026-03-01', 2599);
INSERT INTO prices VALUES (1, '2026-03-02', 2499);
INSERT INTO prices VALUES (2, '2026-03-02', 1999);
