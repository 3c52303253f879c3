// Library and reading: claiming, progress across devices, annotations, wishlist, reviews, and
// the author's dashboard numbers.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { api, assertError, repoRoot, runMangu, startMangu } from './lib/mangu.mjs';
import { admin, author, bearer, publishedBook, reader, startCatalog } from './lib/catalog.mjs';

let srv;
let writer;
let free;
let priced;
before(async () => {
  srv = await startCatalog();
  writer = await author(srv);
  free = await publishedBook(srv, writer.token, { title: 'Free Reading', price_cents: 0 });
  priced = await publishedBook(srv, writer.token, { title: 'Paid Reading', price_cents: 1299 });
});
after(() => srv?.stop());

const call = (token, path, opts = {}) => api(srv.url, path, { ...opts, headers: { ...bearer(token), ...(opts.headers || {}) } });

test('a free book is claimed once; a priced one cannot be claimed', async () => {
  const r = await reader(srv);
  const first = await call(r.token, `/api/library/${free.id}`, { method: 'POST' });
  assert.equal(first.status, 201, first.text);
  assert.equal(first.json.source, 'free');
  assert.equal(first.json.book.id, free.id);
  assert.equal((await call(r.token, `/api/library/${free.id}`, { method: 'POST' })).status, 200);
  assertError(assert, await call(r.token, `/api/library/${priced.id}`, { method: 'POST' }), 409, ['conflict']);
  assertError(assert, await call(r.token, '/api/library/99999999', { method: 'POST' }), 404, ['not_found']);
  const lib = await call(r.token, '/api/library');
  assert.deepEqual(lib.json.items.map((e) => e.book.id), [free.id]);
  assert.equal(lib.json.total, 1);
  assertError(assert, await api(srv.url, '/api/library'), 401, ['unauthorized']);
  assertError(assert, await call(r.token, '/api/library?sort=size'), 400, ['validation_failed']);
});

test('progress written on one device is what another device reads', async () => {
  const r = await reader(srv);
  await call(r.token, `/api/library/${free.id}`, { method: 'POST' });
  const cfi = 'epubcfi(/6/14[chap05]!/4/2/10/1:120)';
  const w = await call(r.token, `/api/library/${free.id}/progress`, {
    method: 'PUT', json: { position: cfi, progress: 0.42, device_id: 'laptop-1', device_name: 'Laptop' },
  });
  assert.equal(w.status, 200, w.text);
  const other = await call(r.token, `/api/library/${free.id}/progress`);
  assert.equal(other.json.position, cfi);
  assert.equal(other.json.progress, 0.42);
  assert.equal(other.json.device_id, 'laptop-1');
  assert.equal(other.json.device_name, 'Laptop', 'the reader says "continue from Laptop"');
  const later = 'epubcfi(/6/20!/4/2/1:0)';
  const phone = await call(r.token, `/api/library/${free.id}/progress`, {
    method: 'PUT', json: { position: later, progress: 0.61, device_id: 'phone-2', device_name: 'Phone' },
  });
  assert.equal(phone.status, 200, phone.text);
  assert.equal(phone.json.device_name, 'Phone');
  const both = await call(r.token, `/api/library/${free.id}/progress`);
  assert.equal(both.json.device_id, 'phone-2');
  const devices = both.json.devices.map((d) => [d.device_id, d.device_name, d.position, d.progress]);
  assert.deepEqual(devices.sort((a, b) => a[0].localeCompare(b[0])),
    [['laptop-1', 'Laptop', cfi, 0.42], ['phone-2', 'Phone', later, 0.61]]);
  const entry = await call(r.token, `/api/library/${free.id}`);
  assert.equal(entry.json.position_device, 'phone-2');
  assert.equal(entry.json.position_device_name, 'Phone');
  const cont = await call(r.token, '/api/library/continue');
  assert.deepEqual(cont.json.items.map((e) => e.book.id), [free.id]);
  for (const bad of [{ position: '', progress: 0.1, device_id: 'x' }, { position: 'p', progress: 2, device_id: 'x' },
    { position: 'p', progress: 0.1, device_id: '../etc' }, { position: 'x'.repeat(2000), progress: 0.1, device_id: 'x' }]) {
    assertError(assert, await call(r.token, `/api/library/${free.id}/progress`, { method: 'PUT', json: bad }), 400,
      ['validation_failed']);
  }
  const stranger = await reader(srv);
  assertError(assert, await call(stranger.token, `/api/library/${free.id}/progress`, {
    method: 'PUT', json: { position: cfi, progress: 0.5, device_id: 'x' },
  }), 404, ['not_found']);
  assertError(assert, await call(stranger.token, `/api/library/${free.id}/progress`), 404, ['not_found']);
});

const testdata = process.env.MANGU_TESTDATA || path.resolve(repoRoot, '../shared/testdata');

