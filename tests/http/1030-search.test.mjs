// 1030 search: relevance, typo correction, accents, facets, highlights, hostile input, typeahead.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { api, assertError } from './lib/mangu.mjs';
import { startCatalog, author, admin, publishedBook, createBook, category, get, bearer } from './lib/catalog.mjs';

let srv, carroll, ryan, cook, boss, classics, kids;
before(async () => {
  srv = await startCatalog();
  [carroll, ryan, cook, boss] = await Promise.all([
    author(srv, 'Lewis Carroll'), author(srv, 'Pam Muñoz Ryan'), author(srv, 'Olive Baker'), admin(srv)]);
  classics = await category(srv, boss.token, { name: 'Classics' });
  kids = await category(srv, boss.token, { name: 'Children' });
  await publishedBook(srv, carroll.token, {
    title: "Alice's Adventures in Wonderland", price_cents: 499, category_ids: [classics.id, kids.id],
    description: 'A bored girl follows a white rabbit down a hole into a world of riddles, tea parties and a furious queen.',
  });
  await publishedBook(srv, carroll.token, {
    title: 'Through the Looking-Glass', price_cents: 0, language: 'fr', category_ids: [classics.id],
    description: 'Alice steps through a mirror into a chessboard country where everything runs backwards.',
  });
  await publishedBook(srv, ryan.token, {
    title: 'Esperánza Rising', price_cents: 1299, language: 'es', category_ids: [kids.id],
    description: 'A girl leaves her ranch in Mexico for the labour camps of California.',
  });
  await publishedBook(srv, cook.token, {
    title: 'The Rabbit Stew Cookbook', price_cents: 2500,
    description: 'Country recipes, from stews to pies, for cooks in a hurry.',
  });
  await createBook(srv, carroll.token, { title: 'Wonderland Notebooks (draft)' });
});
after(() => srv?.stop());

const search = (q, extra = '') => get(srv, `/api/books/search?q=${encodeURIComponent(q)}${extra}`);
const titles = (r) => r.json.items.map((x) => x.title);

test('"alcie wonderlnd" finds Alice, with did_you_mean', async () => {
  const r = await search('alcie wonderlnd');
  assert.equal(r.status, 200, r.text);
  assert.equal(titles(r)[0], "Alice's Adventures in Wonderland");
  assert.equal(r.json.did_you_mean, 'alice wonderland');
  const exact = await search('alice wonderland');
  assert.equal(exact.json.did_you_mean, null);
  assert.deepEqual(titles(exact), ["Alice's Adventures in Wonderland"]); /* not the draft */
});

test('"esperanza" finds "Esperánza"; case and accents never matter', async () => {
  for (const q of ['esperanza', 'ESPERÁNZA', 'Esperánza', 'esperánza rising']) {
    const r = await search(q);
    assert.deepEqual(titles(r), ['Esperánza Rising'], q);
  }
  const r = await search('esperanza');
  assert.deepEqual(r.json.items[0].highlight.title, [{ text: 'Esperánza', match: true }, { text: ' Rising', match: false }]);
  assert.deepEqual(titles(await search('munoz')), ['Esperánza Rising']); /* author names, folded */
});

test('title matches rank above author matches above description matches', async () => {
  const r = await search('rabbit');
  assert.deepEqual(titles(r), ['The Rabbit Stew Cookbook', "Alice's Adventures in Wonderland"]);
  const alice = await search('alice');
  assert.equal(titles(alice)[0], "Alice's Adventures in Wonderland"); /* title beats description */
  assert.equal(alice.json.total, 2);
  assert.deepEqual(titles(await search('carroll')).sort(), ["Alice's Adventures in Wonderland", 'Through the Looking-Glass']);
});

test('highlights are plain segments; snippets are a window of the description', async () => {
  const r = await search('hole');
  const h = r.json.items[0].highlight;
  assert.ok(h.snippet.some((s) => s.match && s.text === 'hole'), JSON.stringify(h.snippet));
  assert.ok(h.snippet.every((s) => typeof s.text === 'string' && typeof s.match === 'boolean'));
  assert.ok(h.title.every((s) => !s.match));
  const joined = h.snippet.map((s) => s.text).join('');
  assert.ok(joined.includes('white rabbit down a hole into'), joined);
});

