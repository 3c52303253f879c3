// 1500 seed and sharing: `mangu seed` against the server's own database, generated covers,
// share tags put into index.html for book and author pages, sitemap.xml and robots.txt.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startMangu, runMangu, api, assertError, scaled } from './lib/mangu.mjs';

const ORIGIN = 'https://books.example';
const PASSWORD = 'mangu-demo-password';
const DRAFT = 'notes-toward-a-winter-novel';

let srv;
before(async () => {
  srv = await startMangu({ env: { MANGU_PUBLIC_URL: ORIGIN } });
});
after(() => srv?.stop());

/** `mangu seed ...` on the server's database: its data folder, and its PostgreSQL URL if any. */
function seed(...args) {
  return runMangu(['seed', ...args], { MANGU_DATABASE_URL: srv.env.MANGU_DATABASE_URL },
    { dataDir: srv.dataDir, timeout: 120000 });
}

// The server caches catalog pages, and each filter set's total, and cannot know another
// process wrote rows without a shared cache: ask for a filter set it has not counted yet (a
// price ceiling above every book's price).
let asked = 0;
async function totalBooks() {
  const r = await api(srv.url, `/api/books?price_max=${100000000 - ++asked}`);
  assert.equal(r.status, 200, r.text);
  return r.json.total;
}

async function login(email) {
  const r = await api(srv.url, '/api/auth/login', { method: 'POST', json: { email, password: PASSWORD } });
  assert.equal(r.status, 200, `login ${email}: ${r.text}`);
  return { authorization: `Bearer ${r.json.access_token}` };
}

/** The JSON-LD objects of a page, and the raw text of each script. */
function jsonLd(html) {
  const raw = [...html.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)].map((m) => m[1]);
  return { raw, objects: raw.map((t) => JSON.parse(t)) };
}

function metaContent(html, attr, name) {
  const m = html.match(new RegExp(`<meta ${attr}="${name.replace(/[.:]/g, '\\$&')}" content="([^"]*)"`));
  return m ? m[1] : null;
}

test('seed --demo loads a catalog and prints the demo accounts', async () => {
  const r = await seed('--demo');
  assert.equal(r.code, 0, r.output);
  const m = r.stdout.match(/wrote (\d+) books, (\d+) authors, (\d+) categories/);
  assert.ok(m, r.stdout);
  assert.ok(Number(m[1]) >= 150 && Number(m[2]) >= 60 && Number(m[3]) >= 12, r.stdout);
  for (const who of ['admin@mangu.local', 'author@mangu.local', 'reader@mangu.local', PASSWORD]) {
    assert.ok(r.stdout.includes(who), `${who} missing from: ${r.stdout}`);
  }
  assert.ok((await totalBooks()) >= 150);
});

test('seed --demo --if-empty does nothing once books exist', async () => {
  const before = await totalBooks();
  const r = await seed('--demo', '--if-empty');
  assert.equal(r.code, 0, r.output);
  assert.match(r.stdout, /nothing to do/);
  assert.equal(await totalBooks(), before);
});

test('the demo accounts sign in with the demo password', async () => {
  for (const email of ['admin@mangu.local', 'author@mangu.local', 'reader@mangu.local']) {
    await login(email);
  }
});

test('a demo book keeps its seeded rating when a reader reviews it', async () => {
  const free = await api(srv.url, '/api/books?free=true&limit=100');
  assert.equal(free.status, 200, free.text);
  const rated = free.json.items.find((b) => b.rating_count >= 3);
  assert.ok(rated, 'a free demo book with ratings');
  const before = (await api(srv.url, `/api/books/${rated.slug}`)).json;
  const reviews = await api(srv.url, `/api/books/${before.id}/reviews`);
  assert.equal(reviews.status, 200, reviews.text);
  assert.ok(reviews.json.items.length > 0, 'the seeded ratings are reviews by demo readers');
  const who = await login('reader@mangu.local');
  const claim = await api(srv.url, `/api/library/${before.id}`, { method: 'POST', headers: who });
  assert.ok([200, 201].includes(claim.status), claim.text);
  const r = await api(srv.url, `/api/books/${before.id}/reviews`, {
    method: 'POST', headers: who, json: { rating: 5, body: 'Better than I expected.' },
  });
  assert.equal(r.status, 201, r.text);
  const after = (await api(srv.url, `/api/books/${before.id}`)).json;
  assert.equal(after.rating_count, before.rating_count + 1);
  const sum = before.rating_avg * before.rating_count + 5;
  assert.ok(Math.abs(after.rating_avg - sum / (before.rating_count + 1)) < 0.02,
    `average ${after.rating_avg} from ${before.rating_avg} x ${before.rating_count} and one 5`);
});

