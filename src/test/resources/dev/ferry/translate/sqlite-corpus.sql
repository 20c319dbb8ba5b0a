-- A corpus of SQLite statements for Ferry's parser (SqlParserCorpusTest).
--
-- Where they come from: written for Ferry in the style of the public sample databases people
-- migrate (Northwind's SQLite port with [Order Details] and TEXT dates, Chinook, Sakila's SQLite
-- port with its last_update triggers), of ORM-generated SQL (SQLAlchemy, Django, Prisma, ActiveRecord:
-- "quoted" names, ? and :name parameters) and of small apps' hand-written SQL (task lists, audit
-- logs, JSON payloads). They are not copied from those projects; every one is checked by the test
-- against SQLite itself (prepared in memory after the schema below), so the corpus is real SQL.
--
-- Format: entries are separated by a line "-- ----". The first entry is the schema, run before the
-- others. An entry with a line starting "-- invalid" is SQL that SQLite rejects; the parser must
-- reject it too. Every other entry is one statement.

CREATE TABLE Categories (CategoryID INTEGER PRIMARY KEY, CategoryName TEXT, Description TEXT, Picture BLOB);
CREATE TABLE Customers (CustomerID TEXT PRIMARY KEY, CompanyName TEXT, ContactName TEXT, ContactTitle TEXT, Address TEXT, City TEXT, Region TEXT, PostalCode TEXT, Country TEXT, Phone TEXT, Fax TEXT);
CREATE TABLE Employees (EmployeeID INTEGER PRIMARY KEY, LastName TEXT, FirstName TEXT, Title TEXT, TitleOfCourtesy TEXT, BirthDate DATETIME, HireDate DATETIME, Address TEXT, City TEXT, Region TEXT, PostalCode TEXT, Country TEXT, HomePhone TEXT, Extension TEXT, Photo BLOB, Notes TEXT, ReportsTo INTEGER, PhotoPath TEXT);
CREATE TABLE Orders (OrderID INTEGER PRIMARY KEY, CustomerID TEXT, EmployeeID INTEGER, OrderDate DATETIME, RequiredDate DATETIME, ShippedDate DATETIME, ShipVia INTEGER, Freight NUMERIC DEFAULT 0, ShipName TEXT, ShipAddress TEXT, ShipCity TEXT, ShipRegion TEXT, ShipPostalCode TEXT, ShipCountry TEXT);
CREATE TABLE "Order Details" (OrderID INTEGER, ProductID INTEGER, UnitPrice NUMERIC DEFAULT 0, Quantity INTEGER DEFAULT 1, Discount REAL DEFAULT 0, PRIMARY KEY (OrderID, ProductID));
CREATE TABLE Products (ProductID INTEGER PRIMARY KEY, ProductName TEXT, SupplierID INTEGER, CategoryID INTEGER, QuantityPerUnit TEXT, UnitPrice NUMERIC DEFAULT 0, UnitsInStock INTEGER DEFAULT 0, UnitsOnOrder INTEGER DEFAULT 0, ReorderLevel INTEGER DEFAULT 0, Discontinued TEXT DEFAULT '0');
CREATE TABLE Shippers (ShipperID INTEGER PRIMARY KEY, CompanyName TEXT, Phone TEXT);
CREATE TABLE Suppliers (SupplierID INTEGER PRIMARY KEY, CompanyName TEXT, ContactName TEXT, ContactTitle TEXT, Address TEXT, City TEXT, Region TEXT, PostalCode TEXT, Country TEXT, Phone TEXT, Fax TEXT, HomePage TEXT);
CREATE TABLE Region (RegionID INTEGER PRIMARY KEY, RegionDescription TEXT);
CREATE TABLE Territories (TerritoryID TEXT PRIMARY KEY, TerritoryDescription TEXT, RegionID INTEGER);
CREATE TABLE EmployeeTerritories (EmployeeID INTEGER, TerritoryID TEXT, PRIMARY KEY (EmployeeID, TerritoryID));
CREATE TABLE Artist (ArtistId INTEGER PRIMARY KEY, Name NVARCHAR(120));
CREATE TABLE Album (AlbumId INTEGER PRIMARY KEY, Title NVARCHAR(160) NOT NULL, ArtistId INTEGER NOT NULL);
CREATE TABLE Genre (GenreId INTEGER PRIMARY KEY, Name NVARCHAR(120));
CREATE TABLE MediaType (MediaTypeId INTEGER PRIMARY KEY, Name NVARCHAR(120));
CREATE TABLE Track (TrackId INTEGER PRIMARY KEY, Name NVARCHAR(200) NOT NULL, AlbumId INTEGER, MediaTypeId INTEGER NOT NULL, GenreId INTEGER, Composer NVARCHAR(220), Milliseconds INTEGER NOT NULL, Bytes INTEGER, UnitPrice NUMERIC(10,2) NOT NULL);
CREATE TABLE Invoice (InvoiceId INTEGER PRIMARY KEY, CustomerId INTEGER NOT NULL, InvoiceDate DATETIME NOT NULL, BillingAddress NVARCHAR(70), BillingCity NVARCHAR(40), BillingState NVARCHAR(40), BillingCountry NVARCHAR(40), BillingPostalCode NVARCHAR(10), Total NUMERIC(10,2) NOT NULL);
CREATE TABLE InvoiceLine (InvoiceLineId INTEGER PRIMARY KEY, InvoiceId INTEGER NOT NULL, TrackId INTEGER NOT NULL, UnitPrice NUMERIC(10,2) NOT NULL, Quantity INTEGER NOT NULL);
CREATE TABLE Employee (EmployeeId INTEGER PRIMARY KEY, LastName NVARCHAR(20) NOT NULL, FirstName NVARCHAR(20) NOT NULL, Title NVARCHAR(30), ReportsTo INTEGER, BirthDate DATETIME, HireDate DATETIME, City NVARCHAR(40), Country NVARCHAR(40), Email NVARCHAR(60));
CREATE TABLE Playlist (PlaylistId INTEGER PRIMARY KEY, Name NVARCHAR(120));
CREATE TABLE PlaylistTrack (PlaylistId INTEGER NOT NULL, TrackId INTEGER NOT NULL, PRIMARY KEY (PlaylistId, TrackId));
CREATE TABLE actor (actor_id INTEGER PRIMARY KEY, first_name VARCHAR(45) NOT NULL, last_name VARCHAR(45) NOT NULL, last_update TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP);
CREATE TABLE country (country_id INTEGER PRIMARY KEY, country VARCHAR(50) NOT NULL, last_update TIMESTAMP);
CREATE TABLE city (city_id INTEGER PRIMARY KEY, city VARCHAR(50) NOT NULL, country_id SMALLINT NOT NULL, last_update TIMESTAMP);
CREATE TABLE address (address_id INTEGER PRIMARY KEY, address VARCHAR(50) NOT NULL, address2 VARCHAR(50), district VARCHAR(20) NOT NULL, city_id INT NOT NULL, postal_code VARCHAR(10), phone VARCHAR(20) NOT NULL, last_update TIMESTAMP);
CREATE TABLE language (language_id INTEGER PRIMARY KEY, name CHAR(20) NOT NULL, last_update TIMESTAMP);
CREATE TABLE category (category_id INTEGER PRIMARY KEY, name VARCHAR(25) NOT NULL, last_update TIMESTAMP);
CREATE TABLE film (film_id INTEGER PRIMARY KEY, title VARCHAR(255) NOT NULL, description BLOB SUB_TYPE TEXT, release_year VARCHAR(4), language_id SMALLINT NOT NULL, original_language_id SMALLINT, rental_duration SMALLINT DEFAULT 3 NOT NULL, rental_rate DECIMAL(4,2) DEFAULT 4.99 NOT NULL, length SMALLINT, replacement_cost DECIMAL(5,2) DEFAULT 19.99 NOT NULL, rating VARCHAR(10) DEFAULT 'G', special_features VARCHAR(100), last_update TIMESTAMP);
CREATE TABLE film_actor (actor_id INT NOT NULL, film_id INT NOT NULL, last_update TIMESTAMP, PRIMARY KEY (actor_id, film_id));
CREATE TABLE film_category (film_id INT NOT NULL, category_id SMALLINT NOT NULL, last_update TIMESTAMP, PRIMARY KEY (film_id, category_id));
CREATE TABLE film_text (film_id SMALLINT NOT NULL, title VARCHAR(255) NOT NULL, description BLOB SUB_TYPE TEXT, PRIMARY KEY (film_id));
CREATE TABLE store (store_id INTEGER PRIMARY KEY, manager_staff_id SMALLINT NOT NULL, address_id INT NOT NULL, last_update TIMESTAMP);
CREATE TABLE staff (staff_id INTEGER PRIMARY KEY, first_name VARCHAR(45) NOT NULL, last_name VARCHAR(45) NOT NULL, address_id INT NOT NULL, picture BLOB, email VARCHAR(50), store_id INT NOT NULL, active SMALLINT DEFAULT 1 NOT NULL, username VARCHAR(16) NOT NULL, password VARCHAR(40), last_update TIMESTAMP);
CREATE TABLE customer (customer_id INTEGER PRIMARY KEY, store_id INT, first_name VARCHAR(45), last_name VARCHAR(45), email VARCHAR(50), address_id INT, active CHAR(1) DEFAULT 'Y', create_date TIMESTAMP, last_update TIMESTAMP, CustomerId INTEGER, FirstName TEXT, LastName TEXT, Company TEXT, City TEXT, State TEXT, Country TEXT, SupportRepId INTEGER);
CREATE TABLE inventory (inventory_id INTEGER PRIMARY KEY, film_id INT NOT NULL, store_id INT NOT NULL, last_update TIMESTAMP);
CREATE TABLE rental (rental_id INTEGER PRIMARY KEY, rental_date TIMESTAMP NOT NULL, inventory_id INT NOT NULL, customer_id INT NOT NULL, return_date TIMESTAMP, staff_id SMALLINT NOT NULL, last_update TIMESTAMP);
CREATE TABLE payment (payment_id INTEGER PRIMARY KEY, customer_id INT NOT NULL, staff_id SMALLINT NOT NULL, rental_id INT, amount DECIMAL(5,2) NOT NULL, payment_date TIMESTAMP NOT NULL, last_update TIMESTAMP);
CREATE TABLE auth_user (id INTEGER PRIMARY KEY AUTOINCREMENT, password VARCHAR(128) NOT NULL, last_login DATETIME, is_superuser BOOL NOT NULL, username VARCHAR(150) NOT NULL UNIQUE, first_name VARCHAR(150) NOT NULL, last_name VARCHAR(150) NOT NULL, email VARCHAR(254) NOT NULL, is_staff BOOL NOT NULL, is_active BOOL NOT NULL, date_joined DATETIME NOT NULL);
CREATE TABLE django_session (session_key VARCHAR(40) PRIMARY KEY, session_data TEXT NOT NULL, expire_date DATETIME NOT NULL);
CREATE TABLE blog_post (id INTEGER PRIMARY KEY AUTOINCREMENT, title VARCHAR(200) NOT NULL, slug VARCHAR(50) NOT NULL, body TEXT NOT NULL, published_at DATETIME, author_id INTEGER NOT NULL, views INTEGER NOT NULL DEFAULT 0);
CREATE TABLE "users" ("id" INTEGER PRIMARY KEY AUTOINCREMENT, "email" VARCHAR NOT NULL, "name" VARCHAR, "created_at" DATETIME(6) NOT NULL, "updated_at" DATETIME(6) NOT NULL, "admin" BOOLEAN DEFAULT 0);
CREATE UNIQUE INDEX "index_users_on_email" ON "users" ("email");
CREATE TABLE "posts" ("id" INTEGER PRIMARY KEY AUTOINCREMENT, "user_id" INTEGER NOT NULL, "title" VARCHAR, "body" TEXT, "published" BOOLEAN DEFAULT 0, "created_at" DATETIME(6) NOT NULL, "updated_at" DATETIME(6) NOT NULL);
CREATE TABLE "schema_migrations" ("version" VARCHAR NOT NULL PRIMARY KEY);
CREATE TABLE "User" ("id" TEXT NOT NULL PRIMARY KEY, "email" TEXT NOT NULL, "name" TEXT, "role" TEXT NOT NULL DEFAULT 'USER', "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP);
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");
CREATE TABLE "Post" ("id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT, "title" TEXT NOT NULL, "content" TEXT, "published" BOOLEAN NOT NULL DEFAULT false, "authorId" TEXT, "viewCount" INTEGER NOT NULL DEFAULT 0);
CREATE TABLE projects (id INTEGER PRIMARY KEY, name TEXT NOT NULL, archived INTEGER NOT NULL DEFAULT 0, owner TEXT);
CREATE TABLE tasks (id INTEGER PRIMARY KEY, project_id INTEGER REFERENCES projects(id), title TEXT NOT NULL, done INTEGER NOT NULL DEFAULT 0, priority INTEGER DEFAULT 2, due TEXT, tags TEXT, parent_id INTEGER, created_at TEXT DEFAULT (datetime('now')), updated_at TEXT);
CREATE UNIQUE INDEX tasks_title ON tasks(project_id, title);
CREATE TABLE audit_log (id INTEGER PRIMARY KEY, table_name TEXT NOT NULL, row_id INTEGER, action TEXT NOT NULL, old_value TEXT, new_value TEXT, changed_at TEXT DEFAULT CURRENT_TIMESTAMP);
CREATE TABLE events (id INTEGER PRIMARY KEY, kind TEXT, payload TEXT, created_at INTEGER);
CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT, updated_at TEXT);
CREATE TABLE counters (name TEXT PRIMARY KEY, hits INTEGER NOT NULL DEFAULT 0, last_hit TEXT);
CREATE TABLE "Sales Reps" ("Rep ID" INTEGER PRIMARY KEY, "Full Name" TEXT, "Region Code" TEXT, "Active Flag" TEXT DEFAULT '1', "Hired On" DATETIME);
CREATE TABLE readings (sensor TEXT, taken_at TEXT, value REAL, PRIMARY KEY (sensor, taken_at)) WITHOUT ROWID;
CREATE INDEX readings_by_time ON readings(taken_at);
CREATE INDEX idx_fk_film_id ON inventory(film_id);
CREATE VIRTUAL TABLE docs USING fts5(title, body);
CREATE VIEW customer_list AS SELECT cu.customer_id AS ID, cu.first_name || ' ' || cu.last_name AS name, a.address AS address, a.phone AS phone, city.city AS city, country.country AS country, cu.store_id AS SID FROM customer AS cu JOIN address AS a ON cu.address_id = a.address_id JOIN city ON a.city_id = city.city_id JOIN country ON city.country_id = country.country_id;
CREATE VIEW open_tasks AS SELECT id, project_id, title, due FROM tasks WHERE done = 0;
CREATE VIEW open_task_ids AS SELECT id FROM tasks WHERE done = 0;
-- ----
-- Northwind: alphabetical list of products
CREATE VIEW [Alphabetical list of products] AS
SELECT Products.*, Categories.CategoryName
FROM Categories INNER JOIN Products ON Categories.CategoryID = Products.CategoryID
WHERE (((Products.Discontinued)=0))
-- ----
-- Northwind: current product list
CREATE VIEW [Current Product List] AS
SELECT ProductID, ProductName
FROM Products
WHERE Discontinued=0
-- ----
-- Northwind: customer and supplier by city
CREATE VIEW [Customer and Suppliers by City] AS
SELECT City, CompanyName, ContactName, 'Customers' AS Relationship
FROM Customers
UNION
SELECT City, CompanyName, ContactName, 'Suppliers'
FROM Suppliers
ORDER BY City, CompanyName
-- ----
-- Northwind: invoices
CREATE VIEW [Invoices] AS
SELECT Orders.ShipName, Orders.ShipAddress, Orders.ShipCity, Orders.ShipRegion, Orders.ShipPostalCode,
    Orders.ShipCountry, Orders.CustomerID, Customers.CompanyName AS CustomerName, Customers.Address,
    Customers.City, Customers.Region, Customers.PostalCode, Customers.Country,
    (Employees.FirstName + ' ' + Employees.LastName) AS Salesperson,
    Orders.OrderID, Orders.OrderDate, Orders.RequiredDate, Orders.ShippedDate,
    Shippers.CompanyName As ShipperName, [Order Details].ProductID, Products.ProductName,
    [Order Details].UnitPrice, [Order Details].Quantity, [Order Details].Discount,
    ((([Order Details].UnitPrice*Quantity*(1-Discount))/100)*100) AS ExtendedPrice, Orders.Freight
FROM Customers
    JOIN Orders ON Customers.CustomerID = Orders.CustomerID
    JOIN Employees ON Employees.EmployeeID = Orders.EmployeeID
    JOIN [Order Details] ON Orders.OrderID = [Order Details].OrderID
    JOIN Products ON Products.ProductID = [Order Details].ProductID
    JOIN Shippers ON Shippers.ShipperID = Orders.ShipVia
-- ----
-- Northwind: orders query
CREATE VIEW [Orders Qry] AS
SELECT Orders.OrderID, Orders.CustomerID, Orders.EmployeeID, Orders.OrderDate, Orders.RequiredDate,
    Orders.ShippedDate, Orders.ShipVia, Orders.Freight, Orders.ShipName, Orders.ShipAddress, Orders.ShipCity,
    Orders.ShipRegion, Orders.ShipPostalCode, Orders.ShipCountry, Customers.CompanyName, Customers.Address,
    Customers.City, Customers.Region, Customers.PostalCode, Customers.Country
FROM Customers JOIN Orders ON Customers.CustomerID = Orders.CustomerID
-- ----
-- Northwind: order subtotals
CREATE VIEW [Order Subtotals] AS
SELECT [Order Details].OrderID,
SUM(([Order Details].UnitPrice*Quantity*(1-Discount)/100)*100) AS Subtotal
FROM [Order Details]
GROUP BY [Order Details].OrderID
-- ----
-- Northwind: product sales for 1997, dates compared as text
CREATE VIEW [Product Sales for 1997] AS
SELECT Categories.CategoryName, Products.ProductName,
Sum(([Order Details].UnitPrice*Quantity*(1-Discount)/100)*100) AS ProductSales
FROM Categories
 JOIN Products On Categories.CategoryID = Products.CategoryID
    JOIN [Order Details] on Products.ProductID = [Order Details].ProductID
     JOIN [Orders] on Orders.OrderID = [Order Details].OrderID
WHERE Orders.ShippedDate Between DATETIME('1997-01-01') And DATETIME('1997-12-31')
GROUP BY Categories.CategoryName, Products.ProductName
-- ----
-- Northwind: products above average price
CREATE VIEW [Products Above Average Price] AS
SELECT Products.ProductName, Products.UnitPrice
FROM Products
WHERE Products.UnitPrice>(SELECT AVG(UnitPrice) From Products)
-- ----
-- Northwind: products by category
CREATE VIEW [Products by Category] AS
SELECT Categories.CategoryName, Products.ProductName, Products.QuantityPerUnit, Products.UnitsInStock, Products.Discontinued
FROM Categories INNER JOIN Products ON Categories.CategoryID = Products.CategoryID
WHERE Products.Discontinued <> 1
-- ----
-- Northwind: quarterly orders
CREATE VIEW [Quarterly Orders] AS
SELECT DISTINCT Customers.CustomerID, Customers.CompanyName, Customers.City, Customers.Country
FROM Customers
     LEFT JOIN Orders ON Customers.CustomerID = Orders.CustomerID
WHERE Orders.OrderDate BETWEEN DATETIME('1997-01-01') And DATETIME('1997-12-31')
-- ----
-- Northwind: sales by category
CREATE VIEW [Sales by Category] AS
SELECT Categories.CategoryID, Categories.CategoryName, Products.ProductName,
    Sum([Order Details Extended].ExtendedPrice) AS ProductSales
FROM Categories
    JOIN Products ON Categories.CategoryID = Products.CategoryID
    JOIN (SELECT OrderID, ProductID, UnitPrice * Quantity * (1 - Discount) AS ExtendedPrice FROM [Order Details]) AS [Order Details Extended]
      ON Products.ProductID = [Order Details Extended].ProductID
    JOIN Orders ON Orders.OrderID = [Order Details Extended].OrderID
WHERE Orders.OrderDate BETWEEN DATETIME('1997-01-01') And DATETIME('1997-12-31')
GROUP BY Categories.CategoryID, Categories.CategoryName, Products.ProductName
-- ----
-- Northwind: ten most expensive products
CREATE VIEW [Ten Most Expensive Products] AS
SELECT Products.ProductName AS TenMostExpensiveProducts, Products.UnitPrice
FROM Products
ORDER BY Products.UnitPrice DESC
LIMIT 10
-- ----
-- Northwind: summary of sales by quarter, strftime with a CASE
CREATE VIEW [Summary of Sales by Quarter] AS
SELECT Orders.ShippedDate, Orders.OrderID, [Order Subtotals].Subtotal,
  CASE WHEN CAST(strftime('%m', Orders.ShippedDate) AS INTEGER) BETWEEN 1 AND 3 THEN 'Q1'
       WHEN CAST(strftime('%m', Orders.ShippedDate) AS INTEGER) BETWEEN 4 AND 6 THEN 'Q2'
       WHEN CAST(strftime('%m', Orders.ShippedDate) AS INTEGER) BETWEEN 7 AND 9 THEN 'Q3'
       ELSE 'Q4' END AS Quarter
FROM Orders INNER JOIN (SELECT OrderID, SUM(UnitPrice * Quantity) AS Subtotal FROM [Order Details] GROUP BY OrderID) AS [Order Subtotals]
  ON Orders.OrderID = [Order Subtotals].OrderID
WHERE Orders.ShippedDate IS NOT NULL
-- ----
-- Northwind: customers with a text flag compared to an integer
CREATE VIEW "Active Reps" AS
SELECT "Rep ID", "Full Name", "Region Code" FROM "Sales Reps" WHERE "Active Flag" = 1
-- ----
-- Northwind: employees and their managers, a self join
CREATE VIEW [Employee Managers] AS
SELECT e.EmployeeID, e.FirstName || ' ' || e.LastName AS Employee,
       m.FirstName || ' ' || m.LastName AS Manager
FROM Employees e LEFT OUTER JOIN Employees m ON e.ReportsTo = m.EmployeeID
-- ----
-- Northwind: orders shipped late, julianday arithmetic
CREATE VIEW [Late Orders] AS
SELECT OrderID, CustomerID, julianday(ShippedDate) - julianday(RequiredDate) AS DaysLate
FROM Orders
WHERE ShippedDate > RequiredDate
-- ----
-- Northwind: age of employees at hire
SELECT FirstName, LastName,
       CAST((julianday(HireDate) - julianday(BirthDate)) / 365.25 AS INTEGER) AS AgeAtHire
FROM Employees ORDER BY AgeAtHire
-- ----
-- Northwind: orders per year and month
SELECT strftime('%Y', OrderDate) AS Year, strftime('%m', OrderDate) AS Month, COUNT(*) AS Orders
FROM Orders GROUP BY 1, 2 ORDER BY 1, 2
-- ----
-- Northwind: best customers, HAVING with an aggregate
SELECT c.CompanyName, SUM(od.UnitPrice * od.Quantity * (1 - od.Discount)) AS Revenue
FROM Customers c
JOIN Orders o ON o.CustomerID = c.CustomerID
JOIN "Order Details" od ON od.OrderID = o.OrderID
GROUP BY c.CompanyName
HAVING Revenue > 10000
ORDER BY Revenue DESC
LIMIT 5
-- ----
-- Northwind: customers without orders, NOT EXISTS
SELECT CustomerID, CompanyName FROM Customers c
WHERE NOT EXISTS (SELECT 1 FROM Orders o WHERE o.CustomerID = c.CustomerID)
-- ----
-- Northwind: products never ordered, NOT IN
SELECT ProductName FROM Products WHERE ProductID NOT IN (SELECT ProductID FROM [Order Details])
-- ----
-- Northwind: employees hired in the nineties, date()
SELECT EmployeeID, LastName FROM Employees
WHERE date(HireDate) >= date('1990-01-01') AND date(HireDate) < date('2000-01-01')
-- ----
-- Northwind: orders in the last 30 days
SELECT * FROM Orders WHERE OrderDate >= datetime('now', '-30 days')
-- ----
-- Northwind: start of month modifiers
SELECT OrderID FROM Orders
WHERE OrderDate BETWEEN date('now', 'start of month', '-1 month') AND date('now', 'start of month', '-1 day')
-- ----
-- Northwind: weekday modifier
SELECT date(OrderDate, 'weekday 0') AS WeekEnding, COUNT(*) FROM Orders GROUP BY WeekEnding
-- ----
-- Northwind: unixepoch and localtime
SELECT OrderID, datetime(strftime('%s', OrderDate), 'unixepoch', 'localtime') AS Local FROM Orders
-- ----
-- Northwind: freight by shipper with a CASE on a simple operand
SELECT CASE ShipVia WHEN 1 THEN 'Speedy' WHEN 2 THEN 'United' ELSE 'Federal' END AS Shipper,
       ROUND(AVG(Freight), 2) AS AvgFreight
FROM Orders GROUP BY ShipVia
-- ----
-- Northwind: contact names starting with a letter, case-insensitive LIKE
SELECT ContactName FROM Customers WHERE ContactName LIKE 'a%' ORDER BY ContactName COLLATE NOCASE
-- ----
-- Northwind: phone numbers by GLOB pattern
SELECT CompanyName, Phone FROM Suppliers WHERE Phone GLOB '(0[0-9]*)*'
-- ----
-- Northwind: percent sign searched with LIKE ESCAPE
SELECT ProductName FROM Products WHERE QuantityPerUnit LIKE '%100\%%' ESCAPE '\'
-- ----
-- Northwind: region may be NULL, IFNULL and COALESCE
SELECT CompanyName, IFNULL(Region, '-') AS Region, COALESCE(Fax, Phone, 'none') AS Contact FROM Customers
-- ----
-- Northwind: territories per region, group_concat
SELECT r.RegionDescription, group_concat(t.TerritoryDescription, ', ') AS Territories
FROM Region r JOIN Territories t USING (RegionID)
GROUP BY r.RegionDescription
-- ----
-- Northwind: employees and territories, NATURAL JOIN
SELECT EmployeeID, TerritoryDescription FROM EmployeeTerritories NATURAL JOIN Territories
-- ----
-- Northwind: a cross join of shippers and regions
SELECT s.CompanyName, r.RegionDescription FROM Shippers s CROSS JOIN Region r
-- ----
-- Northwind: comma join with WHERE
SELECT o.OrderID, c.CompanyName FROM Orders o, Customers c WHERE o.CustomerID = c.CustomerID AND o.Freight > 100
-- ----
-- Northwind: substr, instr, upper
SELECT upper(substr(CompanyName, 1, instr(CompanyName, ' ') - 1)) AS FirstWord FROM Customers WHERE instr(CompanyName, ' ') > 0
-- ----
-- Northwind: negative substr start
SELECT substr(Phone, -4) AS LastDigits FROM Shippers
-- ----
-- Northwind: printf and format
SELECT printf('%s (%d units)', ProductName, UnitsInStock), format('%.2f', UnitPrice) FROM Products
-- ----
-- Northwind: scalar max and min of two values
SELECT ProductID, max(UnitsInStock, ReorderLevel) AS Needed, min(UnitPrice, 100) AS Capped FROM Products
-- ----
-- Northwind: typeof and length
SELECT typeof(Discontinued), length(ProductName) FROM Products
-- ----
-- Northwind: iif
SELECT ProductName, iif(UnitsInStock < ReorderLevel, 'reorder', 'ok') AS Status FROM Products
-- ----
-- Northwind: integer division and modulo
SELECT OrderID, Quantity / 12 AS Dozens, Quantity % 12 AS Loose FROM [Order Details]
-- ----
-- Northwind: a view with its own column names
CREATE VIEW IF NOT EXISTS product_stock (name, in_stock, on_order) AS
SELECT ProductName, UnitsInStock, UnitsOnOrder FROM Products
-- ----
-- Northwind: a temporary view
CREATE TEMP VIEW recent_orders AS SELECT * FROM Orders WHERE OrderDate > date('now', '-1 year')
-- ----
-- Northwind: a view in the main schema
CREATE VIEW main.shipped_orders AS SELECT OrderID, ShippedDate FROM Orders WHERE ShippedDate NOTNULL
-- ----
-- Northwind: orders not shipped, ISNULL
SELECT OrderID FROM Orders WHERE ShippedDate ISNULL
-- ----
-- Northwind: postfix NOT NULL
SELECT OrderID FROM Orders WHERE ShipRegion NOT NULL
-- ----
-- Northwind: IS NOT with a value
SELECT OrderID FROM Orders WHERE ShipRegion IS NOT 'WA'
-- ----
-- Northwind: IS DISTINCT FROM
SELECT OrderID FROM Orders WHERE ShipRegion IS DISTINCT FROM ShipCountry
-- ----
-- Northwind: IS NOT DISTINCT FROM
SELECT a.OrderID, b.OrderID FROM Orders a JOIN Orders b ON a.ShipRegion IS NOT DISTINCT FROM b.ShipRegion AND a.OrderID < b.OrderID
-- ----
-- Northwind: == and !=
SELECT ProductID FROM Products WHERE CategoryID == 1 AND SupplierID != 2
-- ----
-- Northwind: INDEXED BY
SELECT * FROM inventory INDEXED BY idx_fk_film_id WHERE film_id = 5
-- ----
-- Northwind: NOT INDEXED
SELECT * FROM inventory NOT INDEXED WHERE film_id = 5
-- ----
-- Chinook: invoices per country
SELECT BillingCountry, COUNT(*) AS Invoices, SUM(Total) AS Total
FROM Invoice GROUP BY BillingCountry ORDER BY Total DESC
-- ----
-- Chinook: tracks with album and artist
CREATE VIEW TrackDetails AS
SELECT t.TrackId, t.Name AS Track, al.Title AS Album, ar.Name AS Artist, g.Name AS Genre,
       t.Milliseconds / 1000.0 / 60 AS Minutes
FROM Track t
JOIN Album al ON al.AlbumId = t.AlbumId
JOIN Artist ar ON ar.ArtistId = al.ArtistId
LEFT JOIN Genre g ON g.GenreId = t.GenreId
-- ----
-- Chinook: top artists by tracks sold
SELECT ar.Name, SUM(il.Quantity) AS Sold
FROM InvoiceLine il
JOIN Track t ON t.TrackId = il.TrackId
JOIN Album al ON al.AlbumId = t.AlbumId
JOIN Artist ar ON ar.ArtistId = al.ArtistId
GROUP BY ar.ArtistId
ORDER BY Sold DESC LIMIT 10
-- ----
-- Chinook: running total per customer, a window function
SELECT CustomerId, InvoiceDate, Total,
       SUM(Total) OVER (PARTITION BY CustomerId ORDER BY InvoiceDate ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS RunningTotal
FROM Invoice
-- ----
-- Chinook: rank of genres by sales per country
SELECT BillingCountry, g.Name,
       RANK() OVER (PARTITION BY BillingCountry ORDER BY SUM(il.UnitPrice * il.Quantity) DESC) AS GenreRank
FROM Invoice i JOIN InvoiceLine il ON il.InvoiceId = i.InvoiceId
JOIN Track t ON t.TrackId = il.TrackId JOIN Genre g ON g.GenreId = t.GenreId
GROUP BY BillingCountry, g.Name
-- ----
-- Chinook: row_number to pick the top genre per country
SELECT * FROM (
  SELECT BillingCountry, GenreId, COUNT(*) AS n,
         ROW_NUMBER() OVER (PARTITION BY BillingCountry ORDER BY COUNT(*) DESC) AS rn
  FROM Invoice JOIN InvoiceLine USING (InvoiceId) JOIN Track USING (TrackId)
  GROUP BY BillingCountry, GenreId
) WHERE rn = 1
-- ----
-- Chinook: named window, lag and lead
SELECT InvoiceId, InvoiceDate, Total,
       LAG(Total) OVER w AS Previous, LEAD(Total, 1, 0) OVER w AS Next
FROM Invoice
WINDOW w AS (ORDER BY InvoiceDate)
-- ----
-- Chinook: window with a base window and a frame
SELECT InvoiceId, avg(Total) OVER (w ROWS BETWEEN 2 PRECEDING AND 2 FOLLOWING) AS Smoothed
FROM Invoice WINDOW w AS (PARTITION BY CustomerId ORDER BY InvoiceDate)
-- ----
-- Chinook: RANGE frame with EXCLUDE
SELECT InvoiceId, sum(Total) OVER (ORDER BY InvoiceId RANGE BETWEEN 5 PRECEDING AND CURRENT ROW EXCLUDE CURRENT ROW) FROM Invoice
-- ----
-- Chinook: GROUPS frame with EXCLUDE TIES
SELECT InvoiceId, count(*) OVER (ORDER BY CustomerId GROUPS BETWEEN 1 PRECEDING AND 1 FOLLOWING EXCLUDE TIES) FROM Invoice
-- ----
-- Chinook: ROWS frame without BETWEEN, EXCLUDE NO OTHERS and GROUP
SELECT InvoiceId,
       sum(Total) OVER (ORDER BY InvoiceId ROWS 3 PRECEDING EXCLUDE NO OTHERS),
       sum(Total) OVER (ORDER BY InvoiceId ROWS UNBOUNDED PRECEDING EXCLUDE GROUP)
FROM Invoice
-- ----
-- Chinook: ntile, percent_rank, cume_dist, first_value, nth_value
SELECT TrackId, NTILE(4) OVER win AS Quartile, percent_rank() OVER win, cume_dist() OVER win,
       first_value(Name) OVER win, nth_value(Name, 2) OVER win, dense_rank() OVER win
FROM Track WINDOW win AS (ORDER BY Milliseconds)
-- ----
-- Chinook: aggregate with FILTER
SELECT AlbumId, count(*) FILTER (WHERE Milliseconds > 300000) AS LongTracks, count(*) AS Tracks
FROM Track GROUP BY AlbumId
-- ----
-- Chinook: aggregate with FILTER and OVER
SELECT TrackId, sum(Bytes) FILTER (WHERE MediaTypeId = 1) OVER (PARTITION BY AlbumId) FROM Track
-- ----
-- Chinook: count distinct
SELECT COUNT(DISTINCT BillingCountry) FROM Invoice
-- ----
-- Chinook: group_concat with DISTINCT
SELECT AlbumId, group_concat(DISTINCT Composer) FROM Track GROUP BY AlbumId
-- ----
-- Chinook: ordered aggregate
SELECT AlbumId, group_concat(Name, '; ' ORDER BY TrackId DESC) AS Tracks FROM Track GROUP BY AlbumId
-- ----
-- Chinook: string_agg
SELECT ArtistId, string_agg(Title, ', ') FROM Album GROUP BY ArtistId
-- ----
-- Chinook: employees hierarchy, a recursive CTE
WITH RECURSIVE chain(EmployeeId, Name, Level) AS (
  SELECT EmployeeId, FirstName || ' ' || LastName, 0 FROM Employee WHERE ReportsTo IS NULL
  UNION ALL
  SELECT e.EmployeeId, e.FirstName || ' ' || e.LastName, chain.Level + 1
  FROM Employee e JOIN chain ON e.ReportsTo = chain.EmployeeId
)
SELECT * FROM chain ORDER BY Level, Name
-- ----
-- Chinook: a MATERIALIZED common table expression
WITH sales AS MATERIALIZED (SELECT CustomerId, SUM(Total) AS spent FROM Invoice GROUP BY CustomerId)
SELECT c.FirstName, c.LastName, s.spent FROM customer c JOIN sales s ON s.CustomerId = c.CustomerId
-- ----
-- Chinook: NOT MATERIALIZED and two CTEs
WITH big AS NOT MATERIALIZED (SELECT * FROM Invoice WHERE Total > 10),
     lines AS (SELECT InvoiceId, count(*) AS n FROM InvoiceLine GROUP BY InvoiceId)
SELECT big.InvoiceId, lines.n FROM big JOIN lines USING (InvoiceId)
-- ----
-- Chinook: a view on a CTE
CREATE VIEW CustomerSpend AS
WITH spend AS (SELECT CustomerId, SUM(Total) AS Total FROM Invoice GROUP BY CustomerId)
SELECT CustomerId, Total, CASE WHEN Total > 40 THEN 'gold' WHEN Total > 30 THEN 'silver' ELSE 'bronze' END AS Tier FROM spend
-- ----
-- Chinook: INTERSECT
SELECT ArtistId FROM Album INTERSECT SELECT ArtistId FROM Artist
-- ----
-- Chinook: EXCEPT
SELECT ArtistId FROM Artist EXCEPT SELECT ArtistId FROM Album
-- ----
-- Chinook: UNION ALL of three with ORDER BY and LIMIT
SELECT 'artist' AS kind, Name FROM Artist
UNION ALL SELECT 'genre', Name FROM Genre
UNION ALL SELECT 'media', Name FROM MediaType
ORDER BY 2 LIMIT 20 OFFSET 40
-- ----
-- Chinook: LIMIT with a comma
SELECT Name FROM Track ORDER BY Name LIMIT 20, 10
-- ----
-- Chinook: tracks longer than the album's average, a correlated subquery
SELECT Name, Milliseconds FROM Track t
WHERE Milliseconds > (SELECT avg(Milliseconds) FROM Track WHERE AlbumId = t.AlbumId)
-- ----
-- Chinook: scalar subquery in the select list
SELECT a.Title, (SELECT count(*) FROM Track t WHERE t.AlbumId = a.AlbumId) AS Tracks FROM Album a
-- ----
-- Chinook: duration formatted with printf and integer math
SELECT Name, printf('%d:%02d', Milliseconds / 60000, (Milliseconds / 1000) % 60) AS Duration FROM Track
-- ----
-- Chinook: total as real text
SELECT InvoiceId, CAST(Total AS TEXT) || ' USD' FROM Invoice
-- ----
-- Chinook: CAST to decimal with precision
SELECT CAST(Total AS DECIMAL(10, 2)) FROM Invoice
-- ----
-- Chinook: CAST to a multi-word type
SELECT CAST(Bytes AS UNSIGNED BIG INT), CAST(UnitPrice AS DOUBLE PRECISION), CAST(Name AS VARCHAR(20)) FROM Track
-- ----
-- Chinook: playlists with more than 100 tracks, IN with a subquery
SELECT Name FROM Playlist WHERE PlaylistId IN (SELECT PlaylistId FROM PlaylistTrack GROUP BY PlaylistId HAVING count(*) > 100)
-- ----
-- Chinook: IN a list
SELECT Name FROM Genre WHERE GenreId IN (1, 3, 5, 7)
-- ----
-- Chinook: NOT BETWEEN
SELECT Name FROM Track WHERE Milliseconds NOT BETWEEN 60000 AND 600000
-- ----
-- Chinook: customers by email domain
SELECT substr(email, instr(email, '@') + 1) AS Domain, count(*) FROM customer GROUP BY Domain ORDER BY 2 DESC
-- ----
-- Chinook: RIGHT JOIN
SELECT ar.Name, al.Title FROM Album al RIGHT JOIN Artist ar ON ar.ArtistId = al.ArtistId
-- ----
-- Chinook: FULL OUTER JOIN
SELECT g.Name, m.Name FROM Genre g FULL OUTER JOIN MediaType m ON g.GenreId = m.MediaTypeId
-- ----
-- Chinook: a join in parentheses
SELECT t.Name, al.Title, ar.Name FROM Track t JOIN (Album al JOIN Artist ar ON ar.ArtistId = al.ArtistId) ON al.AlbumId = t.AlbumId
-- ----
-- Chinook: VALUES as a select
VALUES (1, 'one'), (2, 'two'), (3, 'three')
-- ----
-- Chinook: VALUES in a CTE
WITH prices(tier, price) AS (VALUES ('low', 0.99), ('high', 1.99))
SELECT t.Name, p.tier FROM Track t JOIN prices p ON p.price = t.UnitPrice
-- ----
-- Chinook: DISTINCT with ORDER BY NULLS LAST
SELECT DISTINCT Composer FROM Track ORDER BY Composer NULLS LAST
-- ----
-- Chinook: ORDER BY DESC NULLS FIRST and COLLATE
SELECT Name, Composer FROM Track ORDER BY Composer COLLATE NOCASE DESC NULLS FIRST, Name ASC
-- ----
-- Chinook: SELECT ALL
SELECT ALL BillingCity FROM Invoice
-- ----
-- Chinook: star and table star
SELECT al.*, ar.Name AS ArtistName FROM Album al JOIN Artist ar USING (ArtistId)
-- ----
-- Chinook: a three-part column name
SELECT main.Track.Name FROM main.Track WHERE main.Track.TrackId = 1
-- ----
-- Chinook: an alias without AS, and a string alias
SELECT Name TrackName, Milliseconds 'length' FROM Track
-- ----
-- Chinook: an implicit table alias and a quoted alias
SELECT "t"."Name" FROM Track "t" WHERE "t".GenreId = 1
-- ----
-- Chinook: backtick names
SELECT `Name`, `Composer` FROM `Track` WHERE `UnitPrice` > 0.99
-- ----
-- Chinook: row values
SELECT * FROM Track WHERE (AlbumId, TrackId) > (1, 5) ORDER BY AlbumId, TrackId LIMIT 10
-- ----
-- Chinook: row value IN a subquery
SELECT * FROM InvoiceLine WHERE (InvoiceId, TrackId) IN (SELECT InvoiceId, TrackId FROM InvoiceLine WHERE Quantity > 1)
-- ----
-- Chinook: unicode, char, hex, quote
SELECT unicode(Name), char(65, 66), hex(Name), quote(Name) FROM Artist
-- ----
-- Chinook: replace, trim, ltrim, rtrim
SELECT replace(Name, '&', 'and'), trim(Name), ltrim(Name, 'The '), rtrim(Name, '.') FROM Artist
-- ----
-- Chinook: concat and concat_ws
SELECT concat(FirstName, ' ', LastName), concat_ws(', ', City, Country) FROM Employee
-- ----
-- Chinook: abs, round, total, sign
SELECT abs(-Total), round(Total), total(Total), sign(Total - 5) FROM Invoice GROUP BY InvoiceId
-- ----
-- Chinook: nullif and coalesce in an expression
SELECT Name, coalesce(nullif(Composer, ''), 'unknown') FROM Track
-- ----
-- Chinook: likelihood and unlikely
SELECT Name FROM Track WHERE unlikely(Composer IS NULL)
-- ----
-- Chinook: hex and blob literals
SELECT 0x1F, 0XFF, X'CAFE', x'00ff', 1e10, 1.5E-3, .5, 10.
-- ----
-- Chinook: bitwise operators and unary minus and tilde
SELECT Bytes & 255, Bytes | 1, Bytes << 2, Bytes >> 1, ~Bytes, -Bytes, +Bytes FROM Track
-- ----
-- Chinook: TRUE and FALSE
SELECT Name, Milliseconds > 300000 IS TRUE AS Long FROM Track WHERE TRUE AND NOT FALSE
-- ----
-- Chinook: CURRENT_TIMESTAMP, CURRENT_DATE, CURRENT_TIME
SELECT CURRENT_TIMESTAMP, CURRENT_DATE, CURRENT_TIME
-- ----
-- Chinook: a string with an embedded quote
SELECT 'Guns N'' Roses' AS Name, 'it''s' || ' fine'
-- ----
-- Chinook: a comment inside a statement
SELECT Name /* the artist */ FROM Artist -- all of them
WHERE ArtistId > 0
-- ----
-- Chinook: EXISTS in the select list
SELECT ar.Name, EXISTS (SELECT 1 FROM Album al WHERE al.ArtistId = ar.ArtistId) AS HasAlbums FROM Artist ar
-- ----
-- Chinook: nested CASE
SELECT Name, CASE WHEN Milliseconds < 60000 THEN 'short' ELSE CASE WHEN Milliseconds < 300000 THEN 'normal' ELSE 'long' END END FROM Track
-- ----
-- Chinook: CASE without ELSE
SELECT CASE GenreId WHEN 1 THEN 'Rock' END FROM Track
-- ----
-- Chinook: ORDER BY a CASE
SELECT FirstName, Country FROM Employee ORDER BY CASE Country WHEN 'Canada' THEN 0 ELSE 1 END, FirstName
-- ----
-- Chinook: insert an artist
INSERT INTO Artist (Name) VALUES ('New Artist')
-- ----
-- Chinook: insert from a select
INSERT INTO Playlist (Name) SELECT 'Copy of ' || Name FROM Playlist WHERE PlaylistId = 1
-- ----
-- Chinook: insert several rows
INSERT INTO Genre (GenreId, Name) VALUES (100, 'Polka'), (101, 'Sea Shanty')
-- ----
-- Chinook: delete lines of an invoice
DELETE FROM InvoiceLine WHERE InvoiceId = 412
-- ----
-- Chinook: update with a correlated subquery
UPDATE Invoice SET Total = (SELECT SUM(UnitPrice * Quantity) FROM InvoiceLine WHERE InvoiceLine.InvoiceId = Invoice.InvoiceId)
-- ----
-- Chinook: update from another table
UPDATE Track SET UnitPrice = p.price FROM (SELECT 1 AS GenreId, 1.29 AS price) AS p WHERE Track.GenreId = p.GenreId
-- ----
-- Sakila: actor info view with group_concat over a subquery
CREATE VIEW actor_info AS
SELECT a.actor_id, a.first_name, a.last_name,
       group_concat(DISTINCT c.name) AS film_categories
FROM actor a
LEFT JOIN film_actor fa ON a.actor_id = fa.actor_id
LEFT JOIN film_category fc ON fa.film_id = fc.film_id
LEFT JOIN category c ON fc.category_id = c.category_id
GROUP BY a.actor_id, a.first_name, a.last_name
-- ----
-- Sakila: film list view
CREATE VIEW film_list AS
SELECT film.film_id AS FID, film.title AS title, film.description AS description, category.name AS category,
       film.rental_rate AS price, film.length AS length, film.rating AS rating,
       group_concat(actor.first_name || ' ' || actor.last_name, ', ') AS actors
FROM category LEFT JOIN film_category ON category.category_id = film_category.category_id
LEFT JOIN film ON film_category.film_id = film.film_id
JOIN film_actor ON film.film_id = film_actor.film_id
JOIN actor ON film_actor.actor_id = actor.actor_id
GROUP BY film.film_id, category.name
-- ----
-- Sakila: sales by store
CREATE VIEW sales_by_store AS
SELECT s.store_id, c.city || ',' || cy.country AS store, m.first_name || ' ' || m.last_name AS manager,
       SUM(p.amount) AS total_sales
FROM payment AS p
INNER JOIN rental AS r ON p.rental_id = r.rental_id
INNER JOIN inventory AS i ON r.inventory_id = i.inventory_id
INNER JOIN store AS s ON i.store_id = s.store_id
INNER JOIN address AS a ON s.address_id = a.address_id
INNER JOIN city AS c ON a.city_id = c.city_id
INNER JOIN country AS cy ON c.country_id = cy.country_id
INNER JOIN staff AS m ON s.manager_staff_id = m.staff_id
GROUP BY s.store_id
ORDER BY cy.country, c.city
-- ----
-- Sakila: sales by film category
CREATE VIEW sales_by_film_category AS
SELECT c.name AS category, SUM(p.amount) AS total_sales
FROM payment AS p
INNER JOIN rental AS r ON p.rental_id = r.rental_id
INNER JOIN inventory AS i ON r.inventory_id = i.inventory_id
INNER JOIN film AS f ON i.film_id = f.film_id
INNER JOIN film_category AS fc ON f.film_id = fc.film_id
INNER JOIN category AS c ON fc.category_id = c.category_id
GROUP BY c.name
ORDER BY total_sales DESC
-- ----
-- Sakila: staff list
CREATE VIEW staff_list AS
SELECT s.staff_id AS ID, s.first_name || ' ' || s.last_name AS name, a.address AS address,
       a.postal_code AS "zip code", a.phone AS phone, city.city AS city, country.country AS country, s.store_id AS SID
FROM staff AS s JOIN address AS a ON s.address_id = a.address_id JOIN city ON a.city_id = city.city_id
JOIN country ON city.country_id = country.country_id
-- ----
-- Sakila: overdue rentals, julianday and rental_duration
SELECT c.last_name || ', ' || c.first_name AS customer, a.phone, f.title
FROM rental r
JOIN customer c ON r.customer_id = c.customer_id
JOIN address a ON c.address_id = a.address_id
JOIN inventory i ON r.inventory_id = i.inventory_id
JOIN film f ON i.film_id = f.film_id
WHERE r.return_date IS NULL AND julianday(r.rental_date) + f.rental_duration < julianday('now')
ORDER BY f.title
LIMIT 5
-- ----
-- Sakila: the last_update stamp on actor
CREATE TRIGGER actor_trigger_ai AFTER INSERT ON actor
BEGIN
  UPDATE actor SET last_update = DATETIME('NOW') WHERE rowid = new.rowid;
END
-- ----
-- Sakila: the last_update stamp on actor, on update
CREATE TRIGGER actor_trigger_au AFTER UPDATE ON actor
BEGIN
  UPDATE actor SET last_update = DATETIME('NOW') WHERE rowid = new.rowid;
END
-- ----
-- Sakila: country stamp on insert
CREATE TRIGGER country_trigger_ai AFTER INSERT ON country
BEGIN
  UPDATE country SET last_update = DATETIME('NOW') WHERE rowid = new.rowid;
END
-- ----
-- Sakila: country stamp on update
CREATE TRIGGER country_trigger_au AFTER UPDATE ON country
BEGIN
  UPDATE country SET last_update = DATETIME('NOW') WHERE rowid = new.rowid;
END
-- ----
-- Sakila: city stamp on insert
CREATE TRIGGER city_trigger_ai AFTER INSERT ON city
BEGIN
  UPDATE city SET last_update = DATETIME('NOW') WHERE rowid = new.rowid;
END
-- ----
-- Sakila: city stamp on update
CREATE TRIGGER city_trigger_au AFTER UPDATE ON city
BEGIN
  UPDATE city SET last_update = DATETIME('NOW') WHERE rowid = new.rowid;
END
-- ----
-- Sakila: address stamp on insert
CREATE TRIGGER address_trigger_ai AFTER INSERT ON address
BEGIN
  UPDATE address SET last_update = DATETIME('NOW') WHERE rowid = new.rowid;
END
-- ----
-- Sakila: address stamp on update
CREATE TRIGGER address_trigger_au AFTER UPDATE ON address
BEGIN
  UPDATE address SET last_update = DATETIME('NOW') WHERE rowid = new.rowid;
END
-- ----
-- Sakila: language stamp on insert
CREATE TRIGGER language_trigger_ai AFTER INSERT ON language
BEGIN
  UPDATE language SET last_update = DATETIME('NOW') WHERE rowid = new.rowid;
END
-- ----
-- Sakila: language stamp on update
CREATE TRIGGER language_trigger_au AFTER UPDATE ON language
BEGIN
  UPDATE language SET last_update = DATETIME('NOW') WHERE rowid = new.rowid;
END
-- ----
-- Sakila: category stamp on insert
CREATE TRIGGER category_trigger_ai AFTER INSERT ON category
BEGIN
  UPDATE category SET last_update = DATETIME('NOW') WHERE rowid = new.rowid;
END
-- ----
-- Sakila: category stamp on update
CREATE TRIGGER category_trigger_au AFTER UPDATE ON category
BEGIN
  UPDATE category SET last_update = DATETIME('NOW') WHERE rowid = new.rowid;
END
-- ----
-- Sakila: film stamp on insert
CREATE TRIGGER film_trigger_ai AFTER INSERT ON film
BEGIN
  UPDATE film SET last_update = DATETIME('NOW') WHERE rowid = new.rowid;
END
-- ----
-- Sakila: film stamp on update
CREATE TRIGGER film_trigger_au AFTER UPDATE ON film
BEGIN
  UPDATE film SET last_update = DATETIME('NOW') WHERE rowid = new.rowid;
END
-- ----
-- Sakila: film_actor stamp on insert
CREATE TRIGGER film_actor_trigger_ai AFTER INSERT ON film_actor
BEGIN
  UPDATE film_actor SET last_update = DATETIME('NOW') WHERE rowid = new.rowid;
END
-- ----
-- Sakila: film_actor stamp on update
CREATE TRIGGER film_actor_trigger_au AFTER UPDATE ON film_actor
BEGIN
  UPDATE film_actor SET last_update = DATETIME('NOW') WHERE rowid = new.rowid;
END
-- ----
-- Sakila: film_category stamp on insert
CREATE TRIGGER film_category_trigger_ai AFTER INSERT ON film_category
BEGIN
  UPDATE film_category SET last_update = DATETIME('NOW') WHERE rowid = new.rowid;
END
-- ----
-- Sakila: film_category stamp on update
CREATE TRIGGER film_category_trigger_au AFTER UPDATE ON film_category
BEGIN
  UPDATE film_category SET last_update = DATETIME('NOW') WHERE rowid = new.rowid;
END
-- ----
-- Sakila: inventory stamp on insert
CREATE TRIGGER inventory_trigger_ai AFTER INSERT ON inventory
BEGIN
  UPDATE inventory SET last_update = DATETIME('NOW') WHERE rowid = new.rowid;
END
-- ----
-- Sakila: inventory stamp on update
CREATE TRIGGER inventory_trigger_au AFTER UPDATE ON inventory
BEGIN
  UPDATE inventory SET last_update = DATETIME('NOW') WHERE rowid = new.rowid;
END
-- ----
-- Sakila: staff stamp on insert
CREATE TRIGGER staff_trigger_ai AFTER INSERT ON staff
BEGIN
  UPDATE staff SET last_update = DATETIME('NOW') WHERE rowid = new.rowid;
END
-- ----
-- Sakila: staff stamp on update
CREATE TRIGGER staff_trigger_au AFTER UPDATE ON staff
BEGIN
  UPDATE staff SET last_update = DATETIME('NOW') WHERE rowid = new.rowid;
END
-- ----
-- Sakila: store stamp on insert
CREATE TRIGGER store_trigger_ai AFTER INSERT ON store
BEGIN
  UPDATE store SET last_update = DATETIME('NOW') WHERE rowid = new.rowid;
END
-- ----
-- Sakila: store stamp on update
CREATE TRIGGER store_trigger_au AFTER UPDATE ON store
BEGIN
  UPDATE store SET last_update = DATETIME('NOW') WHERE rowid = new.rowid;
END
-- ----
-- Sakila: customer stamp on insert, create_date too
CREATE TRIGGER customer_trigger_ai AFTER INSERT ON customer
BEGIN
  UPDATE customer SET last_update = DATETIME('NOW'), create_date = DATETIME('NOW') WHERE rowid = new.rowid;
END
-- ----
-- Sakila: customer stamp on update
CREATE TRIGGER customer_trigger_au AFTER UPDATE ON customer
BEGIN
  UPDATE customer SET last_update = DATETIME('NOW') WHERE rowid = new.rowid;
END
-- ----
-- Sakila: payment stamp on insert, payment_date too
CREATE TRIGGER payment_trigger_ai AFTER INSERT ON payment
BEGIN
  UPDATE payment SET last_update = DATETIME('NOW'), payment_date = DATETIME('NOW') WHERE rowid = new.rowid;
END
-- ----
-- Sakila: payment stamp on update
CREATE TRIGGER payment_trigger_au AFTER UPDATE ON payment
BEGIN
  UPDATE payment SET last_update = DATETIME('NOW') WHERE rowid = new.rowid;
END
-- ----
-- Sakila: rental stamp on insert, rental_date too
CREATE TRIGGER rental_trigger_ai AFTER INSERT ON rental
BEGIN
  UPDATE rental SET last_update = DATETIME('NOW'), rental_date = DATETIME('NOW') WHERE rowid = new.rowid;
END
-- ----
-- Sakila: rental stamp on update
CREATE TRIGGER rental_trigger_au AFTER UPDATE ON rental
BEGIN
  UPDATE rental SET last_update = DATETIME('NOW') WHERE rowid = new.rowid;
END
-- ----
-- Sakila: film_text kept in step with film on insert
CREATE TRIGGER ins_film AFTER INSERT ON film
BEGIN
  INSERT INTO film_text (film_id, title, description) VALUES (new.film_id, new.title, new.description);
END
-- ----
-- Sakila: film_text kept in step with film on update OF columns
CREATE TRIGGER upd_film AFTER UPDATE OF title, description ON film
FOR EACH ROW
WHEN old.title != new.title OR old.description != new.description OR old.film_id != new.film_id
BEGIN
  UPDATE film_text SET title = new.title, description = new.description, film_id = new.film_id
  WHERE film_id = old.film_id;
END
-- ----
-- Sakila: film_text kept in step with film on delete
CREATE TRIGGER del_film AFTER DELETE ON film
BEGIN
  DELETE FROM film_text WHERE film_id = old.film_id;
END
-- ----
-- Sakila: INSTEAD OF insert on a view
CREATE TRIGGER customer_list_insert INSTEAD OF INSERT ON customer_list
BEGIN
  INSERT INTO customer (first_name, last_name, store_id, active)
  VALUES (substr(new.name, 1, instr(new.name, ' ') - 1), substr(new.name, instr(new.name, ' ') + 1), new.SID, 'Y');
END
-- ----
-- Sakila: INSTEAD OF delete on a view
CREATE TRIGGER customer_list_delete INSTEAD OF DELETE ON customer_list
BEGIN
  DELETE FROM customer WHERE customer_id = old.ID;
END
-- ----
-- Sakila: INSTEAD OF update on a view
CREATE TRIGGER customer_list_update INSTEAD OF UPDATE OF name ON customer_list
FOR EACH ROW
BEGIN
  UPDATE customer SET first_name = substr(new.name, 1, instr(new.name, ' ') - 1),
                      last_name = substr(new.name, instr(new.name, ' ') + 1)
  WHERE customer_id = old.ID;
END
-- ----
-- Sakila: rentals per month with strftime
SELECT strftime('%Y-%m', rental_date) AS month, count(*) FROM rental GROUP BY month
-- ----
-- Sakila: payments per weekday with %w
SELECT strftime('%w', payment_date) AS weekday, sum(amount) FROM payment GROUP BY weekday
-- ----
-- Sakila: films by rating with IN and ORDER BY length
SELECT title, length FROM film WHERE rating IN ('PG', 'PG-13') AND length BETWEEN 90 AND 120 ORDER BY length DESC, title
-- ----
-- Sakila: special features by LIKE
SELECT title FROM film WHERE special_features LIKE '%Behind the Scenes%'
-- ----
-- Sakila: customers and payments, HAVING without GROUP BY columns in select
SELECT customer_id, sum(amount) AS total FROM payment GROUP BY customer_id HAVING sum(amount) > 150 ORDER BY total DESC
-- ----
-- Sakila: top actors by films, a window over an aggregate
SELECT actor_id, films, rank() OVER (ORDER BY films DESC) AS place
FROM (SELECT actor_id, count(*) AS films FROM film_actor GROUP BY actor_id)
-- ----
-- Sakila: a table-valued function, json_each
SELECT film_id, j.value AS feature FROM film, json_each('["' || replace(special_features, ',', '","') || '"]') AS j
-- ----
-- Sakila: unixepoch and timediff
SELECT rental_id, unixepoch(return_date) - unixepoch(rental_date) AS seconds, timediff(return_date, rental_date) FROM rental
-- ----
-- Sakila: julianday with subsec and a time modifier
SELECT rental_id, julianday(rental_date, '+12 hours'), datetime(rental_date, 'subsec') FROM rental
-- ----
-- Sakila: time and date with several modifiers
SELECT time(payment_date, '+1 hour', '-15 minutes'), date(payment_date, 'start of year', '+6 months', 'utc') FROM payment
-- ----
-- Sakila: strftime with %j and %H
SELECT strftime('%j', rental_date), strftime('%H:%M', rental_date) FROM rental
-- ----
-- Sakila: datetime of a unix number and a julian day
SELECT datetime(1092941466, 'unixepoch'), datetime(2460000.5), date('now', 'localtime')
-- ----
-- Django: a user by username, every column
SELECT "auth_user"."id", "auth_user"."password", "auth_user"."last_login", "auth_user"."is_superuser", "auth_user"."username", "auth_user"."first_name", "auth_user"."last_name", "auth_user"."email", "auth_user"."is_staff", "auth_user"."is_active", "auth_user"."date_joined" FROM "auth_user" WHERE "auth_user"."id" = ? LIMIT 21
-- ----
-- Django: a user by username, as the sqlite3 backend sends it
SELECT "auth_user"."id", "auth_user"."username", "auth_user"."email" FROM "auth_user" WHERE "auth_user"."username" = ? LIMIT 21
-- ----
-- Django: a session by key, expire_date compared as text
SELECT "django_session"."session_key", "django_session"."session_data", "django_session"."expire_date" FROM "django_session" WHERE ("django_session"."expire_date" > ? AND "django_session"."session_key" = ?) LIMIT 21
-- ----
-- Django: insert a post returning the id
INSERT INTO "blog_post" ("title", "slug", "body", "published_at", "author_id", "views") VALUES (?, ?, ?, ?, ?, ?) RETURNING "blog_post"."id"
-- ----
-- Django: update with F() expression
UPDATE "blog_post" SET "views" = ("blog_post"."views" + ?) WHERE "blog_post"."id" = ?
-- ----
-- Django: delete expired sessions
DELETE FROM "django_session" WHERE "django_session"."expire_date" < ?
-- ----
-- Django: icontains lookup with ESCAPE
SELECT "blog_post"."id", "blog_post"."title" FROM "blog_post" WHERE "blog_post"."title" LIKE ? ESCAPE '\' ORDER BY "blog_post"."published_at" DESC
-- ----
-- Django: count with a subquery aggregate
SELECT COUNT(*) FROM (SELECT "blog_post"."id" AS "col1" FROM "blog_post" WHERE "blog_post"."published_at" IS NOT NULL GROUP BY 1) subquery
-- ----
-- Django: date truncation through django_date_trunc-like strftime
SELECT django_post.month, COUNT(*) FROM (SELECT strftime('%Y-%m-01', "blog_post"."published_at") AS month FROM "blog_post") django_post GROUP BY django_post.month
-- ----
-- Django: exists check
SELECT 1 AS "a" FROM "auth_user" WHERE "auth_user"."email" = ? LIMIT 1
-- ----
-- Django: IN with many parameters
SELECT "auth_user"."id" FROM "auth_user" WHERE "auth_user"."id" IN (?, ?, ?, ?)
-- ----
-- Django: CAST of a boolean in an annotation
SELECT "auth_user"."id", CAST(("auth_user"."is_staff" AND "auth_user"."is_active") AS BOOL) AS "can_admin" FROM "auth_user"
-- ----
-- Django: a bulk upsert
INSERT INTO "blog_post" ("id", "title", "slug", "body", "author_id", "views") VALUES (?, ?, ?, ?, ?, ?), (?, ?, ?, ?, ?, ?) ON CONFLICT("id") DO UPDATE SET "title" = EXCLUDED."title", "views" = EXCLUDED."views"
-- ----
-- SQLAlchemy: named parameters
SELECT users.id, users.email, users.name FROM users WHERE users.email = :email_1 AND users.admin = :admin_1
-- ----
-- SQLAlchemy: a join with aliases and LIMIT/OFFSET parameters
SELECT posts_1.id, posts_1.title, users_1.name FROM posts AS posts_1 JOIN users AS users_1 ON users_1.id = posts_1.user_id ORDER BY posts_1.created_at DESC LIMIT ? OFFSET ?
-- ----
-- SQLAlchemy: a count of a subquery with anon alias
SELECT count(*) AS count_1 FROM (SELECT posts.id AS posts_id FROM posts WHERE posts.published = 1) AS anon_1
-- ----
-- SQLAlchemy: insert with numbered parameters
INSERT INTO users (email, name, created_at, updated_at) VALUES (?1, ?2, ?3, ?3)
-- ----
-- SQLAlchemy: @ and $ parameters
SELECT * FROM users WHERE id = @id OR email = $email
-- ----
-- SQLAlchemy: IN with an expanding parameter list
SELECT users.id FROM users WHERE users.id IN (:id_1_1, :id_1_2, :id_1_3)
-- ----
-- SQLAlchemy: a CTE with a bound parameter
WITH active AS (SELECT id FROM users WHERE admin = :admin) SELECT posts.* FROM posts JOIN active ON active.id = posts.user_id
-- ----
-- SQLAlchemy: insert returning
INSERT INTO posts (user_id, title, body, created_at, updated_at) VALUES (:user_id, :title, :body, :now, :now) RETURNING id, created_at
-- ----
-- SQLAlchemy: a lateral-free correlated EXISTS
SELECT users.id, users.name FROM users WHERE EXISTS (SELECT 1 FROM posts WHERE users.id = posts.user_id AND posts.published = 1)
-- ----
-- ActiveRecord: find by email
SELECT "users".* FROM "users" WHERE "users"."email" = ? LIMIT ?
-- ----
-- ActiveRecord: insert a user
INSERT INTO "users" ("email", "name", "created_at", "updated_at") VALUES (?, ?, ?, ?) RETURNING "id"
-- ----
-- ActiveRecord: update a user
UPDATE "users" SET "name" = ?, "updated_at" = ? WHERE "users"."id" = ?
-- ----
-- ActiveRecord: delete a post
DELETE FROM "posts" WHERE "posts"."id" = ?
-- ----
-- ActiveRecord: schema migrations
SELECT "schema_migrations"."version" FROM "schema_migrations" ORDER BY "schema_migrations"."version" ASC
-- ----
-- ActiveRecord: insert a migration version
INSERT INTO "schema_migrations" ("version") VALUES (?)
-- ----
-- ActiveRecord: includes with IN
SELECT "posts".* FROM "posts" WHERE "posts"."user_id" IN (?, ?, ?) ORDER BY "posts"."created_at" DESC
-- ----
-- ActiveRecord: count with group
SELECT COUNT(*) AS "count_all", "posts"."user_id" AS "posts_user_id" FROM "posts" GROUP BY "posts"."user_id"
-- ----
-- ActiveRecord: upsert_all
INSERT INTO "users" ("email","name","created_at","updated_at") VALUES (?, ?, STRFTIME('%Y-%m-%d %H:%M:%f', 'NOW'), STRFTIME('%Y-%m-%d %H:%M:%f', 'NOW')) ON CONFLICT ("email") DO UPDATE SET "name"=excluded."name","updated_at"=(CASE WHEN "users"."name" IS excluded."name" THEN "users"."updated_at" ELSE STRFTIME('%Y-%m-%d %H:%M:%f', 'NOW') END) RETURNING "id"
-- ----
-- ActiveRecord: pluck with a LIKE on lower
SELECT "users"."email" FROM "users" WHERE (lower("users"."name") LIKE '%ann%')
-- ----
-- Prisma: find unique
SELECT `main`.`User`.`id`, `main`.`User`.`email`, `main`.`User`.`name` FROM `main`.`User` WHERE (`main`.`User`.`email` = ? AND 1=1) LIMIT ? OFFSET ?
-- ----
-- Prisma: find many with relation filter
SELECT `main`.`Post`.`id`, `main`.`Post`.`title` FROM `main`.`Post` WHERE (`main`.`Post`.`published` = ? AND (`main`.`Post`.`id`) IN (SELECT `t1`.`id` FROM `main`.`Post` AS `t1` INNER JOIN `main`.`User` AS `j1` ON (`j1`.`id`) = (`t1`.`authorId`) WHERE (`j1`.`email` LIKE ? AND `t1`.`id` IS NOT NULL))) LIMIT ? OFFSET ?
-- ----
-- Prisma: create returning
INSERT INTO `main`.`User` (`id`, `email`, `name`, `role`, `createdAt`) VALUES (?,?,?,?,?) RETURNING `id` AS `id`, `email` AS `email`
-- ----
-- Prisma: increment
UPDATE `main`.`Post` SET `viewCount` = (`main`.`Post`.`viewCount` + ?) WHERE (`main`.`Post`.`id` = ? AND 1=1) RETURNING `id`, `viewCount`
-- ----
-- Prisma: delete many
DELETE FROM `main`.`Post` WHERE (`main`.`Post`.`authorId` IN (?, ?) AND 1=1)
-- ----
-- Prisma: count aggregate
SELECT COUNT(*) AS `_count._all` FROM (SELECT `main`.`Post`.`id` FROM `main`.`Post` WHERE 1=1 LIMIT ? OFFSET ?) AS `sub`
-- ----
-- Prisma: upsert
INSERT INTO `main`.`User` (`id`, `email`) VALUES (?, ?) ON CONFLICT (`email`) DO UPDATE SET `name` = ? WHERE (`main`.`User`.`email` = ? AND 1=1) RETURNING `id`
-- ----
-- App: settings upsert, DO NOTHING
INSERT INTO settings (key, value) VALUES ('theme', 'dark') ON CONFLICT (key) DO NOTHING
-- ----
-- App: settings upsert with excluded and a WHERE
INSERT INTO settings (key, value, updated_at) VALUES (:key, :value, datetime('now'))
ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at WHERE excluded.value IS NOT settings.value
-- ----
-- App: counter upsert
INSERT INTO counters (name, hits, last_hit) VALUES (?, 1, CURRENT_TIMESTAMP)
ON CONFLICT (name) DO UPDATE SET hits = hits + 1, last_hit = CURRENT_TIMESTAMP
-- ----
-- App: two upsert clauses, the last without a target
INSERT INTO tasks (id, project_id, title) VALUES (1, 1, 'write docs')
ON CONFLICT (id) DO UPDATE SET title = excluded.title
ON CONFLICT DO NOTHING
-- ----
-- App: upsert target with a WHERE
INSERT INTO tasks (project_id, title, done) SELECT id, 'review', 0 FROM projects WHERE archived = 0
ON CONFLICT (project_id, title) WHERE project_id IS NOT NULL DO NOTHING
-- ----
-- App: upsert with a row-value SET
INSERT INTO counters (name, hits) VALUES ('visits', 1)
ON CONFLICT (name) DO UPDATE SET (hits, last_hit) = (counters.hits + 1, datetime('now'))
-- ----
-- App: INSERT OR REPLACE
INSERT OR REPLACE INTO settings (key, value, updated_at) VALUES ('lang', 'en', datetime('now'))
-- ----
-- App: REPLACE INTO
REPLACE INTO settings (key, value) VALUES ('lang', 'fr')
-- ----
-- App: INSERT OR IGNORE
INSERT OR IGNORE INTO counters (name) VALUES ('downloads')
-- ----
-- App: INSERT OR ABORT, FAIL, ROLLBACK
INSERT OR ABORT INTO projects (name) VALUES ('alpha')
-- ----
-- App: INSERT OR FAIL
INSERT OR FAIL INTO projects (name) VALUES ('beta')
-- ----
-- App: INSERT OR ROLLBACK
INSERT OR ROLLBACK INTO projects (name) VALUES ('gamma')
-- ----
-- App: DEFAULT VALUES
INSERT INTO audit_log DEFAULT VALUES
-- ----
-- App: INSERT with a table alias for the upsert
INSERT INTO counters AS c (name, hits) VALUES ('x', 1) ON CONFLICT (name) DO UPDATE SET hits = c.hits + excluded.hits
-- ----
-- App: INSERT with a WITH
WITH src(name) AS (VALUES ('a'), ('b')) INSERT INTO counters (name) SELECT name FROM src WHERE true ON CONFLICT DO NOTHING
-- ----
-- App: UPDATE OR IGNORE
UPDATE OR IGNORE tasks SET title = upper(title) WHERE project_id = 3
-- ----
-- App: UPDATE OR REPLACE
UPDATE OR REPLACE tasks SET project_id = 1 WHERE project_id = 2
-- ----
-- App: UPDATE with a row-value SET
UPDATE tasks SET (title, priority) = ('renamed', 1) WHERE id = 7
-- ----
-- App: UPDATE with a subquery row value
UPDATE tasks SET (title, due) = (SELECT name, NULL FROM projects WHERE projects.id = tasks.project_id) WHERE parent_id IS NULL
-- ----
-- App: UPDATE FROM with an aggregate
UPDATE projects SET archived = 1 FROM (SELECT project_id, min(done) AS all_done FROM tasks GROUP BY project_id) AS t
WHERE t.project_id = projects.id AND t.all_done = 1
-- ----
-- App: UPDATE with RETURNING
UPDATE tasks SET done = 1, updated_at = datetime('now') WHERE id = :id RETURNING id, title, updated_at AS finished
-- ----
-- App: UPDATE with a CTE
WITH late AS (SELECT id FROM tasks WHERE due < date('now') AND done = 0)
UPDATE tasks SET priority = 1 WHERE id IN late
-- ----
-- App: DELETE with RETURNING star
DELETE FROM tasks WHERE done = 1 AND updated_at < datetime('now', '-90 days') RETURNING *
-- ----
-- App: DELETE with a CTE
WITH gone AS (SELECT id FROM projects WHERE archived = 1) DELETE FROM tasks WHERE project_id IN (SELECT id FROM gone)
-- ----
-- App: DELETE with a schema and alias
DELETE FROM main.tasks AS t WHERE t.parent_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM tasks p WHERE p.id = t.parent_id)
-- ----
-- App: IN a table
SELECT title FROM tasks WHERE id IN open_task_ids
-- ----
-- App: a table-valued function with a schema
SELECT value AS day FROM main.json_each('[0, 1, 2, 3, 4, 5, 6]')
-- ----
-- App: recursive CTE over task trees
WITH RECURSIVE subtree(id, depth) AS (
  SELECT id, 0 FROM tasks WHERE id = ?
  UNION
  SELECT t.id, s.depth + 1 FROM tasks t JOIN subtree s ON t.parent_id = s.id
)
SELECT tasks.* FROM tasks JOIN subtree USING (id) ORDER BY depth
-- ----
-- App: a recursive CTE of dates
WITH RECURSIVE days(d) AS (SELECT date('now', 'start of month') UNION ALL SELECT date(d, '+1 day') FROM days WHERE d < date('now', 'start of month', '+1 month', '-1 day'))
SELECT d, (SELECT count(*) FROM tasks WHERE due = d) AS due_count FROM days
-- ----
-- App: a recursive CTE with LIMIT inside
WITH RECURSIVE cnt(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM cnt LIMIT 100) SELECT x FROM cnt
-- ----
-- App: JSON: json_extract
SELECT json_extract(payload, '$.user.id') AS user_id, json_extract(payload, '$.items[0].sku') FROM events WHERE kind = 'order'
-- ----
-- App: JSON: -> and ->>
SELECT payload -> '$.user' AS user_json, payload ->> '$.user.name' AS user_name, payload ->> 'total' FROM events
-- ----
-- App: JSON: ->> in a WHERE, compared as a number
SELECT id FROM events WHERE payload ->> '$.total' > 100 ORDER BY payload ->> '$.total' DESC
-- ----
-- App: JSON: || and -> together
SELECT 'user: ' || payload ->> '$.user.name' FROM events
-- ----
-- App: JSON: json_each over an array
SELECT e.id, item.value ->> 'sku' AS sku FROM events e, json_each(e.payload, '$.items') AS item
-- ----
-- App: JSON: json_tree
SELECT key, value, type FROM json_tree('{"a": [1, 2, {"b": 3}]}') WHERE type NOT IN ('object', 'array')
-- ----
-- App: JSON: json_object and json_group_array
SELECT project_id, json_group_array(json_object('id', id, 'title', title)) FROM tasks GROUP BY project_id
-- ----
-- App: JSON: json_set and json_valid
UPDATE events SET payload = json_set(payload, '$.seen', json('true')) WHERE json_valid(payload)
-- ----
-- App: JSON: json_array_length and json_type
SELECT id, json_array_length(payload, '$.items'), json_type(payload, '$.total') FROM events
-- ----
-- App: JSON: tags split with json_each on a CSV
SELECT t.id, trim(j.value) FROM tasks t, json_each('["' || replace(t.tags, ',', '","') || '"]') j WHERE t.tags IS NOT NULL
-- ----
-- App: events of today by unix time
SELECT count(*) FROM events WHERE created_at >= unixepoch('now', 'start of day')
-- ----
-- App: events per hour by unix time
SELECT strftime('%Y-%m-%d %H:00', created_at, 'unixepoch') AS hour, count(*) FROM events GROUP BY hour
-- ----
-- App: milliseconds to seconds
SELECT datetime(created_at / 1000, 'unixepoch') FROM events
-- ----
-- App: full-text search with MATCH
SELECT title FROM docs WHERE docs MATCH 'sqlite NEAR postgres' ORDER BY rank
-- ----
-- App: full-text search with bm25 and snippet
SELECT title, snippet(docs, 1, '[', ']', '...', 10), bm25(docs) FROM docs WHERE body MATCH ?
-- ----
-- App: readings, a WITHOUT ROWID table, last value per sensor
SELECT sensor, value FROM readings r WHERE taken_at = (SELECT max(taken_at) FROM readings WHERE sensor = r.sensor)
-- ----
-- App: moving average per sensor
SELECT sensor, taken_at, avg(value) OVER (PARTITION BY sensor ORDER BY taken_at ROWS BETWEEN 4 PRECEDING AND CURRENT ROW) AS avg5 FROM readings
-- ----
-- App: a difference to the previous reading
SELECT sensor, taken_at, value - lag(value, 1, value) OVER (PARTITION BY sensor ORDER BY taken_at) AS delta FROM readings
-- ----
-- App: percentage with a window total
SELECT project_id, count(*) * 100.0 / sum(count(*)) OVER () AS pct FROM tasks GROUP BY project_id
-- ----
-- App: ISO week of a date
SELECT strftime('%W', due) AS week, count(*) FROM tasks GROUP BY week
-- ----
-- App: tasks due this week, ordered with NULLs last
SELECT title, due FROM tasks WHERE due BETWEEN date('now', 'weekday 0', '-6 days') AND date('now', 'weekday 0') ORDER BY due NULLS LAST, priority
-- ----
-- App: boolean column against 0 and 1
SELECT title FROM tasks WHERE done = 0 AND priority IN (1, 2)
-- ----
-- App: flags used as truth values
SELECT name FROM projects WHERE NOT archived
-- ----
-- App: sum of a comparison
SELECT project_id, sum(done = 1) AS finished, sum(done = 0) AS open FROM tasks GROUP BY project_id
-- ----
-- App: precedence: OR of ANDs without parentheses
SELECT id FROM tasks WHERE done = 1 OR priority = 1 AND due IS NOT NULL
-- ----
-- App: precedence: BETWEEN then AND
SELECT id FROM tasks WHERE priority BETWEEN 1 AND 2 AND done = 0
-- ----
-- App: precedence: NOT with a comparison
SELECT id FROM tasks WHERE NOT priority = 1
-- ----
-- App: precedence: concatenation and arithmetic
SELECT title || ' (' || priority + 1 || ')' FROM tasks
-- ----
-- App: precedence: unary minus and multiplication
SELECT -priority * 2, - -priority, -(priority * 2) FROM tasks
-- ----
-- App: COLLATE in a comparison
SELECT id FROM projects WHERE name = 'Inbox' COLLATE NOCASE
-- ----
-- App: COLLATE RTRIM and BINARY
SELECT name FROM projects ORDER BY name COLLATE RTRIM, owner COLLATE BINARY
-- ----
-- App: audit trigger after insert
CREATE TRIGGER tasks_audit_insert AFTER INSERT ON tasks
BEGIN
  INSERT INTO audit_log (table_name, row_id, action, new_value)
  VALUES ('tasks', NEW.id, 'insert', json_object('title', NEW.title, 'done', NEW.done));
END
-- ----
-- App: audit trigger after update with WHEN
CREATE TRIGGER tasks_audit_update AFTER UPDATE ON tasks
FOR EACH ROW WHEN OLD.title IS NOT NEW.title OR OLD.done IS NOT NEW.done
BEGIN
  INSERT INTO audit_log (table_name, row_id, action, old_value, new_value)
  VALUES ('tasks', OLD.id, 'update', json_object('title', OLD.title, 'done', OLD.done), json_object('title', NEW.title, 'done', NEW.done));
END
-- ----
-- App: audit trigger after delete
CREATE TRIGGER tasks_audit_delete AFTER DELETE ON tasks
BEGIN
  INSERT INTO audit_log (table_name, row_id, action, old_value) VALUES ('tasks', OLD.id, 'delete', OLD.title);
END
-- ----
-- App: stamp updated_at with WHERE id = NEW.id
CREATE TRIGGER tasks_touch AFTER UPDATE ON tasks
BEGIN
  UPDATE tasks SET updated_at = CURRENT_TIMESTAMP WHERE id = NEW.id;
END
-- ----
-- App: stamp on UPDATE OF a column only
CREATE TRIGGER tasks_done_stamp AFTER UPDATE OF done ON tasks
WHEN NEW.done = 1
BEGIN
  UPDATE tasks SET updated_at = strftime('%Y-%m-%d %H:%M:%f', 'now') WHERE rowid = NEW.rowid;
END
-- ----
-- App: BEFORE INSERT validation with RAISE(ABORT)
CREATE TRIGGER tasks_title_not_blank BEFORE INSERT ON tasks
BEGIN
  SELECT RAISE(ABORT, 'a task needs a title') WHERE trim(NEW.title) = '';
END
-- ----
-- App: RAISE(FAIL) in a CASE
CREATE TRIGGER projects_no_rename BEFORE UPDATE OF name ON projects
BEGIN
  SELECT CASE WHEN OLD.archived = 1 THEN RAISE(FAIL, 'archived projects cannot be renamed') END;
END
-- ----
-- App: RAISE(ROLLBACK) with a concatenated message
CREATE TRIGGER tasks_project_exists BEFORE INSERT ON tasks
WHEN NEW.project_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM projects WHERE id = NEW.project_id)
BEGIN
  SELECT RAISE(ROLLBACK, 'no project ' || NEW.project_id);
