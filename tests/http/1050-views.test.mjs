// 1050 views and the computed rows: one view per visitor per book per day, written in batches
// (and at shutdown); trending from the last days' views; top rated by Bayesian average.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { api, createDatabase, poll, scaled, startMangu, tempDir } from './lib/mangu.mjs';
import { startCatalog, author, reader, publishedBook, get, bearer } from './lib/catalog.mjs';

let srv, ann;
before(async () => {
  srv = await startCatalog();
  ann = await author(srv, 'Viewed Author');
});
after(() => srv?.stop());

const views = async (s, id, token) => (await get(s, `/api/books/${id}`, token)).json.views_count;
const ua = (name) => ({ 'user-agent': name });

test('a visitor counts once a day however often they look; the author does not count', async () => {
  const b = await publishedBook(srv, ann.token, { title: 'Looked At' });
  for (let i = 0; i < 3; i++) assert.equal((await get(srv, `/api/books/${b.slug}`, undefined, ua('browser-one'))).status, 200);
  await get(srv, `/api/books/${b.id}`, undefined, ua('browser-one')); /* by id: same book */
  await get(srv, `/api/books/${b.slug}`, undefined, ua('browser-two'));
  const r = await reader(srv);
  await get(srv, `/api/books/${b.slug}`, r.token);
  await get(srv, `/api/books/${b.slug}`, r.token);
  await get(srv, `/api/books/${b.slug}`, ann.token); /* its author */
  const n = await poll(async () => ((await views(srv, b.id, ann.token)) === 3 ? 3 : null), { ms: 10000 });
  assert.equal(n, 3, 'three visitors: two browsers and one reader');
  await new Promise((res) => setTimeout(res, 2500)); /* another flush: nothing more */
  assert.equal(await views(srv, b.id, ann.token), 3);
});

test('trending is built from the recent views', async () => {
  const quiet = await publishedBook(srv, ann.token, { title: 'Quiet Book' });
  const hot = await publishedBook(srv, ann.token, { title: 'Hot Book' });
  for (let i = 0; i < 4; i++) await get(srv, `/api/books/${hot.slug}`, undefined, ua(`reader-${i}`));
  await get(srv, `/api/books/${quiet.slug}`, undefined, ua('reader-0'));
  await poll(async () => ((await views(srv, hot.id, ann.token)) === 4 ? true : null), { ms: 10000 });
  const t = await get(srv, '/api/books/trending');
  const ids = t.json.items.map((x) => x.id);
  assert.ok(ids.indexOf(hot.id) >= 0 && ids.indexOf(hot.id) < ids.indexOf(quiet.id), JSON.stringify(ids));
});

test('top rated uses a Bayesian average: one five-star review does not top the list', async () => {
  const one = await publishedBook(srv, ann.token, { title: 'One Glowing Review', price_cents: 0 });
  const many = await publishedBook(srv, ann.token, { title: 'Many Good Reviews', price_cents: 0 });
  const poor = await publishedBook(srv, ann.token, { title: 'Poor Reviews', price_cents: 0 });
  const rate = async (token, book, rating) => {
    const c = await api(srv.url, `/api/library/${book.id}`, { method: 'POST', headers: bearer(token) });
    assert.ok(c.status === 201 || c.status === 200, c.text);
    const r = await api(srv.url, `/api/books/${book.id}/reviews`, { method: 'POST', headers: bearer(token), json: { rating } });
    assert.equal(r.status, 201, r.text);
  };
  const readers = await Promise.all([reader(srv), reader(srv), reader(srv)]);
  await rate(readers[0].token, one, 5);
  for (const [i, r] of [5, 5, 4].entries()) await rate(readers[i].token, many, r);
  await rate(readers[0].token, poor, 2);
  await rate(readers[1].token, poor, 2);
  const top = await get(srv, '/api/books/top-rated');
  assert.deepEqual(top.json.items.map((x) => x.title), ['Many Good Reviews', 'One Glowing Review', 'Poor Reviews']);
  assert.equal(top.json.items[1].rating_avg, 5);
  assert.equal(top.json.items[1].rating_count, 1);
});

test('views counted just before shutdown are written on the way out', async () => {
  const dataDir = tempDir('mangu-views-');
  const env = {
    MANGU_RATE_LIMIT: 'off', MANGU_RATE_LIMIT_LOGIN: 'off', MANGU_RATE_LIMIT_SIGNUP: 'off',
  };
  let db = null;
  if (scaled) {
    db = await createDatabase();
    Object.assign(env, { MANGU_DATABASE_URL: db.url, MANGU_AUTO_MIGRATE: '1' });
  }
  const first = await startMangu({ dataDir, env });
  const w = await author(first, 'Shutdown Author');
  const b = await publishedBook(first, w.token, { title: 'Seen Last' });
  await get(first, `/api/books/${b.slug}`, undefined, ua('last-visitor'));
  assert.equal(await first.stop('SIGTERM'), 0);
  const second = await startMangu({ dataDir, env });
  try {
    const l = await api(second.url, '/api/auth/login', { method: 'POST', json: { email: w.email, password: 'violet-harbour-lantern-42' } });
    assert.equal(await views(second, b.id, l.json.access_token), 1);
  } finally {
    await second.stop();
    await db?.drop();
  }
});
