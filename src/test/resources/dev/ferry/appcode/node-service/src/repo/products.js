const db = require('../db');

const insertProduct = db.prepare(
  'INSERT OR IGNORE INTO products (sku, title, meta) VALUES (@sku, @title, json(@meta))'
);

const recordPrice = db.prepare(`
  INSERT INTO prices (product_id, seen_on, cents)
  VALUES (@productId, date('now'), @cents)
  ON CONFLICT (product_id, seen_on) DO UPDATE SET cents = excluded.cents
`);

const bySkuPattern = db.prepare("SELECT id, sku, title FROM products WHERE sku GLOB ? AND tracked = 1");

const byBrand = db.prepare(
  "SELECT id, title FROM products " +
  "WHERE json_extract(meta, '$.brand') = ? " +
  "ORDER BY title COLLATE NOCASE"
);

const SKU_FORMAT = /^[A-Z]{3}-\d{4}$|'"/;

function addProduct(p) {
  if (!SKU_FORMAT.test(p.sku)) {
    throw new Error('Select a valid SKU like ABC-1234');
  }
  const info = insertProduct.run({ sku: p.sku, title: p.title, meta: JSON.stringify(p.meta || {}) });
  return info.changes ? info.lastInsertRowid : null;
}

function cheapest(days) {
  return db.prepare(`
    SELECT p.title, min(pr.cents) / 100.0 AS euros, group_concat(pr.seen_on, ', ') AS days
    FROM prices pr JOIN products p ON p.id = pr.product_id
    WHERE pr.seen_on >= date('now', '-${days} days')
    GROUP BY p.id
    ORDER BY euros
  `).all();
}

function sortedBy(column, direction) {
  const sql = 'SELECT * FROM products ORDER BY ' + column + ' ' + direction;
  return db.prepare(sql).all();
}

const untrack = db.prepare('UPDATE products SET tracked = 0 WHERE id = ?');
const forget = db.transaction((id) => {
  db.prepare('DELETE FROM prices WHERE product_id = ?').run(id);
  db.prepare('DELETE FROM products WHERE id = ?').run(id);
});

module.exports = { addProduct, recordPrice, bySkuPattern, byBrand, cheapest, sortedBy, untrack, forget };