END
-- ----
-- App: RAISE(IGNORE)
CREATE TRIGGER audit_log_readonly BEFORE DELETE ON audit_log
BEGIN
  SELECT RAISE(IGNORE);
END
-- ----
-- App: a cascade in a trigger with several statements
CREATE TRIGGER projects_cascade AFTER DELETE ON projects
FOR EACH ROW
BEGIN
  DELETE FROM tasks WHERE project_id = OLD.id;
  INSERT INTO audit_log (table_name, row_id, action) VALUES ('projects', OLD.id, 'delete');
  UPDATE counters SET hits = hits - 1 WHERE name = 'projects';
END
-- ----
-- App: a trigger with an upsert in its body
CREATE TRIGGER tasks_count AFTER INSERT ON tasks
BEGIN
  INSERT INTO counters (name, hits) VALUES ('tasks', 1) ON CONFLICT (name) DO UPDATE SET hits = hits + 1;
END
-- ----
-- App: a trigger with INSERT OR REPLACE and a SELECT source
CREATE TRIGGER projects_settings AFTER INSERT ON projects
BEGIN
  INSERT OR REPLACE INTO settings (key, value) SELECT 'last_project', NEW.name;
END
-- ----
-- App: BEFORE trigger without FOR EACH ROW, timing unsaid
CREATE TRIGGER counters_guard UPDATE ON counters
BEGIN
  SELECT RAISE(ABORT, 'hits cannot go below zero') WHERE NEW.hits < 0;
