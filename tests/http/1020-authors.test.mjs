// 1020 authors, categories and publishers: pages, lists, the genre tree, and admin edits.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { api, assertError } from './lib/mangu.mjs';
import { startCatalog, author, admin, reader, publishedBook, createBook, category, get, bearer } from './lib/catalog.mjs';

let srv, ann, ben, cid, boss, top, child, grandchild;
before(async () => {
  srv = await startCatalog();
  [ann, ben, cid, boss] = await Promise.all([author(srv, 'Ann Zephyr'), author(srv, 'Ben Young'), author(srv, 'Cid Xu'), admin(srv)]);
  top = await category(srv, boss.token, { name: 'Fiction', description: 'Made-up stories', position: 1 });
  child = await category(srv, boss.token, { name: 'Science Fiction', parent_id: top.id });
  grandchild = await category(srv, boss.token, { name: 'Space Opera', parent_id: child.id });
  await category(srv, boss.token, { name: 'History', position: 0 });
  await publishedBook(srv, ann.token, { title: 'Ann One', category_ids: [top.id, grandchild.id] });
  await publishedBook(srv, ann.token, { title: 'Ann Two', category_ids: [child.id] });
  await publishedBook(srv, ben.token, { title: 'Ben One', category_ids: [grandchild.id] });
  await createBook(srv, cid.token, { title: 'Cid Draft', category_ids: [top.id] }); /* not counted */
});
after(() => srv?.stop());

const patch = (token, path, json) => api(srv.url, path, { method: 'PATCH', headers: bearer(token), json });
const post = (token, path, json) => api(srv.url, path, { method: 'POST', headers: bearer(token), json });

test('the authors list holds authors with published books, by popularity or name', async () => {
  const r = await get(srv, '/api/authors');
  assert.equal(r.status, 200);
  assert.equal(r.json.total, 2);
  const names = await get(srv, '/api/authors?sort=name');
  assert.deepEqual(names.json.items.map((x) => x.name), ['Ann Zephyr', 'Ben Young']);
  const first = names.json.items[0];
  assert.deepEqual(Object.keys(first).sort(), ['bio', 'book_count', 'id', 'name', 'photo_url', 'slug']);
  assert.equal(first.book_count, 2);
  assert.equal((await get(srv, '/api/authors?limit=1&offset=1&sort=name')).json.items[0].name, 'Ben Young');
  assertError(assert, await get(srv, '/api/authors?sort=age'), 400, 'validation_failed');
  assertError(assert, await get(srv, '/api/authors?limit=500'), 400, 'validation_failed');
});

test('an author page has the profile and the published books', async () => {
  const r = await get(srv, `/api/authors/${ann.author.slug}`);
  assert.equal(r.status, 200, r.text);
  assert.equal(r.json.name, 'Ann Zephyr');
  assert.deepEqual(r.json.books.map((b) => b.title), ['Ann Two', 'Ann One']);
  assert.equal((await get(srv, `/api/authors/${ann.author.id}`)).json.slug, ann.author.slug);
  const cidPage = await get(srv, `/api/authors/${cid.author.slug}`);
  assert.equal(cidPage.status, 200);
  assert.deepEqual(cidPage.json.books, []);
  for (const p of ['no-such-author', '999999', 'Bad Slug', '0']) {
    assertError(assert, await get(srv, `/api/authors/${encodeURIComponent(p)}`), 404, 'not_found');
  }
});

test('authors edit their own profile; admins edit any and create profiles', async () => {
  const mine = await patch(ann.token, `/api/authors/${ann.author.id}`, { bio: 'Writes at dawn.' });
  assert.equal(mine.status, 200, mine.text);
  assert.equal(mine.json.bio, 'Writes at dawn.');
  assertError(assert, await patch(ben.token, `/api/authors/${ann.author.id}`, { name: 'Hijacked' }), 403, 'forbidden');
  assert.equal((await get(srv, `/api/authors/${ann.author.id}`)).json.name, 'Ann Zephyr');
  assertError(assert, await patch(ann.token, `/api/authors/${ann.author.id}`, { name: '' }), 400, 'validation_failed');
  assert.equal((await patch(boss.token, `/api/authors/${ben.author.id}`, { bio: null })).status, 200);
  const made = await post(boss.token, '/api/authors', { name: 'Jane Austen', bio: 'Novelist.' });
  assert.equal(made.status, 201, made.text);
  assert.equal(made.json.slug, 'jane-austen');
  assert.equal((await post(boss.token, '/api/authors', { name: 'Jane Austen' })).json.slug, 'jane-austen-2');
  assertError(assert, await post(ann.token, '/api/authors', { name: 'Nope' }), 403, 'forbidden');
  assertError(assert, await post(boss.token, '/api/authors', { name: 'X', age: 3 }), 400, 'validation_failed');
});

