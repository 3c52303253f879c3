// Publishing: upload targets, validation on completion, covers and thumbnails, and readers'
// access to what was uploaded. Uses the real files in ../shared/testdata.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { makePng } from './lib/images.mjs';
import { api, assertError, repoRoot } from './lib/mangu.mjs';
import { author, bearer, createBook, publishedBook, reader, startCatalog } from './lib/catalog.mjs';

const testdata = process.env.MANGU_TESTDATA || path.resolve(repoRoot, '../shared/testdata');
const file = (rel) => fs.readFileSync(path.join(testdata, rel));
const JPEG = Buffer.from(
  '/9j/4AAQSkZJRgABAQEASABIAAD/2wBDAP//////////////////////////////////////////////////////' +
  '////////////////////////////////wgALCAABAAEBAREA/8QAFBABAAAAAAAAAAAAAAAAAAAAAP/aAAgBAQAB' +
  'PxA=', 'base64');

const PNG = makePng();

let srv;
let writer;
before(async () => {
  srv = await startCatalog();
  writer = await author(srv);
});
after(() => srv?.stop());

async function askUpload(token, bookId, kind, name, type, bytes) {
  return api(srv.url, `/api/books/${bookId}/files`, {
    method: 'POST', headers: bearer(token),
    json: { kind, file_name: name, content_type: type, size: bytes.length },
  });
}

/* Disk upload URLs are paths (same origin as the page); S3's are absolute. */
const absolute = (url) => new URL(url, srv.url);

async function send(target, bytes) {
  const r = await fetch(absolute(target.url), { method: target.method, headers: target.headers, body: bytes });
  return { status: r.status, text: await r.text() };
}

async function upload(token, bookId, kind, name, type, bytes) {
  const a = await askUpload(token, bookId, kind, name, type, bytes);
  assert.equal(a.status, 201, a.text);
  const put = await send(a.json.upload, bytes);
  assert.ok(put.status === 200 || put.status === 204, `upload answered ${put.status} ${put.text}`);
  const done = await api(srv.url, `/api/books/${bookId}/files/${a.json.file.id}/complete`, {
    method: 'POST', headers: bearer(token),
  });
  return { ask: a, done };
}

async function draft(over = {}) {
  const c = await createBook(srv, writer.token, over);
  assert.equal(c.status, 201, c.text);
  return c.json;
}

test('an EPUB 3 is accepted with its metadata and cover, and becomes the current manuscript', async () => {
  const b = await draft();
  const { ask, done } = await upload(writer.token, b.id, 'manuscript', 'alice.epub',
    'application/epub+zip', file('epub/epub3-alice-cover.epub'));
  assert.equal(ask.json.file.status, 'pending');
  assert.ok(ask.json.upload.expires_in <= 900);
  assert.equal(done.status, 200, done.text);
  assert.equal(done.json.file.status, 'ready');
  const meta = done.json.report.metadata;
  assert.match(meta.title, /Alice/);
  assert.ok(JSON.stringify(meta).includes('Lewis Carroll'));
  assert.match(meta.language, /^en/);
  assert.ok(done.json.report.cover, 'the cover inside the EPUB was found');
  const list = await api(srv.url, `/api/books/${b.id}/files`, { headers: bearer(writer.token) });
  assert.deepEqual(list.json.items.map((f) => [f.kind, f.version, f.status]),
    [['cover', 1, 'ready'], ['manuscript', 1, 'ready']]);
});