END
-- ----
-- App: TEMP trigger IF NOT EXISTS
CREATE TEMP TRIGGER IF NOT EXISTS log_settings AFTER UPDATE ON settings
BEGIN
  INSERT INTO audit_log (table_name, action, new_value) VALUES ('settings', 'update', NEW.key || '=' || NEW.value);
END
-- ----
-- App: a trigger using a CTE in a SELECT
CREATE TRIGGER tasks_depth_guard BEFORE INSERT ON tasks
BEGIN
  SELECT RAISE(ABORT, 'too deep') FROM (WITH RECURSIVE up(id, n) AS (SELECT NEW.parent_id, 1 UNION ALL SELECT t.parent_id, n + 1 FROM tasks t JOIN up ON t.id = up.id WHERE n < 10) SELECT max(n) AS depth FROM up) WHERE depth >= 10;
END
-- ----
-- App: a trigger whose body updates with FROM
CREATE TRIGGER projects_owner AFTER UPDATE OF owner ON projects
BEGIN
  UPDATE tasks SET tags = p.owner FROM projects p WHERE p.id = tasks.project_id AND p.id = NEW.id;
END
-- ----
-- App: a "Sales Reps" stamp trigger with quoted names
CREATE TRIGGER "Sales Reps stamp" AFTER UPDATE ON "Sales Reps"
BEGIN
  UPDATE "Sales Reps" SET "Hired On" = DATETIME('NOW') WHERE "Rep ID" = NEW."Rep ID" AND NEW."Hired On" IS NULL;
