// 1040 caching: ETags and 304s, Cache-Control by caller, writes that drop cached answers at
// once, and (scaled) Redis killed mid-test while the catalog keeps answering from the database.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { api, fault, poll, scaled } from './lib/mangu.mjs';
import { startCatalog, author, admin, publishedBook, category, get, bearer } from './lib/catalog.mjs';

let srv, ann, boss, book;
before(async () => {
  srv = await startCatalog();
  [ann, boss] = await Promise.all([author(srv, 'Cache Writer'), admin(srv)]);
  book = await publishedBook(srv, ann.token, { title: 'Cached Tales', description: 'Tales kept close.' });
});
after(async () => {
  if (scaled) await fault('MANGU_TEST_REDIS_START').catch(() => {});
  await srv?.stop();
});

const reads = () => ['/api/books', '/api/books/featured', '/api/books/trending', '/api/books/new',
  '/api/books/top-rated', `/api/books/${book.slug}`, `/api/books/${book.id}`, '/api/authors',
  `/api/authors/${ann.author.slug}`, '/api/categories', '/api/publishers', '/api/books/search?q=tales',
  '/api/books/suggest?q=cach'];

test('catalog reads carry an ETag; If-None-Match answers 304 with no body', async () => {
  for (const p of reads()) {
    const r = await get(srv, p);
    assert.equal(r.status, 200, `${p}: ${r.text}`);
    const etag = r.headers.get('etag');
    assert.match(etag ?? '', /^"[0-9a-f]{16}"$/, p);
    assert.equal(r.headers.get('cache-control'), 'public, max-age=60', p);
    const again = await get(srv, p, undefined, { 'if-none-match': etag });
    assert.equal(again.status, 304, p);
    assert.equal(again.text, '');
    assert.equal(again.headers.get('etag'), etag);
    const other = await get(srv, p, undefined, { 'if-none-match': '"0000000000000000"' });
    assert.equal(other.status, 200, p);
  }
});

test('signed-in callers get private, no-store; writes are never cacheable', async () => {
  for (const p of reads()) {
    const r = await get(srv, p, ann.token);
    assert.equal(r.status, 200, p);
    assert.equal(r.headers.get('cache-control'), 'private, no-store', p);
  }
  const w = await api(srv.url, `/api/books/${book.id}`, { method: 'PATCH', headers: bearer(ann.token), json: { subtitle: 'x' } });
  assert.equal(w.headers.get('cache-control'), 'no-store');
  assert.equal((await get(srv, `/api/books/${book.slug}`, ann.token)).json.can_edit, true);
  assert.equal((await get(srv, `/api/books/${book.slug}`)).json.can_edit, false); /* never the cached signed-in view */
});

test('a newly featured book shows on the very next request', async () => {
  const extra = await publishedBook(srv, ann.token, { title: 'Soon Featured' });
  const before_ = await get(srv, '/api/books/featured');
  assert.ok(!before_.json.items.some((x) => x.id === extra.id));
  assert.equal((await get(srv, '/api/books/featured')).headers.get('etag'), before_.headers.get('etag'));
  const f = await api(srv.url, `/api/books/${extra.id}`, { method: 'PATCH', headers: bearer(boss.token), json: { featured: true } });
  assert.equal(f.status, 200, f.text);
  const after_ = await get(srv, '/api/books/featured');
  assert.ok(after_.json.items.some((x) => x.id === extra.id));
  assert.notEqual(after_.headers.get('etag'), before_.headers.get('etag'));
  await api(srv.url, `/api/books/${extra.id}`, { method: 'PATCH', headers: bearer(boss.token), json: { featured: false } });
  assert.ok(!(await get(srv, '/api/books/featured')).json.items.some((x) => x.id === extra.id));
});

test('edits, unpublishing and new genres are visible at once through every cached read', async () => {
  const b = await publishedBook(srv, ann.token, { title: 'Before Title', description: 'zebra crossing' });
  assert.equal((await get(srv, `/api/books/${b.slug}`)).json.title, 'Before Title');
  assert.equal((await get(srv, '/api/books/search?q=zebra')).json.total, 1);
  assert.ok((await get(srv, '/api/books')).json.items.some((x) => x.id === b.id));
  await api(srv.url, `/api/books/${b.id}`, { method: 'PATCH', headers: bearer(ann.token), json: { title: 'After Title', description: 'okapi crossing' } });
  assert.equal((await get(srv, `/api/books/${b.slug}`)).json.title, 'After Title');
  assert.equal((await get(srv, '/api/books/search?q=zebra')).json.total, 0);
  assert.equal((await get(srv, '/api/books/search?q=okapi')).json.total, 1);
  await api(srv.url, `/api/books/${b.id}/unpublish`, { method: 'POST', headers: bearer(ann.token) });
  assert.equal((await get(srv, `/api/books/${b.slug}`)).status, 404);
  assert.ok(!(await get(srv, '/api/books')).json.items.some((x) => x.id === b.id));
  const tree = await get(srv, '/api/categories');
  await category(srv, boss.token, { name: 'Brand New Genre' });
  const tree2 = await get(srv, '/api/categories');
  assert.equal(tree2.json.items.length, tree.json.items.length + 1);
});

test('with Redis killed the catalog answers from the database, then recovers', { skip: !scaled && 'scaled backend only' }, async () => {
  await get(srv, '/api/books/featured'); /* cached */
  await fault('MANGU_TEST_REDIS_STOP');
  for (let round = 0; round < 2; round++) {
    for (const p of reads()) {
      const t0 = Date.now();
      const r = await get(srv, p);
      assert.equal(r.status, 200, `${p} with Redis down: ${r.text}`);
      assert.ok(Date.now() - t0 < 3000, `${p} took ${Date.now() - t0} ms`);
    }
  }
  const b = await publishedBook(srv, ann.token, { title: 'Written During The Outage' });
  const f = await api(srv.url, `/api/books/${b.id}`, { method: 'PATCH', headers: bearer(boss.token), json: { featured: true } });
  assert.equal(f.status, 200, f.text);
  assert.ok((await get(srv, '/api/books/featured')).json.items.some((x) => x.id === b.id));
  assert.equal((await get(srv, '/api/books/search?q=outage')).json.total, 1);
  await fault('MANGU_TEST_REDIS_START');
  const ok = await poll(async () => {
    const h = await get(srv, '/api/health');
    return h.json?.status === 'ok' ? h : null;
  });
  assert.ok(ok, 'health back to ok');
  const r = await get(srv, '/api/books/featured');
  assert.ok(r.json.items.some((x) => x.id === b.id));
  const again = await get(srv, '/api/books/featured', undefined, { 'if-none-match': r.headers.get('etag') });
  assert.equal(again.status, 304);
});