test('facets count every result and add up to the total', async () => {
  const r = await search('a'); /* in every description */
  assert.equal(r.status, 200);
  assert.equal(r.json.total, 4);
  const f = r.json.facets;
  const sum = (xs) => xs.reduce((n, x) => n + x.count, 0);
  assert.equal(sum(f.languages), r.json.total);
  assert.equal(sum(f.price_bands), r.json.total);
  assert.deepEqual(f.price_bands.map((b) => b.value), ['free', 'under-5', '5-10', '10-20', 'over-20']);
  assert.deepEqual(f.price_bands.map((b) => b.count), [1, 1, 0, 1, 1]);
  assert.deepEqual(f.languages[0], { value: 'en', count: 2 });
  assert.deepEqual(f.categories.find((c) => c.slug === 'classics'), { slug: 'classics', name: 'Classics', count: 2 });
  assert.equal(f.authors.find((a) => a.slug === carroll.author.slug).count, 2);
  const page = await search('a', '&limit=1&offset=1');
  assert.equal(page.json.items.length, 1);
  assert.equal(page.json.total, 4);
  assert.equal(sum(page.json.facets.languages), 4);
});

test('filters narrow results and the facets with them', async () => {
  assert.deepEqual(titles(await search('a', '&category=children')).sort(), ["Alice's Adventures in Wonderland", 'Esperánza Rising']);
  assert.deepEqual(titles(await search('a', `&author=${ryan.author.slug}`)), ['Esperánza Rising']);
  assert.deepEqual(titles(await search('a', '&language=fr')), ['Through the Looking-Glass']);
  assert.deepEqual(titles(await search('a', '&price=free')), ['Through the Looking-Glass']);
  assert.deepEqual(titles(await search('a', '&price=under-5')), ["Alice's Adventures in Wonderland"]);
  assert.deepEqual(titles(await search('a', '&price=over-20')), ['The Rabbit Stew Cookbook']);
  const r = await search('a', '&price=10-20');
  assert.equal(r.json.total, 1);
  assert.equal(r.json.facets.price_bands.find((b) => b.value === '10-20').count, 1);
  for (const bad of ['&price=cheap', '&limit=101', '&offset=-1', '&category=Not%20A%20Slug', '&language=klingon']) {
    assertError(assert, await search('a', bad), 400, 'validation_failed');
  }
});

test('hostile queries get results or a clear 400, never a 5xx', async () => {
  const cases = ['"', '""""', "'", 'alice"', '"alice', '*', 'alice*', '**', 'NEAR', 'NEAR(alice wonderland)',
    '-', '-alice', 'alice -wonderland', 'OR', 'alice OR', 'OR alice', 'AND', 'NOT', 'alice AND NOT',
    '^alice', 'title:alice', '{title}:alice', '(', ')', 'alice)', ':', '\\', '%', '_', ';', "'; DROP TABLE books; --",
    '😀', '🐇 rabbit', '\u0000', 'x'.repeat(10240), 'alice '.repeat(2000), 'ä'.repeat(3000), '\u202e\u200d',
    '<script>alert(1)</script>', '${jndi:x}', '\uFFFD'];
  for (const q of cases) {
    const r = await search(q);
    assert.ok(r.status === 200 || r.status === 400, `${JSON.stringify(q.slice(0, 40))}: ${r.status} ${r.text.slice(0, 200)}`);
    if (r.status === 400) assertError(assert, r, 400, 'validation_failed');
    else assert.ok(Array.isArray(r.json.items));
  }
  assert.equal((await search('🐇 rabbit')).json.total, 2);
  assert.equal((await search('"alice"')).json.total, 2);
  assert.equal((await search('alice OR')).json.total, 0); /* "or" is a word like any other */
  assert.deepEqual((await search('***')).json.items, []);
  for (const raw of ['%FF', 'al%C3ice', '%ED%A0%80', '%C0%AF']) {
    const r = await get(srv, `/api/books/search?q=${raw}`);
    assertError(assert, r, 400, 'validation_failed');
    assert.ok(r.json.error.details.fields.q);
  }
  for (const q of ['', '   ']) assertError(assert, await search(q), 400, 'validation_failed');
  assertError(assert, await get(srv, '/api/books/search'), 400, 'validation_failed');
});

