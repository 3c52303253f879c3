// 3010 storage: the object store through the server on both backends (embedded = the versioned
// disk folder, scaled = s3rver): health reports it, objects round-trip, a presigned PUT sent with
// fetch() is read back through the driver, and (scaled) an S3 outage is "degraded" + 503, then heals.
// The put/get/presign routes are test-build-only (src/api/testing_blob.c).
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { startMangu, api, poll, fault, scaled, randomId, assertError, sleep } from './lib/mangu.mjs';

const driver = scaled ? 's3' : 'disk';
const key = (name) => `tests/${randomId(4)}/${name}`;

async function put(srv, k, body, type = 'text/plain') {
  return api(srv.url, `/api/_test/blob?key=${encodeURIComponent(k)}`, {
    method: 'POST', body, headers: { 'content-type': type },
  });
}

async function get(srv, k, version) {
  const q = `key=${encodeURIComponent(k)}${version ? `&version=${encodeURIComponent(version)}` : ''}`;
  const res = await fetch(new URL(`/api/_test/blob?${q}`, srv.url), { signal: AbortSignal.timeout(10000) });
  return { status: res.status, type: res.headers.get('content-type'), body: Buffer.from(await res.arrayBuffer()) };
}

async function presign(srv, body) {
  return api(srv.url, '/api/_test/blob/presign', { method: 'POST', json: body });
}

/* On disk storage the upload/download routes are still the test build's stand-ins. */
function reachable(url, srv) {
  if (url.startsWith('/')) url = new URL(url, srv.url).href; // disk URLs are paths: same origin as the page
  return url.replace('/api/uploads/', '/api/_test/uploads/').replace('/api/downloads/', '/api/_test/downloads/');
}

