// 1031 search at scale: above 200 matches the newest 200 are ranked and the total and facets are
// estimates ("approximate"); rarer words stay exact; a catalogue write is seen by the next search.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { runMangu, scaled, sqlAt } from './lib/mangu.mjs';
import { startCatalog, author, publishedBook, get } from './lib/catalog.mjs';

const SAMPLE = 200; /* SEARCH_SAMPLE in src/service/search.h */
let srv, seededAfter;
before(async () => {
  srv = await startCatalog();
  if (scaled) seededAfter = await sqlAt(srv.env.MANGU_DATABASE_URL, 'SELECT now()');
  const r = await runMangu(['seed', '--books', '1500'], { MANGU_DATABASE_URL: srv.env.MANGU_DATABASE_URL },
    { dataDir: srv.dataDir, timeout: 120000 });
  assert.equal(r.code, 0, r.output);
});
after(() => srv?.stop());

test('PostgreSQL: the seed leaves the search tables analyzed (a common word is planned as common)',
  { skip: !scaled && 'PostgreSQL only' }, async () => {
    const fresh = await sqlAt(srv.env.MANGU_DATABASE_URL, `SELECT string_agg(relname, ',' ORDER BY relname) FROM
      pg_stat_user_tables WHERE relname IN ('books', 'book_search', 'search_words') AND last_analyze >= '${seededAfter}'`);
    assert.equal(fresh, 'book_search,books,search_words');
    const plan = JSON.parse(await sqlAt(srv.env.MANGU_DATABASE_URL, `EXPLAIN (FORMAT JSON) SELECT 1 FROM book_search
      WHERE document @@ plainto_tsquery('mangu_search', 'the')`))[0].Plan;
    const actual = Number(await sqlAt(srv.env.MANGU_DATABASE_URL,
      `SELECT count(*) FROM book_search WHERE document @@ plainto_tsquery('mangu_search', 'the')`));
    assert.ok(plan['Plan Rows'] > actual / 2, `estimated ${plan['Plan Rows']} of ${actual} matches`);
  });

const search = async (q, extra = '') => {
  const r = await get(srv, `/api/books/search?q=${encodeURIComponent(q)}${extra}`);
  assert.equal(r.status, 200, r.text);
  return r.json;
};
const sum = (xs) => xs.reduce((n, x) => n + x.count, 0);

test('a common word: approximate total and facets, every match reachable once by paging', async () => {
  const first = await search('the', '&limit=100');
  assert.equal(first.approximate, true);
  assert.ok(first.total > SAMPLE, `total ${first.total}`);
  assert.equal(first.items.length, 100);
  for (const f of [first.facets.languages, first.facets.price_bands]) {
    assert.ok(Math.abs(sum(f) - first.total) <= f.length, `${sum(f)} vs ${first.total}`); /* rounding */
  }
  assert.ok(first.facets.categories.length > 0 && first.facets.authors.length > 0);
  /* categories are counted over the 200 newest matches, then scaled to the estimated total: every
     book has a category, so the (top 20 of 21) categories' counts come near the total */
  const cats = sum(first.facets.categories);
  assert.ok(cats >= first.total * 0.6 && cats <= first.total * 2, `categories ${cats} vs ${first.total}`);
  const seen = new Set();
  for (let offset = 0; ; offset += 100) {
    const page = await search('the', `&limit=100&offset=${offset}`);
    for (const b of page.items) {
      assert.ok(!seen.has(b.id), `book ${b.id} twice (offset ${offset})`);
      seen.add(b.id);
    }
    if (page.items.length < 100) break;
  }
  assert.ok(seen.size > SAMPLE, `${seen.size} matches`);
  assert.ok(Math.abs(first.total - seen.size) <= seen.size * 0.25, `estimate ${first.total}, real ${seen.size}`);
});

test('a rarer word: exact total and facets that add up', async () => {
  const some = (await get(srv, '/api/books?limit=1&sort=title')).json.items[0];
  const word = some.title.split(/[^A-Za-z]+/).sort((a, b) => b.length - a.length)[0];
  const r = await search(word);
  assert.ok(r.total >= 1 && r.total <= SAMPLE, `${word}: ${r.total}`);
  assert.equal(r.approximate, false);
  assert.equal(sum(r.facets.languages), r.total);
  assert.equal(sum(r.facets.price_bands), r.total);
  assert.ok(r.items.some((b) => b.id === some.id));
});

test('a cached search sees a newly published book at once; case and accents share the entry', async () => {
  const none = await search('Quokkaesque');
  assert.equal(none.total, 0);
  const writer = await author(srv, 'Quinn Quokka');
  const book = await publishedBook(srv, writer.token, { title: 'Quokkaesque Days', description: 'Small and cheerful.' });
  for (const q of ['quokkaesque', 'QUOKKAÉSQUE', '"Quokkaesque"']) {
    const r = await search(q);
    assert.equal(r.total, 1, q);
    assert.equal(r.items[0].id, book.id);
  }
});
