// 3105 files: the rows of a book's uploads as the API shows them, pending ones included.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { api } from './lib/mangu.mjs';
import { author, bearer, createBook, publishedBook, startCatalog } from './lib/catalog.mjs';
import { makePng } from './lib/images.mjs';


async function getBytes(path, headers = {}) {
  const r = await fetch(new URL(path, srv.url), { headers, signal: AbortSignal.timeout(30000) });
  return { status: r.status, headers: r.headers, body: Buffer.from(await r.arrayBuffer()) };
}

function pngSize(buf) {
  assert.deepEqual([...buf.subarray(0, 8)], [137, 80, 78, 71, 13, 10, 26, 10], 'the PNG signature');
  return [buf.readUInt32BE(16), buf.readUInt32BE(20)];
}

const STAMP = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/;

let srv;
let writer;
before(async () => {
  srv = await startCatalog();
  writer = await author(srv);
});
after(() => srv?.stop());

test('a pending upload has its creation time, in the answer and in the list', async () => {
  const b = await createBook(srv, writer.token);
  assert.equal(b.status, 201, b.text);
  const ask = await api(srv.url, `/api/books/${b.json.id}/files`, {
    method: 'POST', headers: bearer(writer.token),
    json: { kind: 'cover', file_name: 'c.png', content_type: 'image/png', size: 1000 },
  });
  assert.equal(ask.status, 201, ask.text);
  assert.equal(ask.json.file.status, 'pending');
  assert.match(ask.json.file.created_at, STAMP);
  const list = await api(srv.url, `/api/books/${b.json.id}/files`, { headers: bearer(writer.token) });
  assert.equal(list.status, 200, list.text);
  const row = list.json.items.find((f) => f.id === ask.json.file.id);
  assert.ok(row, list.text);
  assert.equal(row.status, 'pending');
  assert.equal(row.created_at, ask.json.file.created_at);
});

test('the share card of a book with an uploaded cover is made from that cover', async () => {
  const b = await publishedBook(srv, writer.token, { title: `Card ${Date.now()}` });
  const generated = await getBytes(`/api/books/${b.slug}/cover.png`);
  assert.equal(generated.status, 200);
  assert.deepEqual(pngSize(generated.body), [1200, 630]);
  const png = makePng(300, 450);
  const ask = await api(srv.url, `/api/books/${b.id}/files`, {
    method: 'POST', headers: bearer(writer.token),
    json: { kind: 'cover', file_name: 'cover.png', content_type: 'image/png', size: png.length },
  });
  assert.equal(ask.status, 201, ask.text);
  const put = await fetch(new URL(ask.json.upload.url, srv.url), { method: ask.json.upload.method, headers: ask.json.upload.headers, body: png });
  assert.ok(put.status === 200 || put.status === 204, `upload answered ${put.status}`);
  const done = await api(srv.url, `/api/books/${b.id}/files/${ask.json.file.id}/complete`, {
    method: 'POST', headers: bearer(writer.token),
  });
  assert.equal(done.status, 200, done.text);
  const card = await getBytes(`/api/books/${b.slug}/cover.png`);
  assert.equal(card.status, 200, card.body.toString());
  assert.equal(card.headers.get('content-type'), 'image/png');
  assert.deepEqual(pngSize(card.body), [1200, 630]);
  assert.notEqual(card.headers.get('etag'), generated.headers.get('etag'), 'a new cover, a new card');
  assert.ok(!card.body.equals(generated.body));
  const page = await api(srv.url, `/books/${b.slug}`);
  assert.match(page.text, new RegExp(`<meta property="og:image" content="[^"]*/api/books/${b.slug}/cover\\.png">`));
});
