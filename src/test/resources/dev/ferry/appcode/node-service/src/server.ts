import express, { Request, Response } from 'express';
const db = require('./db');
const repo = require('./repo/products');

const app = express();
app.use(express.json());

type Mode = 'select' | 'update';
const MODES: Mode[] = ['select', 'update'];

app.get('/stats', (_req: Request, res: Response) => {
  const row = db.prepare(`SELECT count(*) AS n, sum(tracked) AS tracked,
    max(created_at) AS newest FROM products`).get();
  res.json({ ...row, note: "Update interval: 6h" });
});

app.get('/recent', (_req: Request, res: Response) => {
  const rows = db.prepare(
    "SELECT sku, strftime('%Y-%m-%d %H:%M', created_at) AS added FROM products WHERE created_at > datetime('now', '-1 day')"
  ).all();
  res.json(rows);
});

app.post('/products', (req: Request, res: Response) => {
  const id = repo.addProduct(req.body);
  res.status(id ? 201 : 200).json({ id, message: id ? 'created' : 'Delete it first to add it again' });
});

app.get('/search', (req: Request, res: Response) => {
  const q = String(req.query.q || '');
  const rows = db.prepare(`SELECT id, title FROM products WHERE title LIKE '%' || ? || '%' LIMIT 20`).all(q);
  res.json(rows);
});

app.post('/maintenance', (_req: Request, res: Response) => {
  db.exec('VACUUM');
  db.exec("ANALYZE");
  res.send('ok');
});

app.listen(3000, () => console.log(`listening on 3000, modes ${MODES.join('/')}`));
