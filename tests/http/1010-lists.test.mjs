// 1010 lists: GET /api/books filters, sorts and pagination edges, and the storefront rows.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { api, assertError } from './lib/mangu.mjs';
import { startCatalog, author, admin, createBook, publishedBook, category, get, bearer } from './lib/catalog.mjs';

let srv, a, b, boss, cats, books, pub;
before(async () => {
  srv = await startCatalog();
  [a, b, boss] = await Promise.all([author(srv, 'Ann Alder'), author(srv, 'Ben Birch'), admin(srv)]);
  const fiction = await category(srv, boss.token, { name: 'Fiction' });
  cats = {
    fiction,
    fantasy: await category(srv, boss.token, { name: 'Fantasy', parent_id: fiction.id }),
    nonfiction: await category(srv, boss.token, { name: 'Nonfiction' }),
  };
  const p = await api(srv.url, '/api/publishers', { method: 'POST', headers: bearer(boss.token), json: { name: 'Orbit Press' } });
  assert.equal(p.status, 201, p.text);
  pub = p.json;
  const mk = (tok, over) => publishedBook(srv, tok, over);
  books = {};
  books.alpha = await mk(a.token, { title: 'Alpha Dawn', price_cents: 0, category_ids: [cats.fiction.id], publisher_id: pub.id });
  books.beta = await mk(a.token, { title: 'beta Tide', price_cents: 499, language: 'fr', format: 'pdf', category_ids: [cats.fantasy.id] });
  books.gamma = await mk(b.token, { title: 'Gamma Ray', price_cents: 1999, category_ids: [cats.nonfiction.id] });
  books.delta = await mk(b.token, { title: 'Delta Blues', price_cents: 2500, format: 'pdf', category_ids: [cats.fantasy.id] });
  await createBook(srv, a.token, { title: 'Zeta Draft' });
  const f = await api(srv.url, `/api/books/${books.delta.id}`, { method: 'PATCH', headers: bearer(boss.token), json: { featured: true } });
  assert.equal(f.status, 200, f.text);
});
after(() => srv?.stop());

const slugs = async (q) => {
  const r = await get(srv, `/api/books${q}`);
  assert.equal(r.status, 200, `${q}: ${r.text}`);
  return r.json.items.map((x) => x.slug);
};
const S = (...names) => names.map((n) => books[n].slug);

test('the list holds published books only, newest first, with totals', async () => {
  const r = await get(srv, '/api/books');
  assert.equal(r.json.total, 4);
  assert.equal(r.json.limit, 24);
  assert.equal(r.json.offset, 0);
  assert.deepEqual(r.json.items.map((x) => x.slug), S('delta', 'gamma', 'beta', 'alpha'));
  const item = r.json.items[3];
  for (const k of ['id', 'slug', 'title', 'subtitle', 'authors', 'cover_url', 'price_cents', 'currency', 'is_free',
    'rating_avg', 'rating_count', 'format', 'language', 'published_at', 'featured']) {
    assert.ok(k in item, `summary has ${k}`);
  }
  assert.equal(item.is_free, true);
  assert.deepEqual(item.authors, [a.author]);
});

test('every sort orders as documented, ending with the id', async () => {
  assert.deepEqual(await slugs('?sort=newest'), S('delta', 'gamma', 'beta', 'alpha'));
  assert.deepEqual(await slugs('?sort=price_asc'), S('alpha', 'beta', 'gamma', 'delta'));
  assert.deepEqual(await slugs('?sort=price_desc'), S('delta', 'gamma', 'beta', 'alpha'));
  assert.deepEqual(await slugs('?sort=title'), S('alpha', 'beta', 'delta', 'gamma'));
  assert.deepEqual(await slugs('?sort=popular'), S('delta', 'gamma', 'beta', 'alpha'));
  assert.deepEqual(await slugs('?sort=rating'), S('delta', 'gamma', 'beta', 'alpha'));
});

test('filters: category with its subcategories, author, publisher, language, format, price, free', async () => {
  assert.deepEqual(await slugs('?category=fiction'), S('delta', 'beta', 'alpha'));
  assert.deepEqual(await slugs('?category=fantasy'), S('delta', 'beta'));
  assert.deepEqual(await slugs('?category=nonfiction'), S('gamma'));
  assert.deepEqual(await slugs('?category=no-such-genre'), []);
  assert.deepEqual(await slugs(`?author=${a.author.slug}`), S('beta', 'alpha'));
  assert.deepEqual(await slugs(`?publisher=${pub.slug}`), S('alpha'));
  assert.deepEqual(await slugs('?language=fr'), S('beta'));
  assert.deepEqual(await slugs('?language=EN'), S('delta', 'gamma', 'alpha'));
  assert.deepEqual(await slugs('?format=pdf'), S('delta', 'beta'));
  assert.deepEqual(await slugs('?price_min=500&price_max=2000'), S('gamma'));
  assert.deepEqual(await slugs('?price_max=0'), S('alpha'));
  assert.deepEqual(await slugs('?free=true'), S('alpha'));
  assert.deepEqual(await slugs('?free=false'), S('delta', 'gamma', 'beta', 'alpha'));
  assert.deepEqual(await slugs('?category=fantasy&format=pdf&price_min=1000&sort=title'), S('delta'));
  /* category and author together (each combination of the two is its own statement) */
  assert.deepEqual(await slugs(`?category=fiction&author=${a.author.slug}`), S('beta', 'alpha'));
  assert.deepEqual(await slugs(`?category=fantasy&author=${b.author.slug}`), S('delta'));
  assert.deepEqual(await slugs(`?category=nonfiction&author=${a.author.slug}`), []);
  assert.equal((await get(srv, `/api/books?category=fiction&author=${b.author.slug}&limit=1`)).json.total, 1);
  const r = await get(srv, '/api/books?category=fiction&limit=1');
  assert.equal(r.json.total, 3);
  assert.equal(r.json.items.length, 1);
});