test("the EPUB's own cover becomes the cover of a book that has none, with thumbnails", async () => {
  const b = await draft();
  const { done } = await upload(writer.token, b.id, 'manuscript', 'alice.epub', 'application/epub+zip',
    file('epub/epub3-alice-cover.epub'));
  assert.equal(done.status, 200, done.text);
  assert.equal(done.json.report.book_cover_from_manuscript, true);
  const detail = await api(srv.url, `/api/books/${b.id}`, { headers: bearer(writer.token) });
  assert.match(detail.json.cover_url, /^\/static\/books\/\d+\/cover\/v1-[0-9a-f]{16}-(320|640)\.webp$/);
  for (const url of [detail.json.cover_url, detail.json.cover_url.replace(/-\d+\.webp$/, '-160.jpg')]) {
    const img = await fetch(new URL(url, srv.url));
    assert.equal(img.status, 200, url);
    const bytes = Buffer.from(await img.arrayBuffer());
    assert.ok(url.endsWith('.webp') ? bytes.subarray(8, 12).toString() === 'WEBP' : bytes[0] === 0xff, url);
  }
  // no cover inside: nothing changes; a book with a cover keeps it
  const bare = await draft();
  const plain = await upload(writer.token, bare.id, 'manuscript', 'm.epub', 'application/epub+zip',
    file('epub/epub2-minimal-nocover.epub'));
  assert.equal(plain.done.json.report.book_cover_from_manuscript, false);
  const bareDetail = await api(srv.url, `/api/books/${bare.id}`, { headers: bearer(writer.token) });
  assert.doesNotMatch(bareDetail.json.cover_url ?? '', /^\/static\//, 'still the generated cover');
  const again = await upload(writer.token, b.id, 'manuscript', 'alice2.epub', 'application/epub+zip',
    file('epub/epub2-alice-gutenberg-cover.epub'));
  assert.equal(again.done.json.report.book_cover_from_manuscript, false);
  const after = await api(srv.url, `/api/books/${b.id}`, { headers: bearer(writer.token) });
  assert.equal(after.json.cover_url, detail.json.cover_url);
});

test('EPUB 2 and PDF files are accepted; a second manuscript supersedes the first', async () => {
  const b = await draft();
  const e2 = await upload(writer.token, b.id, 'manuscript', 'a.epub', 'application/epub+zip',
    file('epub/epub2-alice-gutenberg-cover.epub'));
  assert.equal(e2.done.status, 200, e2.done.text);
  const pdf = await upload(writer.token, b.id, 'manuscript', 'hello.pdf', 'application/pdf',
    file('pdf/hello-world-2pages.pdf'));
  assert.equal(pdf.done.status, 200, pdf.done.text);
  assert.equal(pdf.done.json.report.metadata?.pages ?? pdf.done.json.report.pdf?.pages ?? 2, 2);
  const list = await api(srv.url, `/api/books/${b.id}/files`, { headers: bearer(writer.token) });
  assert.deepEqual(list.json.items.filter((f) => f.kind === 'manuscript').map((f) => [f.version, f.status]),
    [[2, 'ready'], [1, 'superseded']]);
  const detail = await api(srv.url, `/api/books/${b.id}`, { headers: bearer(writer.token) });
  assert.equal(detail.json.format, 'pdf');
});

test('broken files are refused with 422 and reasons, and nothing stays current', async () => {
  const b = await draft();
  for (const name of ['epub/malformed-truncated-zip.epub']) {
    const { done } = await upload(writer.token, b.id, 'manuscript', 'x.epub', 'application/epub+zip', file(name));
    assertError(assert, done, 422, ['unprocessable']);
    assert.ok(done.json.error.details.reasons.length > 0);
  }
  const jpeg = await upload(writer.token, b.id, 'manuscript', 'photo.epub', 'application/epub+zip', JPEG);
  assertError(assert, jpeg.done, 415, ['unsupported_media_type']);
  const list = await api(srv.url, `/api/books/${b.id}/files`, { headers: bearer(writer.token) });
  assert.ok(list.json.items.every((f) => f.status === 'failed'));
});

test('a cover becomes WebP and JPEG thumbnails served under /static with a day of cache', async () => {
  const b = await draft();
  const cover = await upload(writer.token, b.id, 'cover', 'cover.png', 'image/png', PNG);
  assert.equal(cover.done.status, 200, cover.done.text);
  assert.equal(cover.done.json.report.width, 300);
  const detail = await api(srv.url, `/api/books/${b.id}`, { headers: bearer(writer.token) });
  assert.match(detail.json.cover_url, /^\/static\/books\/\d+\/cover\/v1-[0-9a-f]{16}-(320|640)\.webp$/);
  const img = await fetch(new URL(detail.json.cover_url, srv.url));
  assert.equal(img.status, 200);
  assert.equal(img.headers.get('content-type'), 'image/webp');
  assert.equal(img.headers.get('cache-control'), 'public, max-age=86400');
  const bytes = Buffer.from(await img.arrayBuffer());
  assert.equal(bytes.subarray(8, 12).toString(), 'WEBP');
  const manuscriptKey = detail.json.cover_url.replace('/cover/', '/manuscript/');
  assert.equal((await fetch(new URL(manuscriptKey, srv.url))).status, 404, 'only thumbnails are public');
});

test('limits and types are checked before any byte is sent', async () => {
  const b = await draft();
  const big = await api(srv.url, `/api/books/${b.id}/files`, {
    method: 'POST', headers: bearer(writer.token),
    json: { kind: 'manuscript', file_name: 'x.epub', content_type: 'application/epub+zip', size: 300 * 1024 * 1024 },
  });
  assertError(assert, big, 413, ['payload_too_large']);
  const exe = await api(srv.url, `/api/books/${b.id}/files`, {
    method: 'POST', headers: bearer(writer.token),
    json: { kind: 'manuscript', file_name: 'x.exe', content_type: 'application/x-msdownload', size: 10 },
  });
  assertError(assert, exe, 415, ['unsupported_media_type']);
  const kind = await api(srv.url, `/api/books/${b.id}/files`, {
    method: 'POST', headers: bearer(writer.token),
    json: { kind: 'poster', file_name: 'x', content_type: 'image/png', size: 10 },
  });
  assertError(assert, kind, 400, ['validation_failed']);
});

test('file names never reach storage paths', async () => {
  const b = await draft();
  const nul = await askUpload(writer.token, b.id, 'manuscript', 'nul\u0000byte.epub', 'application/epub+zip', Buffer.alloc(100));
  assertError(assert, nul, 400, ['bad_request']);
  for (const name of ['../../etc/passwd', '..%2f..%2fx', 'a\\b\\c.epub']) {
    const a = await askUpload(writer.token, b.id, 'manuscript', name, 'application/epub+zip', Buffer.alloc(100));
    assert.equal(a.status, 201, a.text);
    assert.ok(!a.json.upload.url.includes('..') && !a.json.upload.url.includes('passwd'));
    assert.ok(!a.json.file.original_name.includes('/') && !a.json.file.original_name.includes('\\'));
  }
});

test("another author's book is 403 and a reader is refused", async () => {
  const b = await draft();
  const other = await author(srv);
  assertError(assert, await askUpload(other.token, b.id, 'cover', 'c.jpg', 'image/jpeg', JPEG), 403, ['forbidden']);
  const r = await reader(srv);
  assertError(assert, await askUpload(r.token, b.id, 'cover', 'c.jpg', 'image/jpeg', JPEG), 403, ['forbidden']);
});

test('disk uploads: a forged or expired link is refused, a body larger than declared too',
  { skip: process.env.MANGU_TEST_BACKEND === 'scaled' && 'S3 checks its own signatures' }, async () => {
    const b = await draft();
    const a = await askUpload(writer.token, b.id, 'cover', 'c.png', 'image/png', PNG);
    const forged = a.json.upload.url.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A'));
    const f = await send({ ...a.json.upload, url: forged }, PNG);
    assert.equal(f.status, 403);
    const longer = await fetch(absolute(a.json.upload.url), {
      method: 'PUT', headers: { 'content-type': 'image/png' }, body: Buffer.concat([PNG, PNG]),
    }).catch((e) => ({ status: 'reset', e }));
    assert.ok(longer.status === 400 || longer.status === 413 || longer.status === 'reset', String(longer.status));
    const ok = await send(a.json.upload, PNG);
    assert.equal(ok.status, 200, ok.text);
    const done = await api(srv.url, `/api/books/${b.id}/files/${a.json.file.id}/complete`, {
      method: 'POST', headers: bearer(writer.token),
    });
    assert.equal(done.status, 200, done.text);
    const again = await send(a.json.upload, PNG);
    assert.equal(again.status, 403, 'a completed upload cannot be replaced through its old link');
  });

test('the reader asks for a short-lived link and fetches it without credentials; only the owner gets one', async () => {
  const b = await publishedBook(srv, writer.token, { price_cents: 0 });
  const bytes = file('epub/epub2-minimal-nocover.epub');
  const { done } = await upload(writer.token, b.id, 'manuscript', 'm.epub', 'application/epub+zip', bytes);
  assert.equal(done.status, 200, done.text);
  const r = await reader(srv);
  assertError(assert, await api(srv.url, `/api/library/${b.id}/content/link`), 401, ['unauthorized']);
  assertError(assert, await api(srv.url, `/api/library/${b.id}/content/link`, { headers: bearer(r.token) }), 403, ['forbidden']);
  assert.equal((await api(srv.url, `/api/library/${b.id}`, { method: 'POST', headers: bearer(r.token) })).status, 201);
  const link = await api(srv.url, `/api/library/${b.id}/content/link`, { headers: bearer(r.token) });
  assert.equal(link.status, 200, link.text);
  assert.equal(link.headers.get('cache-control'), 'private, no-store');
  assert.equal(link.json.size, bytes.length);
  assert.equal(link.json.content_type, 'application/epub+zip');
  const left = Date.parse(link.json.expires_at) - Date.parse(link.headers.get('date'));
  assert.ok(left > 0 && left <= 301000, `expires in ${left} ms`);
  if (process.env.MANGU_TEST_BACKEND === 'scaled') assert.match(link.json.url, /^http:\/\/127\.0\.0\.1:\d+\/.*X-Amz-Expires=300/);
  else assert.match(link.json.url, /^\/api\/downloads\/[A-Za-z0-9_.-]+$/);
  const got = await fetch(absolute(link.json.url), { credentials: 'omit' });
  assert.equal(got.status, 200);
  assert.deepEqual(Buffer.from(await got.arrayBuffer()), bytes);
  const entry = await api(srv.url, `/api/library/${b.id}`, { headers: bearer(r.token) });
  assert.equal(entry.json.downloads, 1, 'a link is a download');
});

test('after completion, a PUT through the old upload URL does not change what readers get', async () => {
  const b = await publishedBook(srv, writer.token, { price_cents: 0 });
  const bytes = file('epub/epub2-minimal-nocover.epub');
  const { ask, done } = await upload(writer.token, b.id, 'manuscript', 'm.epub', 'application/epub+zip', bytes);
  assert.equal(done.status, 200, done.text);
  const forged = Buffer.alloc(bytes.length, 0x41); // same length: the signed Content-Length still fits
  const again = await send(ask.json.upload, forged);
  // disk refuses the link of a completed file; S3 takes the PUT (nothing can revoke a presigned
  // URL), but into the upload key, which nothing reads any more
  if (process.env.MANGU_TEST_BACKEND !== 'scaled') assert.equal(again.status, 403);
  else assert.ok(again.status === 200, `${again.status} ${again.text}`);
  const r = await reader(srv);
  assert.equal((await api(srv.url, `/api/library/${b.id}`, { method: 'POST', headers: bearer(r.token) })).status, 201);
  const link = await api(srv.url, `/api/library/${b.id}/content/link`, { headers: bearer(r.token) });
  const got = await fetch(absolute(link.json.url));
  assert.deepEqual(Buffer.from(await got.arrayBuffer()), bytes);
  const direct = await fetch(new URL(`/api/library/${b.id}/content`, srv.url), { headers: bearer(r.token) });
  assert.deepEqual(Buffer.from(await direct.arrayBuffer()), bytes);
  const again2 = await api(srv.url, `/api/books/${b.id}/files/${ask.json.file.id}/complete`, {
    method: 'POST', headers: bearer(writer.token),
  });
  assert.equal(again2.status, 200);
  assert.equal(again2.json.file.sha256, done.json.file.sha256, 'completing again changes nothing');
});

test('an owner reads the manuscript (with ranges on disk); anyone else gets 403', async () => {
  const b = await publishedBook(srv, writer.token, { price_cents: 0 });
  const bytes = file('epub/epub2-minimal-nocover.epub');
  const { done } = await upload(writer.token, b.id, 'manuscript', 'm.epub', 'application/epub+zip', bytes);
  assert.equal(done.status, 200, done.text);
  const r = await reader(srv);
  const denied = await api(srv.url, `/api/library/${b.id}/content`, { headers: bearer(r.token) });
  assertError(assert, denied, 403, ['forbidden']);
  assert.equal((await api(srv.url, `/api/library/${b.id}`, { method: 'POST', headers: bearer(r.token) })).status, 201);
  const got = await fetch(new URL(`/api/library/${b.id}/content`, srv.url), { headers: bearer(r.token) });
  assert.equal(got.status, 200);
  assert.deepEqual(Buffer.from(await got.arrayBuffer()), bytes);
  if (process.env.MANGU_TEST_BACKEND !== 'scaled') {
    const part = await fetch(new URL(`/api/library/${b.id}/content`, srv.url), {
      headers: { ...bearer(r.token), range: 'bytes=0-37' },
    });
    assert.equal(part.status, 206);
    assert.equal(part.headers.get('content-range'), `bytes 0-37/${bytes.length}`);
    assert.equal(Buffer.from(await part.arrayBuffer()).toString('latin1', 30, 38), 'mimetype');
  }
});