/** Uploads "rel" from the shared test data as book "bookId"'s file of "kind", through the API. */
async function uploadFile(token, bookId, kind, rel, type) {
  const bytes = fs.readFileSync(path.join(testdata, rel));
  const ask = await call(token, `/api/books/${bookId}/files`, {
    method: 'POST', json: { kind, file_name: path.basename(rel), content_type: type, size: bytes.length },
  });
  assert.equal(ask.status, 201, ask.text);
  const put = await fetch(new URL(ask.json.upload.url, srv.url), { method: ask.json.upload.method, headers: ask.json.upload.headers, body: bytes });
  assert.ok(put.status === 200 || put.status === 204, `upload answered ${put.status}`);
  const done = await call(token, `/api/books/${bookId}/files/${ask.json.file.id}/complete`, { method: 'POST' });
  assert.equal(done.status, 200, done.text);
}

test('a book and a library entry say whether a free sample can be read', async () => {
  const r = await reader(srv);
  const book = await publishedBook(srv, writer.token, { title: 'Sampled Reading', price_cents: 0 });
  await call(r.token, `/api/library/${book.id}`, { method: 'POST' });
  assert.equal((await call(r.token, `/api/books/${book.id}`)).json.has_sample, false);
  assert.equal((await call(r.token, `/api/library/${book.id}`)).json.book.has_sample, false);
  await uploadFile(writer.token, book.id, 'sample', 'pdf/hello-world-2pages.pdf', 'application/pdf');
  assert.equal((await call(r.token, `/api/books/${book.id}`)).json.has_sample, true);
  assert.equal((await call(r.token, `/api/books/${book.slug}`)).json.has_sample, true);
  assert.equal((await call(r.token, `/api/library/${book.id}`)).json.book.has_sample, true);
  const lib = await call(r.token, '/api/library?sort=added');
  assert.deepEqual(lib.json.items.map((e) => [e.book.id, e.book.has_sample]), [[book.id, true]]);
  assert.equal((await api(srv.url, `/api/books/${book.id}/sample`, { redirect: 'manual' })).status < 400, true);
});

test('demo books: each has an EPUB manuscript and a sample, and says EPUB', async () => {
  const demo = await startMangu();
  try {
    const env = Object.fromEntries(Object.entries(demo.env).filter(([k]) => k.startsWith('MANGU_DATABASE') || k.startsWith('MANGU_S3')));
    const seeded = await runMangu(['seed', '--demo'], env, { dataDir: demo.dataDir, timeout: 180000 });
    assert.equal(seeded.code, 0, seeded.output);
    const books = [];
    for (let offset = 0; ; offset += 100) {
      const page = await api(demo.url, `/api/books?limit=100&offset=${offset}`);
      assert.equal(page.status, 200, page.text);
      books.push(...page.json.items);
      if (books.length >= page.json.total) break;
    }
    assert.ok(books.length >= 150);
    assert.deepEqual([...new Set(books.map((b) => b.format))], ['epub'], 'the format matches the manuscript');
    const one = books.find((b) => b.price_cents > 0);
    assert.equal((await api(demo.url, `/api/books/${one.id}`)).json.has_sample, true);
    const sample = await fetch(`${demo.url}/api/books/${one.id}/sample`); /* S3: via its redirect */
    assert.equal(sample.status, 200);
    assert.equal(sample.headers.get('content-type'), 'application/epub+zip');
    assert.equal(Buffer.from(await sample.arrayBuffer()).subarray(0, 2).toString(), 'PK', 'a zip');
  } finally {
    await demo.stop();
  }
});

test('bookmarks and highlights: created, listed, edited, exported as Markdown, deleted', async () => {
  const r = await reader(srv);
  await call(r.token, `/api/library/${free.id}`, { method: 'POST' });
  const h = await call(r.token, `/api/library/${free.id}/annotations`, {
    method: 'POST', json: { kind: 'highlight', position: 'epubcfi(/6/4!/4/2,/1:0,/1:20)', text: 'It was a dark night', note: 'mood', color: 'yellow' },
  });
  assert.equal(h.status, 201, h.text);
  const bm = await call(r.token, `/api/library/${free.id}/annotations`, { method: 'POST', json: { kind: 'bookmark', position: 'epubcfi(/6/8)' } });
  assert.equal(bm.status, 201);
  assertError(assert, await call(r.token, `/api/library/${free.id}/annotations`, { method: 'POST', json: { kind: 'scribble', position: 'x' } }), 400, ['validation_failed']);
  const up = await call(r.token, `/api/library/${free.id}/annotations/${h.json.id}`, { method: 'PATCH', json: { note: 'ominous', color: 'pink' } });
  assert.equal(up.json.note, 'ominous');
  const md = await call(r.token, `/api/library/${free.id}/annotations.md`);
  assert.equal(md.status, 200);
  assert.match(md.headers.get('content-type'), /text\/markdown/);
  assert.match(md.text, /> It was a dark night/);
  assert.match(md.text, /ominous/);
  const other = await reader(srv);
  assertError(assert, await call(other.token, `/api/library/${free.id}/annotations/${h.json.id}`, { method: 'DELETE' }), 404, ['not_found']);
  assert.equal((await call(r.token, `/api/library/${free.id}/annotations/${h.json.id}`, { method: 'DELETE' })).status, 204);
  const list = await call(r.token, `/api/library/${free.id}/annotations`);
  assert.deepEqual(list.json.items.map((a) => a.kind), ['bookmark']);
});