test('a narrow price band in every order is the whole catalogue\'s, filtered (the band read first)', async () => {
  const page = async (q, offset) => {
    const r = await api(srv.url, `/api/books?${q}&limit=100&offset=${offset}`);
    assert.equal(r.status, 200, r.text);
    return r.json;
  };
  const all = async (q) => {
    const first = await page(q, 0);
    let items = first.items;
    for (let o = 100; o < first.total; o += 100) items = items.concat((await page(q, o)).items);
    return items;
  };
  const newest = await all('sort=newest');
  const ids = newest.map((b) => b.id);
  const span = Math.max(...ids) - Math.min(...ids) + 1;
  const counts = new Map();
  for (const b of newest) counts.set(b.price_cents, (counts.get(b.price_cents) || 0) + 1);
  /* store_books_price_first reads a band of at most an eighth of the ids first */
  const [price] = [...counts].filter(([, n]) => n >= 3 && n * 8 <= span).sort((x, y) => y[1] - x[1])[0] || [];
  assert.ok(price !== undefined, 'the demo has a price held by a few books');
  for (const sort of ['newest', 'popular', 'rating', 'title']) {
    const whole = sort === 'newest' ? newest : await all(`sort=${sort}`);
    const band = await all(`sort=${sort}&price_min=${price}&price_max=${price}`);
    assert.deepEqual(band.map((b) => b.slug), whole.filter((b) => b.price_cents === price).map((b) => b.slug), sort);
  }
});