test('the category tree nests children and counts distinct published books in each subtree', async () => {
  const r = await get(srv, '/api/categories');
  assert.equal(r.status, 200);
  const [history, fiction] = r.json.items; /* position orders siblings */
  assert.equal(history.slug, 'history');
  assert.equal(history.book_count, 0);
  assert.equal(fiction.slug, 'fiction');
  assert.equal(fiction.parent_id, null);
  assert.equal(fiction.book_count, 3); /* Ann One counted once although it is in two of them */
  const sf = fiction.children[0];
  assert.equal(sf.slug, 'science-fiction');
  assert.equal(sf.parent_id, fiction.id);
  assert.equal(sf.book_count, 3);
  assert.equal(sf.children[0].slug, 'space-opera');
  assert.equal(sf.children[0].book_count, 2);
  assert.deepEqual(sf.children[0].children, []);
});

test('a category page has its subtree and breadcrumb; unknown ones are 404', async () => {
  const r = await get(srv, '/api/categories/space-opera');
  assert.equal(r.status, 200);
  assert.deepEqual(r.json.breadcrumb.map((c) => c.slug), ['fiction', 'science-fiction', 'space-opera']);
  assert.equal((await get(srv, `/api/categories/${top.id}`)).json.children.length, 1);
  assertError(assert, await get(srv, '/api/categories/no-such'), 404, 'not_found');
  assertError(assert, await get(srv, '/api/categories/999999'), 404, 'not_found');
});

test('admins manage categories: no cycles, unique slugs, no orphaned children', async () => {
  assertError(assert, await post(ann.token, '/api/categories', { name: 'Mine' }), 403, 'forbidden');
  const bad = await post(boss.token, '/api/categories', { name: '', slug: 'Not A Slug', parent_id: 999999, extra: 1 });
  assertError(assert, bad, 400, 'validation_failed');
  assert.deepEqual(Object.keys(bad.json.error.details.fields).sort(), ['extra', 'name', 'parent_id', 'slug']);
  assertError(assert, await post(boss.token, '/api/categories', { name: 'Again', slug: 'fiction' }), 409, 'conflict');
  const cycle = await patch(boss.token, `/api/categories/${top.id}`, { parent_id: grandchild.id });
  assertError(assert, cycle, 400, 'validation_failed');
  assert.ok(cycle.json.error.details.fields.parent_id);
  assertError(assert, await patch(boss.token, `/api/categories/${top.id}`, { parent_id: top.id }), 400, 'validation_failed');
  const ren = await patch(boss.token, `/api/categories/${child.id}`, { name: 'SF', slug: 'sf' });
  assert.equal(ren.status, 200, ren.text);
  assert.equal((await get(srv, '/api/categories/sf')).json.name, 'SF');
  const del = (id) => api(srv.url, `/api/categories/${id}`, { method: 'DELETE', headers: bearer(boss.token) });
  assertError(assert, await del(child.id), 409, 'conflict');
  const leaf = await category(srv, boss.token, { name: 'Leaf', parent_id: grandchild.id });
  assert.equal((await del(leaf.id)).status, 204);
  assertError(assert, await del(leaf.id), 404, 'not_found');
  assertError(assert, await api(srv.url, `/api/categories/${leaf.id}`, { method: 'DELETE', headers: bearer(ann.token) }), 403, 'forbidden');
});

test('publishers: list, page, and admin-only edits', async () => {
  const made = await post(boss.token, '/api/publishers', { name: 'Harbor & Finch', website: 'https://harbor.example' });
  assert.equal(made.status, 201, made.text);
  assert.equal(made.json.slug, 'harbor-finch');
  assertError(assert, await post(ann.token, '/api/publishers', { name: 'Self' }), 403, 'forbidden');
  assertError(assert, await post(boss.token, '/api/publishers', { name: 'X', website: 'ftp://x' }), 400, 'validation_failed');
  await publishedBook(srv, ann.token, { title: 'Harbor Book', publisher_id: made.json.id });
  const page = await get(srv, `/api/publishers/${made.json.slug}`);
  assert.equal(page.json.book_count, 1);
  const list = await get(srv, '/api/publishers');
  assert.ok(list.json.items.some((p) => p.slug === 'harbor-finch'));
  const ed = await patch(boss.token, `/api/publishers/${made.json.id}`, { description: 'Since 1901' });
  assert.equal(ed.json.description, 'Since 1901');
  assertError(assert, await get(srv, '/api/publishers/none-such'), 404, 'not_found');
  const r = await reader(srv);
  assertError(assert, await patch(r.token, `/api/publishers/${made.json.id}`, { name: 'x' }), 403, 'forbidden');
});
