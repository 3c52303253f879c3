// 3105 files: the rows of a book's uploads as the API shows them, pending ones included.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { api } from './lib/mangu.mjs';
import { author, bearer, createBook, startCatalog } from './lib/catalog.mjs';

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