test('a book has a generated SVG cover, cached for a day with an ETag', async () => {
  const r = await api(srv.url, '/api/books/pride-and-prejudice/cover.svg');
  assert.equal(r.status, 200, r.text);
  assert.match(r.headers.get('content-type') || '', /^image\/svg\+xml/);
  assert.match(r.text, /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" viewBox="0 0 400 600"/);
  assert.ok(r.text.includes('<title>Pride and Prejudice</title>'));
  assert.match(r.headers.get('cache-control') || '', /public, max-age=86400/);
  const etag = r.headers.get('etag');
  assert.ok(etag);
  const again = await api(srv.url, '/api/books/pride-and-prejudice/cover.svg', { headers: { 'if-none-match': etag } });
  assert.equal(again.status, 304);
  const book = await api(srv.url, '/api/books/pride-and-prejudice');
  assert.equal(book.status, 200, book.text);
  const byId = await api(srv.url, `/api/books/${book.json.id}/cover.svg`);
  assert.equal(byId.status, 200);
  assert.equal(byId.headers.get('etag'), etag, 'the same cover by id and by slug');
});

/** Width and height from a PNG's IHDR, after checking its signature. */
function pngSize(buf) {
  assert.deepEqual([...buf.subarray(0, 8)], [137, 80, 78, 71, 13, 10, 26, 10], 'the PNG signature');
  assert.equal(buf.subarray(12, 16).toString('latin1'), 'IHDR');
  return [buf.readUInt32BE(16), buf.readUInt32BE(20)];
}

async function getBytes(path, headers = {}) {
  const r = await fetch(new URL(path, srv.url), { headers, signal: AbortSignal.timeout(30000) });
  return { status: r.status, headers: r.headers, body: Buffer.from(await r.arrayBuffer()) };
}

test('a book has a 1200x630 PNG share card, cached with an ETag', async () => {
  const r = await getBytes('/api/books/pride-and-prejudice/cover.png');
  assert.equal(r.status, 200, r.body.toString());
  assert.equal(r.headers.get('content-type'), 'image/png');
  assert.deepEqual(pngSize(r.body), [1200, 630]);
  assert.match(r.headers.get('cache-control') || '', /public, max-age=86400/);
  const etag = r.headers.get('etag');
  assert.ok(etag);
  assert.equal((await getBytes('/api/books/pride-and-prejudice/cover.png', { 'if-none-match': etag })).status, 304);
  const again = await getBytes('/api/books/pride-and-prejudice/cover.png');
  assert.equal(again.headers.get('etag'), etag);
  assert.ok(again.body.equals(r.body), 'the same bytes from the cache');
  const other = await getBytes('/api/books/frankenstein/cover.png');
  assert.deepEqual(pngSize(other.body), [1200, 630]);
  assert.notEqual(other.headers.get('etag'), etag, 'each cover its own card');
  assertError(assert, await api(srv.url, '/api/books/no-such-book/cover.png'), 404, 'not_found');
  assertError(assert, await api(srv.url, `/api/books/${DRAFT}/cover.png`), 404, 'not_found');
  const mine = await getBytes(`/api/books/${DRAFT}/cover.png`, await login('author@mangu.local'));
  assert.equal(mine.status, 200);
  assert.doesNotMatch(mine.headers.get('cache-control') || '', /public/, 'a draft is never cached publicly');
});

test('an unknown book has no cover; a draft shows only to its author and admins', async () => {
  assertError(assert, await api(srv.url, '/api/books/no-such-book/cover.svg'), 404, 'not_found');
  assertError(assert, await api(srv.url, `/api/books/${DRAFT}/cover.svg`), 404, 'not_found');
  const reader = await api(srv.url, `/api/books/${DRAFT}/cover.svg`, { headers: await login('reader@mangu.local') });
  assertError(assert, reader, 404, 'not_found');
  for (const email of ['author@mangu.local', 'admin@mangu.local']) {
    const r = await api(srv.url, `/api/books/${DRAFT}/cover.svg`, { headers: await login(email) });
    assert.equal(r.status, 200, `${email}: ${r.text}`);
    assert.doesNotMatch(r.headers.get('cache-control') || '', /public/, 'a draft is never cached publicly');
  }
});

test('a book page carries its title, OpenGraph tags and Book + Offer JSON-LD', async () => {
  const book = (await api(srv.url, '/api/books/pride-and-prejudice')).json;
  const r = await api(srv.url, '/books/pride-and-prejudice');
  assert.equal(r.status, 200);
  assert.match(r.headers.get('content-type') || '', /^text\/html/);
  assert.equal((r.text.match(/<title>/g) || []).length, 1, 'one <title>');
  assert.match(r.text, /<title>Pride and Prejudice by Jane Austen \| MANGU Publishing<\/title>/);
  assert.equal(metaContent(r.text, 'property', 'og:title'), 'Pride and Prejudice');
  assert.equal(metaContent(r.text, 'property', 'og:type'), 'book');
  assert.equal(metaContent(r.text, 'property', 'og:url'), `${ORIGIN}/books/pride-and-prejudice`);
  const card = `${ORIGIN}/api/books/pride-and-prejudice/cover.png`;
  assert.equal(metaContent(r.text, 'property', 'og:image'), card, 'a PNG: social sites show no SVG');
  assert.equal(metaContent(r.text, 'property', 'og:image:type'), 'image/png');
  assert.equal(metaContent(r.text, 'property', 'og:image:width'), '1200');
  assert.equal(metaContent(r.text, 'property', 'og:image:height'), '630');
  assert.equal(metaContent(r.text, 'name', 'twitter:card'), 'summary_large_image');
  assert.equal(metaContent(r.text, 'name', 'twitter:image'), card);
  assert.ok(r.text.includes(`<link rel="canonical" href="${ORIGIN}/books/pride-and-prejudice">`));
  assert.ok(metaContent(r.text, 'name', 'description').length > 40);
  assert.ok(r.text.includes('mangu-test-index'), 'still the client page');
  const { raw, objects } = jsonLd(r.text);
  assert.equal(objects.length, 1);
  assert.ok(!raw[0].includes('</'), 'no "</" inside the JSON-LD');
  const ld = objects[0];
  assert.equal(ld['@type'], 'Book');
  assert.equal(ld.name, 'Pride and Prejudice');
  assert.equal(ld.author[0].name, 'Jane Austen');
  assert.equal(ld.offers['@type'], 'Offer');
  assert.equal(ld.offers.price, (book.price_cents / 100).toFixed(2));
  assert.equal(ld.offers.priceCurrency, book.currency || 'USD');
});

test('an author page has profile tags and Person JSON-LD', async () => {
  const r = await api(srv.url, '/authors/jane-austen');
  assert.equal(r.status, 200);
  assert.equal(metaContent(r.text, 'property', 'og:type'), 'profile');
  assert.equal(metaContent(r.text, 'property', 'og:title'), 'Jane Austen');
  assert.match(metaContent(r.text, 'property', 'og:image'), /^https:\/\/books\.example\/api\/books\/[a-z0-9-]+\/cover\.png$/);
  assert.equal(metaContent(r.text, 'name', 'twitter:card'), 'summary_large_image');
  const ld = jsonLd(r.text).objects[0];
  assert.equal(ld['@type'], 'Person');
  assert.ok(ld.workExample.some((b) => b.name === 'Pride and Prejudice'));
});

test('an unknown or unpublished book page is index.html with status 404', async () => {
  for (const p of ['/books/no-such-book', `/books/${DRAFT}`, '/authors/nobody-at-all']) {
    const r = await api(srv.url, p);
    assert.equal(r.status, 404, p);
    assert.match(r.headers.get('content-type') || '', /^text\/html/, p);
    assert.ok(r.text.includes('mangu-test-index'), `${p}: the client page, which shows its own 404`);
    assert.ok(!r.text.includes('og:title'), p);
  }
});

test('sitemap.xml lists published books, authors and categories by absolute URL', async () => {
  const r = await api(srv.url, '/sitemap.xml');
  assert.equal(r.status, 200);
  assert.match(r.headers.get('content-type') || '', /xml/);
  assert.match(r.text, /^<\?xml version="1.0" encoding="UTF-8"\?>\n<urlset /);
  for (const p of ['/books/pride-and-prejudice', '/authors/jane-austen', '/categories/fantasy']) {
    assert.ok(r.text.includes(`<loc>${ORIGIN}${p}</loc>`), `${p} missing`);
  }
  assert.ok(!r.text.includes(DRAFT), 'drafts are not listed');
});

test('robots.txt allows everything and names the sitemap', async () => {
  const r = await api(srv.url, '/robots.txt');
  assert.equal(r.status, 200);
  assert.match(r.headers.get('content-type') || '', /^text\/plain/);
  assert.match(r.text, /User-agent: \*/);
  assert.ok(r.text.includes(`Sitemap: ${ORIGIN}/sitemap.xml`));
});

test('seeding the database of a running server drops its cached catalog pages (Redis)', {
  skip: !scaled && 'only a shared cache (Redis) can be reached from another process',
}, async () => {
  const page = '/api/books?limit=48&sort=title';
  const first = await api(srv.url, page);
  assert.equal(first.status, 200, first.text);
  assert.equal((await api(srv.url, page)).headers.get('etag'), first.headers.get('etag'), 'served from the cache');
  const featured = await api(srv.url, '/api/books/featured');
  assert.equal(featured.status, 200, featured.text);
  const r = await runMangu(['seed', '--books', '60', '--seed', '77'], {
    MANGU_DATABASE_URL: srv.env.MANGU_DATABASE_URL,
    MANGU_REDIS_URL: srv.env.MANGU_REDIS_URL,
    MANGU_CACHE_PREFIX: srv.env.MANGU_CACHE_PREFIX,
  }, { dataDir: srv.dataDir, timeout: 120000 });
  assert.equal(r.code, 0, r.output);
  const after = await api(srv.url, page);
  assert.equal(after.json.total, first.json.total + 60, 'the new books show up at once');
  assert.notEqual(after.headers.get('etag'), first.headers.get('etag'));
});

test(`seed --books 2000 adds generated books (${scaled ? 'PostgreSQL' : 'SQLite'})`, async () => {
  const before = await totalBooks();
  const r = await seed('--books', '2000');
  assert.equal(r.code, 0, r.output);
  assert.match(r.stdout, /wrote 2000 books/);
  assert.equal(await totalBooks(), before + 2000);
  const search = await api(srv.url, '/api/books/search?q=protocol');
  assert.equal(search.status, 200, search.text);
  assert.ok(search.json.total > 0, 'generated books are in the search index');
});

test('seed refuses bad options', async () => {
  for (const args of [[], ['--books', '0'], ['--books', 'many'], ['--nope']]) {
    const r = await seed(...args);
    assert.equal(r.code, 2, `${args.join(' ')}: ${r.output}`);
  }
});