describe(`object storage (${driver})`, () => {
  let srv;
  before(async () => { srv = await startMangu(); });
  after(async () => {
    if (scaled) await fault('MANGU_TEST_S3_START').catch(() => {});
    await srv?.stop();
  });

  test('health reports storage as a third check', async () => {
    const r = await api(srv.url, '/api/health');
    assert.equal(r.status, 200, r.text);
    assert.equal(r.json.status, 'ok', r.text);
    const s = r.json.checks.storage;
    assert.equal(s.status, 'up');
    assert.equal(s.driver, driver);
    assert.equal(typeof s.latency_ms, 'number');
    assert.ok(s.latency_ms >= 0);
    const started = srv.logs().find((l) => l.json?.msg === 'listening');
    assert.equal(started.json.storage, driver);
  });

  test("the pages' CSP lets browsers reach storage and nothing else; the start-up log names its CORS", async () => {
    const page = await fetch(new URL('/', srv.url));
    const csp = page.headers.get('content-security-policy') ?? '';
    const connect = /connect-src ([^;]*)/.exec(csp)?.[1];
    if (!scaled) {
      assert.equal(connect, "'self'");
      return;
    }
    const storage = process.env.MANGU_TEST_S3_ENDPOINT; // s3rver: path-style addressing
    assert.equal(connect, `'self' ${storage}`);
    const said = srv.logs().find((l) => l.json?.msg === 'storage is reached by browsers');
    assert.equal(said?.json.origin, storage);
    assert.equal(said?.json.cors_allowed_origin, srv.url);
    // the test bucket admits a page of this server, as the README asks operators to configure
    const t = await presign(srv, { method: 'PUT', key: key('cors.bin'), content_type: 'application/pdf', size: 3, expires_s: 60 });
    const pre = await fetch(t.json.url, {
      method: 'OPTIONS',
      headers: { origin: srv.url, 'access-control-request-method': 'PUT', 'access-control-request-headers': 'content-type' },
    });
    assert.equal(pre.status, 200, await pre.text());
    assert.match(pre.headers.get('access-control-allow-methods') ?? '', /PUT/);
  });

  test('objects round-trip with their content type; every put is a new version', async () => {
    const k = key('a.txt');
    const one = await put(srv, k, 'first version', 'text/plain; charset=utf-8');
    assert.equal(one.status, 201, one.text);
    assert.equal(one.json.size, 13);
    const two = await put(srv, k, 'second');
    assert.equal(two.status, 201, two.text);
    const latest = await get(srv, k);
    assert.equal(latest.status, 200);
    assert.equal(latest.body.toString(), 'second');
    assert.equal(latest.type, 'text/plain');
    if (!scaled) { // s3rver keeps no versions; the disk driver keeps each one
      assert.ok(one.json.version < two.json.version, `${one.json.version} < ${two.json.version}`);
      const old = await get(srv, k, one.json.version);
      assert.equal(old.body.toString(), 'first version');
      assert.equal(old.type, 'text/plain; charset=utf-8');
    }
    const head = await api(srv.url, `/api/_test/blob/head?key=${encodeURIComponent(k)}`);
    assert.equal(head.status, 200, head.text);
    assert.equal(head.json.size, 6);
    const del = await api(srv.url, `/api/_test/blob?key=${encodeURIComponent(k)}`, { method: 'DELETE' });
    assert.equal(del.status, 204, del.text);
    if (!scaled) { // on s3rver the older object was replaced, so nothing is left either way
      assertError(assert, await api(srv.url, `/api/_test/blob/head?key=${encodeURIComponent(k)}`), 404, 'not_found');
    }
  });

  test('keys the server did not make are refused before storage', async () => {
    for (const bad of ['../etc/passwd', '/abs', 'a//b', 'Upper.txt', 'a%2fb', 'a\\b', '.hidden']) {
      const r = await put(srv, bad, 'x');
      assertError(assert, r, 400, 'validation_failed');
    }
  });

  test('a presigned PUT sent with fetch() is read back through the driver', async () => {
    const k = key('upload.bin');
    const body = Buffer.alloc(200 * 1024, 7);
    body.write('mangu', 1000);
    const sha = createHash('sha256').update(body).digest('hex');
    const t = await presign(srv, { method: 'PUT', key: k, content_type: 'application/epub+zip', size: body.length, expires_s: 900 });
    assert.equal(t.status, 200, t.text);
    assert.equal(t.json.method, 'PUT');
    assert.deepEqual(t.json.headers, { 'Content-Type': 'application/epub+zip', 'Content-Length': String(body.length) });
    if (scaled) assert.match(t.json.url, /X-Amz-SignedHeaders=content-length%3Bcontent-type%3Bhost/);
    else assert.match(t.json.url, /^\/api\/uploads\/[A-Za-z0-9_.-]+$/); // a path: same origin as the page
    const up = await fetch(reachable(t.json.url, srv), {
      method: 'PUT', body, headers: { 'content-type': 'application/epub+zip' }, signal: AbortSignal.timeout(10000),
    });
    const upText = await up.text();
    assert.ok(up.status === 200 || up.status === 201, `upload: ${up.status} ${upText}`);
    if (!scaled) assert.equal(JSON.parse(upText).sha256, sha);
    const back = await get(srv, k);
    assert.equal(back.status, 200);
    assert.equal(back.type, 'application/epub+zip');
    assert.equal(createHash('sha256').update(back.body).digest('hex'), sha);

    const g = await presign(srv, { method: 'GET', key: k, expires_s: 300 });
    assert.equal(g.status, 200, g.text);
    const dl = await fetch(reachable(g.json.url, srv), { signal: AbortSignal.timeout(10000) });
    assert.equal(dl.status, 200);
    assert.equal(createHash('sha256').update(Buffer.from(await dl.arrayBuffer())).digest('hex'), sha);
  });

  test('presigned URLs are bounded: 15 minutes for uploads, 5 for downloads', async () => {
    const k = key('x.txt');
    assertError(assert, await presign(srv, { method: 'PUT', key: k, content_type: 'text/plain', size: 1, expires_s: 901 }), 400, 'validation_failed');
    assertError(assert, await presign(srv, { method: 'GET', key: k, expires_s: 301 }), 400, 'validation_failed');
    assertError(assert, await presign(srv, { method: 'PUT', key: k, content_type: 'nonsense', size: 1, expires_s: 60 }), 400, 'validation_failed');
  });
});