test('wishlist: add, list, remove, idempotent', async () => {
  const r = await reader(srv);
  assert.equal((await call(r.token, `/api/wishlist/${priced.id}`, { method: 'PUT' })).status, 204);
  assert.equal((await call(r.token, `/api/wishlist/${priced.id}`, { method: 'PUT' })).status, 204);
  const w = await call(r.token, '/api/wishlist');
  assert.deepEqual(w.json.items.map((b) => b.id), [priced.id]);
  assertError(assert, await call(r.token, '/api/wishlist/99999999', { method: 'PUT' }), 404, ['not_found']);
  assert.equal((await call(r.token, `/api/wishlist/${priced.id}`, { method: 'DELETE' })).status, 204);
  assert.equal((await call(r.token, '/api/wishlist')).json.total, 0);
});

test('only owners review, once each; the rating follows; admins hide; readers report', async () => {
  const a = await reader(srv);
  const b = await reader(srv);
  const stranger = await reader(srv);
  for (const r of [a, b]) await call(r.token, `/api/library/${free.id}`, { method: 'POST' });
  assertError(assert, await call(stranger.token, `/api/books/${free.id}/reviews`, { method: 'POST', json: { rating: 5 } }), 403, ['forbidden']);
  assertError(assert, await call(a.token, `/api/books/${free.id}/reviews`, { method: 'POST', json: { rating: 9 } }), 400, ['validation_failed']);
  const ra = await call(a.token, `/api/books/${free.id}/reviews`, { method: 'POST', json: { rating: 5, title: 'Loved it', body: 'A gem.' } });
  assert.equal(ra.status, 201, ra.text);
  assert.equal(ra.json.verified_purchase, false, 'claimed free, not bought');
  assertError(assert, await call(a.token, `/api/books/${free.id}/reviews`, { method: 'POST', json: { rating: 4 } }), 409, ['conflict']);
  await call(b.token, `/api/books/${free.id}/reviews`, { method: 'POST', json: { rating: 2 } });
  let book = await api(srv.url, `/api/books/${free.id}`);
  assert.equal(book.json.rating_count, 2);
  assert.equal(book.json.rating_avg, 3.5);
  const edit = await call(b.token, `/api/books/${free.id}/reviews/mine`, { method: 'PATCH', json: { rating: 4 } });
  assert.equal(edit.status, 200);
  book = await api(srv.url, `/api/books/${free.id}`);
  assert.equal(book.json.rating_avg, 4.5);
  const list = await api(srv.url, `/api/books/${free.id}/reviews`);
  assert.equal(list.json.total, 2);
  assert.ok(list.json.items.every((r) => !('email' in r.author)));
  assert.equal((await call(stranger.token, `/api/reviews/${ra.json.id}/report`, { method: 'POST', json: { reason: 'spoilers' } })).status, 202);
  assertError(assert, await call(stranger.token, `/api/reviews/${ra.json.id}/report`, { method: 'POST', json: { reason: 'again' } }), 409, ['conflict']);
  const boss = await admin(srv);
  assertError(assert, await call(a.token, `/api/admin/reviews/${ra.json.id}`, { method: 'PATCH', json: { hidden: true } }), 403, ['forbidden']);
  assert.equal((await call(boss.token, `/api/admin/reviews/${ra.json.id}`, { method: 'PATCH', json: { hidden: true } })).status, 204);
  book = await api(srv.url, `/api/books/${free.id}`);
  assert.equal(book.json.rating_count, 1);
  assert.equal(book.json.rating_avg, 4);
  assert.equal((await call(b.token, `/api/books/${free.id}/reviews/mine`, { method: 'DELETE' })).status, 204);
  book = await api(srv.url, `/api/books/${free.id}`);
  assert.equal(book.json.rating_count, 0);
});

test("the author's dashboard lists drafts and published books with numbers and a 30-day series", async () => {
  const me = await call(writer.token, '/api/me/books');
  assert.equal(me.status, 200, me.text);
  const ids = me.json.items.map((i) => i.book.id);
  assert.ok(ids.includes(free.id) && ids.includes(priced.id));
  const row = me.json.items.find((i) => i.book.id === priced.id);
  assert.equal(row.book.status, 'published');
  assert.equal(typeof row.views, 'number');
  const stats = await call(writer.token, `/api/me/books/${priced.id}/stats?days=30`);
  assert.equal(stats.status, 200, stats.text);
  assert.equal(stats.json.days.length, 30);
  assert.match(stats.json.days[29].day, /^\d{4}-\d{2}-\d{2}$/);
  const other = await author(srv);
  assertError(assert, await call(other.token, `/api/me/books/${priced.id}/stats`), 403, ['forbidden']);
  assert.equal((await call(other.token, '/api/me/books')).json.total, 0);
  const r = await reader(srv);
  assertError(assert, await call(r.token, '/api/me/books'), 403, ['forbidden']);
  assertError(assert, await call(writer.token, `/api/me/books/${priced.id}/stats?days=0`), 400, ['validation_failed']);
});
