// 1000 books: creating, reading, editing, publishing and deleting books, and who may do what.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { api, assertError } from './lib/mangu.mjs';
import {
  startCatalog, reader, author, admin, createBook, publishedBook, category, get, bearer, BOOK,
} from './lib/catalog.mjs';

let srv, alice, bob, boss;
before(async () => {
  srv = await startCatalog();
  [alice, bob, boss] = await Promise.all([author(srv, 'Alice Author'), author(srv, 'Bob Writer'), admin(srv)]);
});
after(() => srv?.stop());

const patch = (token, id, json) => api(srv.url, `/api/books/${id}`, { method: 'PATCH', headers: bearer(token), json });
const post = (token, path) => api(srv.url, path, { method: 'POST', headers: bearer(token) });
const del = (token, id) => api(srv.url, `/api/books/${id}`, { method: 'DELETE', headers: bearer(token) });

test('an author creates a draft that only they and admins can see until it is published', async () => {
  const c = await createBook(srv, alice.token, { title: 'The Quiet Orchard', subtitle: 'A novel', page_count: 320 });
  assert.equal(c.status, 201, c.text);
  const b = c.json;
  assert.equal(b.status, 'draft');
  assert.equal(b.slug, 'the-quiet-orchard');
  assert.equal(c.headers.get('location'), `/api/books/${b.slug}`);
  assert.equal(b.can_edit, true);
  assert.deepEqual(b.authors, [alice.author]);
  assert.equal(b.published_at, null);
  assert.equal(b.cover_url, `/api/books/${b.slug}/cover.svg`);
  assert.equal(b.is_free, false);
  assert.equal(b.page_count, 320);

  for (const who of [undefined, bob.token]) {
    assertError(assert, await get(srv, `/api/books/${b.id}`, who), 404, 'not_found');
    assertError(assert, await get(srv, `/api/books/${b.slug}`, who), 404, 'not_found');
  }
  assert.equal((await get(srv, `/api/books/${b.slug}`, alice.token)).status, 200);
  const asAdmin = await get(srv, `/api/books/${b.id}`, boss.token);
  assert.equal(asAdmin.status, 200);
  assert.equal(asAdmin.json.can_edit, true);
  assert.ok(!(await get(srv, '/api/books?limit=100')).json.items.some((x) => x.id === b.id));

  const p = await post(alice.token, `/api/books/${b.id}/publish`);
  assert.equal(p.status, 200, p.text);
  assert.equal(p.json.status, 'published');
  assert.match(p.json.published_at, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
  const pub = await get(srv, `/api/books/${b.slug}`);
  assert.equal(pub.status, 200);
  assert.equal(pub.json.can_edit, false);
  assert.equal((await get(srv, `/api/books/${b.id}`, bob.token)).json.can_edit, false);
  for (const k of ['description', 'isbn', 'publisher', 'categories', 'views_count', 'purchases_count',
    'created_at', 'updated_at', 'related', 'rating_avg', 'rating_count', 'featured', 'format', 'language']) {
    assert.ok(k in pub.json, `detail has ${k}`);
  }
});

test('validation lists every bad field at once and writes nothing', async () => {
  const before_ = (await get(srv, '/api/books?limit=100', alice.token)).json.total;
  const r = await createBook(srv, alice.token, {
    title: '', language: 'english', isbn: '9780198526637', price_cents: -1, currency: 'usd',
    format: 'mobi', page_count: 0, surprise: true, subtitle: 7,
  });
  assertError(assert, r, 400, 'validation_failed');
  const f = r.json.error.details.fields;
  for (const k of ['title', 'language', 'isbn', 'price_cents', 'currency', 'format', 'page_count', 'surprise', 'subtitle']) {
    assert.ok(f[k], `details.fields.${k} in ${JSON.stringify(f)}`);
  }
  const missing = await createBook(srv, alice.token, { title: undefined, language: undefined, price_cents: undefined, currency: undefined, format: undefined });
  assertError(assert, missing, 400, 'validation_failed');
  assert.deepEqual(Object.keys(missing.json.error.details.fields).sort(),
    ['currency', 'format', 'language', 'price_cents', 'title']);
  for (const price of [100000001, 1.5, '100']) {
    assertError(assert, await createBook(srv, alice.token, { price_cents: price }), 400, 'validation_failed');
  }
  assert.equal((await createBook(srv, alice.token, { price_cents: 100000000, title: 'Dear Book' })).status, 201);
  assert.equal((await get(srv, '/api/books?limit=100', alice.token)).json.total, before_);
});

test('ISBN-10 is stored as ISBN-13; a taken ISBN is 409 until that book is deleted', async () => {
  const a = await createBook(srv, alice.token, { title: 'Isbn One', isbn: '0-19-852663-6' });
  assert.equal(a.status, 201, a.text);
  assert.equal(a.json.isbn, '9780198526636');
  const dup = await createBook(srv, bob.token, { title: 'Isbn Two', isbn: '978-0-19-852663-6' });
  assertError(assert, dup, 409, 'conflict');
  assert.ok(dup.json.error.details.fields.isbn);
  assert.equal((await del(alice.token, a.json.id)).status, 204);
  assert.equal((await createBook(srv, bob.token, { title: 'Isbn Two', isbn: '9780198526636' })).status, 201);
});

test('slugs are unique, readable, and never shadow a route', async () => {
  const one = await createBook(srv, alice.token, { title: 'Same Title' });
  const two = await createBook(srv, alice.token, { title: 'Same   Title!' });
  assert.equal(one.json.slug, 'same-title');
  assert.equal(two.json.slug, 'same-title-2');
  assert.equal((await createBook(srv, alice.token, { title: "Alice's Garden" })).json.slug, 'alices-garden');
  assert.equal((await createBook(srv, alice.token, { title: 'Ésta Ñoña Historia' })).json.slug, 'esta-nona-historia');
  for (const title of ['New', 'Featured', 'Search', 'Top Rated']) {
    const r = await createBook(srv, alice.token, { title });
    assert.equal(r.status, 201);
    assert.notEqual(r.json.slug, title.toLowerCase().replace(' ', '-'));
    assert.equal((await get(srv, `/api/books/${r.json.slug}`, alice.token)).json.id, r.json.id);
  }
  const digits = await createBook(srv, alice.token, { title: '1984' });
  assert.match(digits.json.slug, /[a-z]/);
  assert.equal((await get(srv, `/api/books/${digits.json.slug}`, alice.token)).json.id, digits.json.id);
});

test('an author editing someone else\'s book gets 403 and nothing changes', async () => {
  const b = await publishedBook(srv, alice.token, { title: 'Mine Not Yours', price_cents: 500 });
  assertError(assert, await patch(bob.token, b.id, { title: 'Stolen', price_cents: 0 }), 403, 'forbidden');
  assertError(assert, await post(bob.token, `/api/books/${b.id}/unpublish`), 403, 'forbidden');
  assertError(assert, await del(bob.token, b.id), 403, 'forbidden');
  const after_ = await get(srv, `/api/books/${b.id}`);
  assert.equal(after_.json.title, 'Mine Not Yours');
  assert.equal(after_.json.price_cents, 500);
  assert.equal(after_.json.status, 'published');

  const draft = (await createBook(srv, alice.token, { title: 'Secret Draft' })).json;
  assertError(assert, await patch(bob.token, draft.id, { title: 'x' }), 404, 'not_found');
  assertError(assert, await post(bob.token, `/api/books/${draft.id}/publish`), 404, 'not_found');

  const r = await patch(boss.token, b.id, { price_cents: 450 });
  assert.equal(r.status, 200, r.text);
  assert.equal(r.json.price_cents, 450);
});

test('who may write at all: anonymous 401, readers 403, authors without a profile 409', async () => {
  assertError(assert, await api(srv.url, '/api/books', { method: 'POST', json: BOOK }), 401, 'unauthorized');
  const r = await reader(srv);
  assertError(assert, await createBook(srv, r.token), 403, 'forbidden');
  assertError(assert, await createBook(srv, boss.token), 409, 'conflict'); /* no author profile */
  const withAuthors = await createBook(srv, boss.token, { title: 'Edited By Admin', author_ids: [bob.author.id, alice.author.id] });
  assert.equal(withAuthors.status, 201, withAuthors.text);
  assert.deepEqual(withAuthors.json.authors.map((a) => a.id), [bob.author.id, alice.author.id]);
});

test('co-authors: listed in order, both may edit, a non-admin must credit themself', async () => {
  const c = await createBook(srv, alice.token, { title: 'Two Hands', author_ids: [alice.author.id, bob.author.id] });
  assert.equal(c.status, 201, c.text);
  assert.deepEqual(c.json.authors.map((a) => a.slug), [alice.author.slug, bob.author.slug]);
  assert.equal((await patch(bob.token, c.json.id, { subtitle: 'Edited by Bob' })).status, 200);
  const notMe = await createBook(srv, alice.token, { title: 'Ghost', author_ids: [bob.author.id] });
  assertError(assert, notMe, 400, 'validation_failed');
  assert.ok(notMe.json.error.details.fields.author_ids);
  const unknown = await createBook(srv, alice.token, { author_ids: [alice.author.id, 987654], category_ids: [987654], publisher_id: 987654 });
  assertError(assert, unknown, 400, 'validation_failed');
  assert.deepEqual(Object.keys(unknown.json.error.details.fields).sort(), ['author_ids', 'category_ids', 'publisher_id']);
});

test('a draft never published follows its title: renaming it gives a new unique slug', async () => {
  const taken = await createBook(srv, alice.token, { title: 'The Salt Road' });
  assert.equal(taken.json.slug, 'the-salt-road');
  const d = await createBook(srv, alice.token, { title: 'Untitled' });
  assert.match(d.json.slug, /^untitled/);
  const r = await patch(alice.token, d.json.id, { title: 'The Salt Road' });
  assert.equal(r.status, 200, r.text);
  assert.equal(r.json.slug, 'the-salt-road-2', 'unique, by the same rules as on create');
  assert.equal((await get(srv, '/api/books/the-salt-road-2', alice.token)).json.id, d.json.id);
  assertError(assert, await get(srv, `/api/books/${d.json.slug}`, alice.token), 404, 'not_found');
  const same = await patch(alice.token, d.json.id, { title: 'The  Salt Road!', subtitle: 'x' });
  assert.equal(same.json.slug, 'the-salt-road-2', 'a title giving the same slug keeps it');
  const other = await patch(alice.token, d.json.id, { description: 'no title given' });
  assert.equal(other.json.slug, 'the-salt-road-2');
  const route = await patch(alice.token, d.json.id, { title: 'Featured' });
  assert.notEqual(route.json.slug, 'featured', 'never a route word');
});

test('once published, a renamed book keeps its slug, also after unpublishing', async () => {
  const b = await publishedBook(srv, alice.token, { title: 'First Light' });
  assert.equal(b.slug, 'first-light');
  const r = await patch(alice.token, b.id, { title: 'Second Light' });
  assert.equal(r.status, 200, r.text);
  assert.equal(r.json.title, 'Second Light');
  assert.equal(r.json.slug, 'first-light', 'old links keep working');
  assert.equal((await get(srv, '/api/books/first-light')).json.title, 'Second Light');
  await post(alice.token, `/api/books/${b.id}/unpublish`);
  const again = await patch(alice.token, b.id, { title: 'Third Light' });
  assert.equal(again.json.slug, 'first-light', 'it was published once: the address stays');
});

test('PATCH changes only what it names; null clears; featured is for admins', async () => {
  const cat = await category(srv, boss.token, { name: `Patch Genre ${Date.now()}` });
  const b = await publishedBook(srv, alice.token, { title: 'Patchwork', subtitle: 'Old', description: 'Keep me' });
  const r = await patch(alice.token, b.id, { subtitle: null, price_cents: 0, language: 'PT-br', category_ids: [cat.id] });
  assert.equal(r.status, 200, r.text);
  assert.equal(r.json.subtitle, null);
  assert.equal(r.json.description, 'Keep me');
  assert.equal(r.json.is_free, true);
  assert.equal(r.json.language, 'pt-BR');
  assert.deepEqual(r.json.categories.map((c) => c.id), [cat.id]);
  assert.equal(r.json.slug, 'patchwork');
  assertError(assert, await patch(alice.token, b.id, { featured: true }), 403, 'forbidden');
  assert.equal((await get(srv, `/api/books/${b.id}`)).json.featured, false);
  const f = await patch(boss.token, b.id, { featured: true });
  assert.equal(f.json.featured, true);
  assertError(assert, await patch(alice.token, b.id, { status: 'published' }), 400, 'validation_failed');
  assertError(assert, await api(srv.url, `/api/books/${b.id}`, { method: 'PATCH', headers: { ...bearer(alice.token), 'content-type': 'text/plain' }, body: 'x' }), 415, 'unsupported_media_type');
});

test('DELETE is soft: gone for readers, still there for its author, and final', async () => {
  const b = await publishedBook(srv, alice.token, { title: 'Short Lived' });
  assert.equal((await del(alice.token, b.id)).status, 204);
  assertError(assert, await get(srv, `/api/books/${b.slug}`), 404, 'not_found');
  const mine = await get(srv, `/api/books/${b.id}`, alice.token);
  assert.equal(mine.json.status, 'deleted');
  assertError(assert, await patch(alice.token, b.id, { title: 'Back' }), 404, 'not_found');
  assertError(assert, await post(alice.token, `/api/books/${b.id}/publish`), 404, 'not_found');
  assert.ok(!(await get(srv, '/api/books?limit=100')).json.items.some((x) => x.id === b.id));
});

test('unpublish takes a book back to draft; publishing again keeps its date', async () => {
  const b = await publishedBook(srv, alice.token, { title: 'Back And Forth' });
  const u = await post(alice.token, `/api/books/${b.id}/unpublish`);
  assert.equal(u.json.status, 'draft');
  assertError(assert, await get(srv, `/api/books/${b.id}`), 404, 'not_found');
  const again = await post(alice.token, `/api/books/${b.id}/publish`);
  assert.equal(again.json.published_at, b.published_at);
  assert.equal((await post(alice.token, `/api/books/${b.id}/publish`)).status, 200); /* idempotent */
});

test('invalid ids and slugs give 404', async () => {
  for (const p of ['999999', '0', '-1', 'no-such-book', 'Bad%20Slug', '%E2%9C%93', '1e3', 'a--b', "x'or'1"]) {
    assertError(assert, await get(srv, `/api/books/${p}`), 404, 'not_found');
  }
  assertError(assert, await patch(alice.token, 999999, { title: 'x' }), 404, 'not_found');
  assertError(assert, await post(alice.token, '/api/books/nope/publish'), 404, 'not_found');
});
