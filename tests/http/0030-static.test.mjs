// 0030 static files: the web client's hashed assets, the index.html fallback, and what stays
// an API answer.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { startMangu, api, rawRequest, makeWebDir, assertError } from './lib/mangu.mjs';

let srv;
let web;
before(async () => {
  web = makeWebDir();
  srv = await startMangu({ webDir: web.dir });
});
after(async () => {
  await srv?.stop();
  if (web) fs.rmSync(web.dir, { recursive: true, force: true });
});

test('a hashed asset is served with a long immutable cache', async () => {
  const r = await api(srv.url, '/assets/app-abc123.js');
  assert.equal(r.status, 200);
  assert.equal(r.text, web.asset);
  assert.match(r.headers.get('content-type') || '', /^(text|application)\/javascript/);
  const cc = r.headers.get('cache-control') || '';
  assert.match(cc, /\bpublic\b/, cc);
  assert.match(cc, /\bmax-age=31536000\b/, cc);
  assert.match(cc, /\bimmutable\b/, cc);
});

test('/ is index.html with no-cache and a CSP forbidding framing', async () => {
  const r = await api(srv.url, '/');
  assert.equal(r.status, 200);
  assert.equal(r.text, web.index);
  assert.match(r.headers.get('content-type') || '', /^text\/html/);
  assert.match(r.headers.get('cache-control') || '', /\bno-cache\b/);
  assert.match(r.headers.get('content-security-policy') || '', /frame-ancestors 'none'/);
});

test('any unknown non-API path falls back to index.html', async () => {
  for (const p of ['/search?q=x', '/library', '/a/b/c?x=1', '/index.html']) {
    const r = await api(srv.url, p);
    assert.equal(r.status, 200, p);
    assert.equal(r.text, web.index, p);
    assert.match(r.headers.get('content-type') || '', /^text\/html/, p);
    assert.match(r.headers.get('cache-control') || '', /\bno-cache\b/, p);
  }
});

test('an unknown book page is the client (which shows its 404) with status 404', async () => {
  const r = await api(srv.url, '/books/no-such-book-anywhere');
  assert.equal(r.status, 404);
  assert.match(r.headers.get('content-type') || '', /^text\/html/);
  assert.match(r.text, /<html/i);
});

test('a missing asset is a 404, not index.html', async () => {
  const r = await api(srv.url, '/assets/app-missing999.js');
  assert.equal(r.status, 404);
  assert.notEqual(r.text, web.index);
  assert.doesNotMatch(r.headers.get('cache-control') || '', /immutable/, 'a 404 must not be cached for a year');
});

test('an unknown /api path is a JSON 404, not index.html', async () => {
  for (const p of ['/api/nope', '/api/books-nope/1']) {
    const r = await api(srv.url, p);
    assertError(assert, r, 404, 'not_found');
  }
});

test('paths cannot escape the web folder', async () => {
  const paths = [
    '/assets/../../../../../../etc/passwd',
    '/assets/..%2f..%2f..%2f..%2f..%2f..%2fetc%2fpasswd',
    '/assets/%2e%2e/%2e%2e/%2e%2e/%2e%2e/%2e%2e/etc/passwd',
    '/../../../../../../etc/passwd',
    '/assets/....//....//....//etc/passwd',
    '/assets/%00app-abc123.js',
  ];
  for (const p of paths) {
    const r = await rawRequest(srv.url, { path: p });
    if (r.reset) continue; // closing the connection is an acceptable answer
    assert.ok(!/root:.*:0:0:/.test(r.text), `${p} served /etc/passwd`);
    assert.ok(r.status < 500, `${p}: status ${r.status}`);
  }
  // Still healthy afterwards.
  assert.equal((await api(srv.url, '/api/health')).status, 200);
});

test('HEAD on an asset answers headers without a body', async () => {
  const r = await rawRequest(srv.url, { method: 'HEAD', path: '/assets/app-abc123.js' });
  assert.equal(r.status, 200);
  assert.equal(r.text, '');
});