test('pagination: pages do not overlap and run out cleanly', async () => {
  const p1 = await get(srv, '/api/books?limit=2');
  const p2 = await get(srv, '/api/books?limit=2&offset=2');
  const p3 = await get(srv, '/api/books?limit=2&offset=4');
  assert.deepEqual([...p1.json.items, ...p2.json.items].map((x) => x.slug), S('delta', 'gamma', 'beta', 'alpha'));
  assert.deepEqual(p3.json.items, []);
  assert.equal(p3.json.total, 4);
  assert.equal(p2.json.offset, 2);
  assert.equal((await get(srv, '/api/books?limit=100&offset=100000000')).json.items.length, 0);
  assert.equal((await get(srv, '/api/books?limit=1')).json.items.length, 1);
});

test('bad parameters are 400 naming each one (limit above 100 is refused, not clamped)', async () => {
  for (const [q, field] of [['limit=0', 'limit'], ['limit=101', 'limit'], ['limit=abc', 'limit'], ['limit=-1', 'limit'],
    ['limit=1.5', 'limit'], ['offset=-1', 'offset'], ['offset=x', 'offset'], ['sort=cheapest', 'sort'],
    ['language=english', 'language'], ['format=mobi', 'format'], ['price_min=-5', 'price_min'],
    ['price_max=1e3', 'price_max'], ['free=yes', 'free'], ['category=Fiction!', 'category'],
    ['author=a%20b', 'author'], ['price_min=900&price_max=100', 'price_min']]) {
    const r = await get(srv, `/api/books?${q}`);
    assertError(assert, r, 400, 'validation_failed');
    assert.ok(r.json.error.details.fields[field], `${q}: ${r.text}`);
  }
  const sort = await get(srv, '/api/books?sort=cheapest');
  assert.match(sort.json.error.details.fields.sort, /newest, popular, rating, price_asc, price_desc, title/);
  const many = await get(srv, '/api/books?limit=0&offset=-2&sort=x&format=doc');
  assert.deepEqual(Object.keys(many.json.error.details.fields).sort(), ['format', 'limit', 'offset', 'sort']);
});

test('storefront rows: featured, new releases; limits as in lists', async () => {
  const f = await get(srv, '/api/books/featured');
  assert.equal(f.status, 200);
  assert.deepEqual(f.json.items.map((x) => x.slug), S('delta'));
  assert.equal(f.json.items[0].featured, true);
  assert.deepEqual(Object.keys(f.json), ['items']);
  const n = await get(srv, '/api/books/new?limit=3');
  assert.deepEqual(n.json.items.map((x) => x.slug), S('delta', 'gamma', 'beta'));
  for (const row of ['featured', 'trending', 'new', 'top-rated']) {
    assertError(assert, await get(srv, `/api/books/${row}?limit=101`), 400, 'validation_failed');
    const r = await get(srv, `/api/books/${row}`);
    assert.equal(r.status, 200);
    assert.ok(Array.isArray(r.json.items));
  }
  assert.deepEqual((await get(srv, '/api/books/top-rated')).json.items, []); /* no reviews yet */
});

test('a filter set keeps one total for every sort and page, and each write changes it at once', async () => {
  const poetry = await category(srv, boss.token, { name: 'Poetry' });
  const q = (extra) => get(srv, `/api/books?category=${poetry.slug}${extra}`);
  const total = async (extra) => {
    const r = await q(extra);
    assert.equal(r.status, 200, r.text);
    return r.json.total;
  };
  const one = await publishedBook(srv, a.token, { title: 'Odes One', category_ids: [poetry.id] });
  assert.equal(await total('&sort=title&limit=3'), 1);
  const two = await publishedBook(srv, b.token, { title: 'Odes Two', category_ids: [poetry.id] });
  assert.equal(await total('&sort=title&limit=4'), 2, 'a new book counts on the next page read');
  const beyond = await q('&sort=newest&limit=5&offset=2');
  assert.deepEqual([beyond.json.total, beyond.json.items.length], [2, 0]);
  assert.deepEqual((await q('&sort=newest&limit=1&offset=1')).json.items.map((x) => x.slug), [one.slug]);
  let r = await api(srv.url, `/api/books/${two.id}/unpublish`, { method: 'POST', headers: bearer(b.token) });
  assert.equal(r.status, 200, r.text);
  assert.equal(await total('&sort=price_asc&limit=6'), 1, 'unpublished');
  r = await api(srv.url, `/api/books/${one.id}`, { method: 'PATCH', headers: bearer(a.token), json: { category_ids: [cats.nonfiction.id] } });
  assert.equal(r.status, 200, r.text);
  assert.equal(await total('&sort=rating&limit=7'), 0, 'moved to another category');
  assert.equal(await total('&author=' + a.author.slug + '&limit=8'), 0, 'with an author too');
  r = await api(srv.url, `/api/books/${two.id}/publish`, { method: 'POST', headers: bearer(b.token) });
  assert.equal(r.status, 200, r.text);
  assert.equal(await total('&limit=9'), 1, 'published again');
  r = await api(srv.url, `/api/books/${two.id}`, { method: 'DELETE', headers: bearer(b.token) });
  assert.ok([200, 204].includes(r.status), r.text);
  assert.equal(await total('&limit=10'), 0, 'deleted');
});
