// 1040 caching: ETags and 304s, Cache-Control by caller, writes that drop cached answers at
// once, and (scaled) Redis killed mid-test while the catalog keeps answering from the database,
// and a second server on the same PostgreSQL + Redis that hears of the first one's writes.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import net from 'node:net';
import { api, fault, poll, scaled, randomId } from './lib/mangu.mjs';
import { startCatalog, author, admin, publishedBook, category, get, bearer } from './lib/catalog.mjs';

const prefix = `t_${randomId(4)}:`; /* scaled: the second server shares the first one's keys */
let srv, ann, boss, book;
before(async () => {
  srv = await startCatalog(scaled ? { MANGU_CACHE_PREFIX: prefix } : {});
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

/* A second server process on the first one's PostgreSQL and Redis (same key prefix). */
async function secondServer() {
  return startCatalog({
    MANGU_DATABASE_URL: srv.database.url,
    MANGU_REDIS_URL: process.env.MANGU_TEST_REDIS_URL,
    MANGU_CACHE_PREFIX: prefix,
  });
}

/* The gauge that says this process's copy of the catalog generation follows pub/sub. */
async function following(s) {
  const r = await get(s, '/metrics');
  return /^mangu_catalog_generation_followed 1$/m.test(r.text);
}

const featured = async (s, id) => (await get(s, '/api/books/featured')).json.items.some((x) => x.id === id);

test('a second server sees the first one\'s writes within 2 s, with Redis up and down', { skip: !scaled && 'scaled backend only' }, async () => {
  const other = await secondServer();
  try {
    assert.ok(await poll(() => following(other), { ms: 5000, every: 50 }), 'second server subscribed');
    assert.ok(await poll(() => following(srv), { ms: 5000, every: 50 }), 'first server subscribed');
    const b = await publishedBook(srv, ann.token, { title: 'Seen Across Servers' });
    for (let i = 0; i < 3; i++) assert.equal(await featured(other, b.id), false); /* now in its front */
    const hits = (await get(other, '/metrics')).text.match(/^mangu_catalog_front_requests_total\{result="hit"\} (\d+)$/m);
    assert.ok(hits && Number(hits[1]) >= 2, 'repeated reads are answered from the front');
    const f = await api(srv.url, `/api/books/${b.id}`, { method: 'PATCH', headers: bearer(boss.token), json: { featured: true } });
    assert.equal(f.status, 200, f.text);
    assert.equal(await featured(srv, b.id), true, 'the writer shows it on its very next read');
    assert.ok(await poll(() => featured(other, b.id), { ms: 2000, every: 20 }), 'the other server within 2 s');

    await fault('MANGU_TEST_REDIS_STOP');
    const c = await publishedBook(srv, ann.token, { title: 'Seen Across Servers Offline' });
    const g = await api(srv.url, `/api/books/${c.id}`, { method: 'PATCH', headers: bearer(boss.token), json: { featured: true } });
    assert.equal(g.status, 200, g.text);
    assert.equal(await featured(srv, c.id), true, 'with Redis down, the writer reads its write');
    assert.ok(await poll(() => featured(other, c.id), { ms: 2000, every: 20 }), 'and so does the other server');
    const un = await api(srv.url, `/api/books/${b.id}`, { method: 'PATCH', headers: bearer(boss.token), json: { featured: false } });
    assert.equal(un.status, 200, un.text);
    assert.equal(await featured(srv, b.id), false);
    assert.ok(await poll(async () => !(await featured(other, b.id)), { ms: 2000, every: 20 }));

    await fault('MANGU_TEST_REDIS_START');
    assert.ok(await poll(() => following(other), { ms: 10000, every: 50 }), 'resubscribed after the restart');
    assert.ok(await poll(() => following(srv), { ms: 10000, every: 50 }));
    const h = await api(srv.url, `/api/books/${c.id}`, { method: 'PATCH', headers: bearer(boss.token), json: { featured: false } });
    assert.equal(h.status, 200, h.text);
    assert.equal(await featured(srv, c.id), false);
    assert.ok(await poll(async () => !(await featured(other, c.id)), { ms: 2000, every: 20 }), 'pub/sub again after the restart');
  } finally {
    await fault('MANGU_TEST_REDIS_START').catch(() => {});
    await other.stop();
  }
});

test('a Redis that refuses the password: the catalog still answers, and no log line holds it', { skip: !scaled && 'scaled backend only' }, async () => {
  const url = new URL(process.env.MANGU_TEST_REDIS_URL); /* no password is configured there */
  url.password = 'redissecretpw4242';
  const other = await startCatalog({ MANGU_DATABASE_URL: srv.database.url, MANGU_REDIS_URL: url.toString(), MANGU_CACHE_PREFIX: prefix });
  try {
    await other.waitForLog((l) => l.json?.msg === 'redis subscription lost; retrying every second', 5000);
    assert.equal(await featured(other, book.id), false);
    assert.equal((await get(other, `/api/books/${book.slug}`)).status, 200);
    assert.equal(await following(other), false);
    const text = other.logs().map((l) => l.line).join('\n');
    assert.ok(!text.includes('redissecretpw4242'), 'the Redis password is in the log');
  } finally {
    await other.stop();
  }
});

/* The keys of the test's Redis matching `pattern` (one KEYS command over RESP). */
function redisKeys(pattern) {
  const u = new URL(process.env.MANGU_TEST_REDIS_URL);
  return new Promise((resolve, reject) => {
    const sock = net.connect({ host: u.hostname, port: Number(u.port) });
    let data = '';
    sock.on('error', reject);
    sock.on('data', (d) => {
      data += d;
      const lines = data.split('\r\n');
      const n = Number(lines[0].slice(1));
      if (lines[0][0] !== '*') { sock.destroy(); reject(new Error(data)); return; }
      if (lines.length >= 2 * n + 2) { sock.destroy(); resolve(lines.slice(1, 1 + 2 * n).filter((_, i) => i % 2)); }
    });
    sock.write(`*2\r\n$4\r\nKEYS\r\n$${Buffer.byteLength(pattern)}\r\n${pattern}\r\n`);
  });
}

test('searches are kept in each server\'s memory, not in Redis; a write shows in the next one', { skip: !scaled && 'scaled backend only' }, async () => {
  const q = `/api/books/search?q=tales&limit=7`;
  const first = await get(srv, q);
  assert.equal(first.status, 200, first.text);
  const again = await get(srv, q);
  assert.equal(again.headers.get('etag'), first.headers.get('etag'), 'the repeat is the cached answer');
  assert.equal((await get(srv, '/api/books?limit=7')).status, 200);
  const keys = await redisKeys(`${prefix}*`);
  assert.ok(keys.some((k) => k.includes('books_total:')), `a list's total is in Redis: ${keys}`);
  assert.deepEqual(keys.filter((k) => k.includes('search')), [], 'no search answer in Redis');
  const b = await publishedBook(srv, ann.token, { title: 'Tales Told Anew' });
  const after = await get(srv, q);
  assert.ok(after.json.items.some((x) => x.id === b.id), 'the new book is found at once');
  const other = await secondServer();
  try {
    const there = await get(other, q);
    assert.ok(there.json.items.some((x) => x.id === b.id), 'and by another server');
  } finally {
    await other.stop();
  }
});