describe('disk upload URLs', { skip: scaled && 'the disk driver (embedded backend)' }, () => {
  let srv;
  before(async () => { srv = await startMangu(); });
  after(() => srv?.stop());

  async function target(size = 5, expires = 900, type = 'text/plain') {
    const t = await presign(srv, { method: 'PUT', key: key('u.txt'), content_type: type, size, expires_s: expires });
    assert.equal(t.status, 200, t.text);
    return reachable(t.json.url, srv);
  }
  const send = (url, body, type = 'text/plain') =>
    api(url, '', { method: 'PUT', body, headers: { 'content-type': type } });

  test('a forged, mis-typed, oversized or expired upload is refused', async () => {
    const url = await target();
    const forged = url.replace(/\/([A-Za-z0-9_-])([^/]*)$/, (m, c, rest) => `/${c === 'A' ? 'B' : 'A'}${rest}`);
    assertError(assert, await send(forged, 'hello'), 403, 'forbidden');
    assertError(assert, await send(url, 'hello', 'text/html'), 403, 'forbidden');
    assertError(assert, await send(url, 'hello, world'), 413, 'payload_too_large');
    assertError(assert, await send(url, 'hi'), 422, 'unprocessable');
    const ok = await send(url, 'hello');
    assert.equal(ok.status, 201, ok.text);
    const short = await target(5, 1);
    await sleep(2100);
    assertError(assert, await send(short, 'hello'), 403, 'forbidden');
  });

  test('an expired download link is refused', async () => {
    const k = key('d.txt');
    assert.equal((await put(srv, k, 'hello')).status, 201);
    const g = await presign(srv, { method: 'GET', key: k, expires_s: 1 });
    assert.equal(g.status, 200, g.text);
    const link = reachable(g.json.url, srv);
    assert.equal((await api(link, '')).status, 200);
    await sleep(2100);
    assertError(assert, await api(link, ''), 403, 'forbidden');
  });

  test('an upload URL is not a download URL', async () => {
    const url = await target();
    const asGet = url.replace('/api/_test/uploads/', '/api/_test/downloads/');
    assertError(assert, await api(asGet, ''), 403, 'forbidden');
  });
});

describe('S3 outage', { skip: !scaled && 'scaled backend only (s3rver)' }, () => {
  let srv;
  const k = key('kept.txt');
  before(async () => {
    srv = await startMangu();
    assert.equal((await put(srv, k, 'kept across the outage')).status, 201);
  });
  after(async () => {
    await fault('MANGU_TEST_S3_START').catch(() => {});
    await srv?.stop();
  });

  test('S3 stopped: health is 200 "degraded" and storage calls answer 503', async () => {
    await fault('MANGU_TEST_S3_STOP');
    const r = await api(srv.url, '/api/health', { timeout: 5000 });
    assert.equal(r.status, 200, r.text);
    assert.equal(r.json.status, 'degraded');
    assert.equal(r.json.checks.storage.status, 'down');
    assert.equal(r.json.checks.storage.driver, 's3');
    assert.equal(r.json.checks.database.status, 'up');
    const t0 = Date.now();
    const w = await put(srv, key('during.txt'), 'x');
    assertError(assert, w, 503, 'unavailable');
    assert.equal(w.headers.get('retry-after'), '5');
    assertError(assert, await api(srv.url, `/api/_test/blob?key=${encodeURIComponent(k)}`), 503, 'unavailable');
    assert.ok(Date.now() - t0 < 5000, 'an outage fails fast');
  });

  test('S3 back: the same steps succeed without restarting mangu', async () => {
    await fault('MANGU_TEST_S3_START');
    const h = await poll(async () => {
      const r = await api(srv.url, '/api/health', { timeout: 5000 });
      return r.json?.status === 'ok' ? r : null;
    }, { ms: 15000 });
    assert.ok(h, 'health did not return to ok');
    assert.equal((await put(srv, key('after.txt'), 'y')).status, 201);
    const back = await get(srv, k);
    assert.equal(back.status, 200);
    assert.equal(back.body.toString(), 'kept across the outage');
  });
});