test('suggest: titles by prefix, then authors, at most 10', async () => {
  const s = (q) => get(srv, `/api/books/suggest?q=${encodeURIComponent(q)}`);
  const r = await s('alic');
  assert.equal(r.status, 200, r.text);
  assert.deepEqual(r.json.items[0], {
    type: 'book', id: r.json.items[0].id, slug: 'alices-adventures-in-wonderland',
    title: "Alice's Adventures in Wonderland", author: 'Lewis Carroll',
    cover_url: '/api/books/alices-adventures-in-wonderland/cover.svg',
  });
  const lew = await s('lew');
  assert.deepEqual(lew.json.items, [{ type: 'author', id: carroll.author.id, slug: carroll.author.slug, name: 'Lewis Carroll' }]);
  assert.deepEqual((await s('through the look')).json.items.map((x) => x.title), ['Through the Looking-Glass']);
  assert.deepEqual((await s('esper')).json.items.map((x) => x.title), ['Esperánza Rising']);
  assert.deepEqual((await s('a')).json.items, []);
  assert.deepEqual((await s('"*')).json.items, []);
  assert.ok((await s('the')).json.items.length <= 10);
  assert.ok(!(await s('wonderl')).json.items.some((x) => /draft/.test(x.title ?? '')));
  assertError(assert, await get(srv, '/api/books/suggest'), 400, 'validation_failed');
  assertError(assert, await get(srv, '/api/books/suggest?q=%FF'), 400, 'validation_failed');
  assert.equal((await s('x'.repeat(5000))).status, 200);
});

/* PostgreSQL keeps copies of a book's status, language, price and title beside its search
 * document (migration 0009): each change must reach the filters and the typeahead. */
test('price, language, title and unpublishing reach the filters and the typeahead at once', async () => {
  const b = await publishedBook(srv, cook.token, { title: 'Quinceberry Preserves', price_cents: 300, description: 'Jams.' });
  const patch = (json) => api(srv.url, `/api/books/${b.id}`, { method: 'PATCH', headers: bearer(cook.token), json });
  const suggested = async (q) => (await get(srv, `/api/books/suggest?q=${q}`)).json.items.map((x) => x.title);
  assert.deepEqual(titles(await search('quinceberry', '&price=under-5')), ['Quinceberry Preserves']);
  assert.equal((await patch({ price_cents: 1500, language: 'de' })).status, 200);
  assert.deepEqual(titles(await search('quinceberry', '&price=under-5')), []);
  assert.deepEqual(titles(await search('quinceberry', '&price=10-20&language=de')), ['Quinceberry Preserves']);
  assert.equal((await patch({ title: 'Marmalade Days' })).status, 200);
  assert.deepEqual(await suggested('quinceb'), []);
  assert.deepEqual(await suggested('marmal'), ['Marmalade Days']);
  const off = await api(srv.url, `/api/books/${b.id}/unpublish`, { method: 'POST', headers: bearer(cook.token) });
  assert.equal(off.status, 200, off.text);
  assert.equal((await search('marmalade')).json.total, 0);
  assert.deepEqual(await suggested('marmal'), []);
});

/* PostgreSQL keeps each book's author and category ids beside its search document (migration
 * 0010) and the facets are counted from those copies: each change must reach the facets. */