END
-- ----
-- App: a Northwind trigger in brackets
CREATE TRIGGER [Order Details total] AFTER INSERT ON [Order Details]
BEGIN
  UPDATE Orders SET Freight = Freight + 0 WHERE OrderID = NEW.OrderID;
END
-- ----
-- Keywords used as names: key, value, action, type
SELECT key, value FROM settings WHERE key LIKE 'ui.%'
-- ----
-- Keywords used as names: replace, like and glob as functions
SELECT replace(value, 'a', 'b'), like('a%', key), glob('*x*', key) FROM settings
-- ----
-- Keywords used as names: a column aliased desc, a table aliased row
SELECT s.key AS desc, s.value AS "order" FROM settings AS row JOIN settings s ON s.key = row.key
-- ----
-- Keywords used as names: window, over, filter, rows as aliases
SELECT count(*) AS window, max(hits) over, min(hits) filter, sum(hits) rows FROM counters
-- ----
-- Keywords used as names: a column named left and right
SELECT t.* FROM (SELECT 1 AS "left", 2 AS "right") t WHERE t.left < t.right
-- ----
-- Keywords used as names: temp, view, trigger, begin, end, first, last as aliases
SELECT 1 AS temp, 2 AS view, 3 AS trigger, 4 AS begin, 5 AS end, 6 AS first, 7 AS last
-- ----
-- Keywords used as names: abort, fail, ignore, query, plan
SELECT 1 abort, 2 fail, 3 ignore, 4 query, 5 plan
-- ----
-- Keywords used as names: a 'string' as a table alias
SELECT 'k'.key FROM settings AS 'k'
-- ----
-- Keywords used as names: "double-quoted" that names no column is a string
SELECT key FROM settings WHERE value = "dark"
-- ----
-- Edge: a subquery in FROM without alias
SELECT * FROM (SELECT 1 AS a, 2 AS b)
-- ----
-- Edge: ORDER BY and LIMIT expressions
SELECT id FROM tasks ORDER BY priority * -1, abs(id - 10) LIMIT 2 * 5 OFFSET (SELECT count(*) FROM projects)
-- ----
-- Edge: empty IN list
SELECT id FROM tasks WHERE id IN ()
-- ----
-- Edge: deeply nested parentheses
SELECT ((((1 + 2) * 3) - 4) / 5)
-- ----
-- Edge: EXISTS in a CASE
SELECT CASE WHEN EXISTS (SELECT 1 FROM tasks) THEN 'some' ELSE 'none' END
-- ----
-- Edge: a function with no arguments
SELECT random(), changes(), last_insert_rowid(), total_changes()
-- ----
-- Edge: count star with FILTER and window name
SELECT count(*) FILTER (WHERE done = 1) OVER w FROM tasks WINDOW w AS (PARTITION BY project_id)
-- ----
-- Edge: HAVING without GROUP BY
SELECT count(*) FROM tasks HAVING count(*) > 0
-- ----
-- Edge: NOT as the right operand of =, which takes in the IS NULL after it
SELECT title, done = NOT parent_id IS NULL AS flag FROM tasks
-- ----
-- Edge: semicolon at the end
SELECT 1;
-- ----
-- invalid: an unclosed parenthesis
SELECT (1 + 2 FROM tasks
-- ----
-- invalid: a reserved word as a column without quotes
SELECT order FROM tasks
-- ----
-- invalid: a missing comma between columns leaves junk
SELECT id title FROM tasks WHERE
-- ----
-- invalid: WHERE before FROM
SELECT id WHERE id = 1 FROM tasks
-- ----
-- invalid: ON CONFLICT after a SELECT with a join, read as the join's ON
INSERT INTO counters (name) SELECT name FROM projects ON CONFLICT DO NOTHING
-- ----
-- invalid: two LIMIT clauses
SELECT id FROM tasks LIMIT 1 LIMIT 2
-- ----
-- invalid: a trigger without END
CREATE TRIGGER t_broken AFTER INSERT ON tasks BEGIN DELETE FROM tasks WHERE id = NEW.id;
-- ----
-- invalid: a trigger statement without its semicolon
CREATE TRIGGER t_broken2 AFTER INSERT ON tasks BEGIN DELETE FROM tasks WHERE id = NEW.id END
-- ----
-- invalid: a qualified table in a trigger's body
CREATE TRIGGER t_broken3 AFTER INSERT ON tasks BEGIN DELETE FROM main.tasks WHERE id = NEW.id; END
-- ----
-- invalid: INSERT OR without an action
INSERT OR INTO tasks (title) VALUES ('x')
-- ----
-- invalid: CASE without WHEN
SELECT CASE id ELSE 1 END FROM tasks
-- ----
-- invalid: a number run into a name
SELECT 1abc FROM tasks
-- ----
-- invalid: a blob with an odd number of digits
SELECT X'ABC'
-- ----
-- invalid: a lone exclamation mark
SELECT id FROM tasks WHERE ! done
-- ----
-- invalid: BETWEEN without AND
SELECT id FROM tasks WHERE priority BETWEEN 1 OR 2
-- ----
-- invalid: RAISE with an unknown action
SELECT RAISE(STOP, 'no')
-- ----
-- invalid: a join word as an implicit alias
SELECT * FROM tasks left
-- ----
-- invalid: UPDATE without SET
UPDATE tasks title = 'x'
-- ----
-- invalid: a comma before FROM
SELECT id, FROM tasks
-- ----
-- invalid: DEFAULT VALUES in a trigger's body
CREATE TRIGGER t_broken4 AFTER INSERT ON tasks BEGIN INSERT INTO audit_log DEFAULT VALUES; END
