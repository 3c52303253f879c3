// 4000 the server-side cart: books summarised with authors and covers, totals from the server in
// the books' currency, owned and unpublished books refused, the signed-out cart merged at sign-in.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { api, startMangu, assertError } from './lib/mangu.mjs';
import { bearer } from './lib/accounts.mjs';
import { addToCart, checkout, commerceEnv, createBook, getCart, makeAuthor, reader } from './lib/commerce.mjs';

let srv, author;
before(async () => {
  srv = await startMangu({ env: commerceEnv });
  author = await makeAuthor(srv);
});
after(() => srv?.stop());

const remove = (token, id) => api(srv.url, `/api/cart/items/${id}`, { method: 'DELETE', headers: bearer(token) });
const merge = (token, ids) => api(srv.url, '/api/cart/merge', { method: 'POST', headers: bearer(token), json: { book_ids: ids } });

test('an empty cart, then one with two books and server totals', async () => {
  const u = await reader(srv);
  const empty = await getCart(srv, u.token);
  assert.equal(empty.status, 200, empty.text);
  assert.deepEqual(empty.json, { items: [], subtotal_cents: 0, discount_cents: 0, total_cents: 0, currency: null, coupon: null });

  const a = await createBook(srv, author, { price_cents: 1299 });
  const b = await createBook(srv, author, { price_cents: 501 });
  const r1 = await addToCart(srv, u.token, a.id);
  assert.equal(r1.status, 200, r1.text);
  const r2 = await addToCart(srv, u.token, b.id);
  assert.equal(r2.json.items.length, 2);
  assert.equal(r2.json.subtotal_cents, 1800);
  assert.equal(r2.json.total_cents, 1800);
  assert.equal(r2.json.discount_cents, 0);
  assert.equal(r2.json.currency, 'USD');
  const item = r2.json.items[0];
  assert.equal(item.book.id, a.id);
  assert.equal(item.book.slug, a.slug);
  assert.equal(item.book.title, a.title);
  assert.equal(item.book.price_cents, 1299);
  assert.equal(item.book.currency, 'USD');
  assert.equal(item.book.cover_url, `/api/books/${a.slug}/cover.svg`);
  assert.equal(item.book.authors.length, 1);
  assert.deepEqual(Object.keys(item.book.authors[0]).sort(), ['id', 'name', 'slug']);
  assert.match(item.added_at, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
  assert.equal(item.available, true);

  const again = await addToCart(srv, u.token, a.id);
  assert.equal(again.status, 200);
  assert.equal(again.json.items.length, 2, 'adding twice keeps one line');

  const rm = await remove(u.token, a.id);
  assert.equal(rm.status, 200);
  assert.equal(rm.json.total_cents, 501);
  assertError(assert, await remove(u.token, a.id), 404, 'not_found');
  assertError(assert, await remove(u.token, 'abc'), 404, 'not_found');
});

test('unknown, draft and malformed books are refused', async () => {
  const u = await reader(srv);
  const draft = await createBook(srv, author, { publish: false });
  assertError(assert, await addToCart(srv, u.token, draft.id), 404, 'not_found');
  assertError(assert, await addToCart(srv, u.token, 99999999), 404, 'not_found');
  assertError(assert, await addToCart(srv, u.token, -1), 404, 'not_found');
  assertError(assert, await addToCart(srv, u.token, 'abc'), 400, 'validation_failed');
  assertError(assert, await api(srv.url, '/api/cart/items', { method: 'POST', headers: bearer(u.token), json: {} }), 400, 'validation_failed');
  assertError(assert, await api(srv.url, '/api/cart/items', { method: 'POST', headers: bearer(u.token), body: 'x', headers: { ...bearer(u.token), 'content-type': 'text/plain' } }), 415, 'unsupported_media_type');
  assertError(assert, await api(srv.url, '/api/cart'), 401, 'unauthorized');
  assert.equal((await getCart(srv, u.token)).json.items.length, 0);
});

test('mixing currencies is a clear 409', async () => {
  const u = await reader(srv);
  const usd = await createBook(srv, author, { price_cents: 1000, currency: 'USD' });
  const eur = await createBook(srv, author, { price_cents: 900, currency: 'EUR' });
  await addToCart(srv, u.token, usd.id);
  const r = await addToCart(srv, u.token, eur.id);
  assertError(assert, r, 409, 'conflict');
  assert.match(r.json.error.message, /USD.*EUR/);
  await remove(u.token, usd.id);
  const ok = await addToCart(srv, u.token, eur.id);
  assert.equal(ok.status, 200);
  assert.equal(ok.json.currency, 'EUR');
});

test('a book the user owns cannot be added', async () => {
  const u = await reader(srv);
  const free = await createBook(srv, author, { price_cents: 0 });
  await addToCart(srv, u.token, free.id);
  const co = await checkout(srv, u.token);
  assert.equal(co.json.order.status, 'paid');
  const r = await addToCart(srv, u.token, free.id);
  assertError(assert, r, 409, 'conflict');
  assert.match(r.json.error.message, /already own/);
});

test('the signed-out cart merges at sign-in, leaving out what cannot be added', async () => {
  const u = await reader(srv);
  const a = await createBook(srv, author, { price_cents: 700 });
  const b = await createBook(srv, author, { price_cents: 800 });
  const draft = await createBook(srv, author, { publish: false });
  const eur = await createBook(srv, author, { currency: 'EUR' });
  await addToCart(srv, u.token, a.id);
  const r = await merge(u.token, [a.id, b.id, draft.id, 99999999, 'x', eur.id]);
  assert.equal(r.status, 200, r.text);
  assert.deepEqual(r.json.items.map((i) => i.book.id), [a.id, b.id]);
  assert.equal(r.json.total_cents, 1500);
  assert.deepEqual(r.json.skipped.map((s) => s.book_id), [draft.id, 99999999, 'x', eur.id]);
  for (const s of r.json.skipped) assert.equal(typeof s.reason, 'string');
  assertError(assert, await merge(u.token, 'nope'), 400, 'validation_failed');
  assertError(assert, await merge(u.token, Array.from({ length: 101 }, (_, i) => i + 1)), 400, 'validation_failed');
});

test('a book unpublished while in the cart stays listed but is not priced', async () => {
  const u = await reader(srv);
  const a = await createBook(srv, author, { price_cents: 700 });
  const b = await createBook(srv, author, { price_cents: 300 });
  await addToCart(srv, u.token, a.id);
  await addToCart(srv, u.token, b.id);
  await api(srv.url, `/api/books/${a.id}/unpublish`, { method: 'POST', headers: bearer(author.token) });
  const c = await getCart(srv, u.token);
  assert.equal(c.json.items.length, 2);
  const gone = c.json.items.find((i) => i.book.id === a.id);
  assert.equal(gone.available, false);
  assert.equal(gone.unavailable_reason, 'not_for_sale');
  assert.equal(c.json.total_cents, 300);
});

test('each user has their own cart', async () => {
  const u1 = await reader(srv);
  const u2 = await reader(srv);
  const a = await createBook(srv, author);
  await addToCart(srv, u1.token, a.id);
  assert.equal((await getCart(srv, u2.token)).json.items.length, 0);
  assertError(assert, await remove(u2.token, a.id), 404, 'not_found');
  assert.equal((await getCart(srv, u1.token)).json.items.length, 1);
});