test('a change of categories or authors, or a deleted category, reaches the facets at once', async () => {
  const [poetry, drama] = await Promise.all([
    category(srv, boss.token, { name: 'Poetry' }), category(srv, boss.token, { name: 'Drama' })]);
  const b = await publishedBook(srv, cook.token, { title: 'Zanzibar Verses', category_ids: [poetry.id], description: 'Poems.' });
  const facets = async () => (await search('zanzibar')).json.facets;
  const slugs = (xs) => xs.map((x) => x.slug).sort();
  let f = await facets();
  assert.deepEqual(slugs(f.categories), ['poetry']);
  assert.deepEqual(slugs(f.authors), [cook.author.slug]);
  const patch = await api(srv.url, `/api/books/${b.id}`, {
    method: 'PATCH', headers: bearer(cook.token),
    json: { category_ids: [drama.id, classics.id], author_ids: [cook.author.id, ryan.author.id] },
  });
  assert.equal(patch.status, 200, patch.text);
  f = await facets();
  assert.deepEqual(slugs(f.categories), ['classics', 'drama']);
  assert.deepEqual(slugs(f.authors), [cook.author.slug, ryan.author.slug].sort());
  assert.ok(f.categories.every((c) => c.count === 1 && c.name));
  const del = await api(srv.url, `/api/categories/${drama.id}`, { method: 'DELETE', headers: bearer(boss.token) });
  assert.ok(del.status === 200 || del.status === 204, del.text);
  assert.deepEqual(slugs((await facets()).categories), ['classics']);
});

/* PostgreSQL also keeps each book's language and price band as terms of its search document
 * (migration 0011) and intersects a search's filters with its words through them: every band
 * edge and a regional language tag must land where the columns say. */
test('price band edges and regional languages filter exactly', async () => {
  const prices = [0, 1, 499, 500, 999, 1000, 1999, 2000, 12000];
  const made = await Promise.all(prices.map((price_cents, i) => publishedBook(srv, cook.token, {
    title: `Gooseberry Almanac ${i}`, price_cents, language: i === 2 ? 'pt-br' : 'en', description: 'Edges.',
  })));
  const ids = (r) => r.json.items.map((x) => x.id).sort((a, b) => a - b);
  const expect = (pick) => made.filter((_, i) => pick(prices[i], i)).map((b) => b.id).sort((a, b) => a - b);
  const bands = {
    free: (p) => p === 0, 'under-5': (p) => p >= 1 && p <= 499, '5-10': (p) => p >= 500 && p <= 999,
    '10-20': (p) => p >= 1000 && p <= 1999, 'over-20': (p) => p >= 2000,
  };
  for (const [band, pick] of Object.entries(bands)) {
    assert.deepEqual(ids(await search('gooseberry', `&price=${band}`)), expect(pick), band);
  }
  assert.deepEqual(ids(await search('gooseberry', '&language=pt-BR')), expect((_, i) => i === 2));
  assert.deepEqual(ids(await search('gooseberry', '&language=en&price=under-5')), expect((p, i) => i === 1));
  const patch = await api(srv.url, `/api/books/${made[0].id}`, {
    method: 'PATCH', headers: bearer(cook.token), json: { price_cents: 450, language: 'pt-BR' },
  });
  assert.equal(patch.status, 200, patch.text);
  assert.deepEqual(ids(await search('gooseberry', '&price=free')), []);
  assert.deepEqual(ids(await search('gooseberry', '&language=pt-br&price=under-5')),
    [made[0].id, made[2].id].sort((a, b) => a - b));
});

test('a category filter takes in its subcategories, at any depth, and nothing beside them', async () => {
  const picture = await category(srv, boss.token, { name: 'Picture Books', parent_id: kids.id });
  const pop = await category(srv, boss.token, { name: 'Pop-up Books', parent_id: picture.id });
  const aside = await category(srv, boss.token, { name: 'Atlases' });
  await publishedBook(srv, cook.token, { title: 'The Marmalade Balloon', category_ids: [pop.id] });
  await publishedBook(srv, cook.token, { title: 'Marmalade Coasts', category_ids: [aside.id] });
  const found = async (cat) => titles(await search('marmalade', `&category=${cat}`));
  assert.deepEqual(await found(kids.slug), ['The Marmalade Balloon']);
  assert.deepEqual(await found(picture.slug), ['The Marmalade Balloon']);
  assert.deepEqual(await found(aside.slug), ['Marmalade Coasts']);
  assert.deepEqual(await found(classics.slug), []);
  assert.deepEqual(await found('no-such-genre'), []);
});
