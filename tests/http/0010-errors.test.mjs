// 0010 errors and the HTTP layer's promises: the error format, 404/405/400/413/415, request ids,
// security headers, CORS.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startMangu, api, rawRequest, assertError } from './lib/mangu.mjs';

const ALLOWED = 'https://a.example';
const ALSO_ALLOWED = 'https://b.example';
const EVIL = 'https://evil.example';

let srv; // defaults, plus a CORS allowlist
before(async () => {
  srv = await startMangu({ env: { MANGU_CORS_ORIGINS: `${ALLOWED},${ALSO_ALLOWED}` } });
});
after(() => srv?.stop());

describe('error format', () => {
  test('unknown /api path is a JSON 404 whose request_id is the X-Request-Id header', async () => {
    for (const p of ['/api/no-such-route', '/api/books/x/y/z/nothing', '/api/']) {
      const r = await api(srv.url, p);
      assertError(assert, r, 404, 'not_found');
      assert.match(r.headers.get('cache-control') || '', /no-store/, `${p}: Cache-Control`);
    }
  });

  test('unknown /api path with another method is still a JSON 404, not 405', async () => {
    const r = await api(srv.url, '/api/no-such-route', { method: 'DELETE' });
    assertError(assert, r, 404, 'not_found');
  });

  test('known path, wrong method: 405 with Allow', async () => {
    for (const method of ['POST', 'PUT', 'DELETE', 'PATCH']) {
      const r = await api(srv.url, '/api/health', { method, json: {} });
      assertError(assert, r, 405, 'method_not_allowed');
      const allow = (r.headers.get('allow') || '').split(',').map((s) => s.trim().toUpperCase());
      assert.ok(allow.includes('GET'), `${method}: Allow lists GET, got ${r.headers.get('allow')}`);
      assert.ok(!allow.includes(method), `${method}: Allow must not list ${method}`);
    }
  });

  test('the echo route round-trips a JSON body', async () => {
    const body = { a: 1, b: [true, null, 'é — 本'], c: { d: -1.5 } };
    const r = await api(srv.url, '/api/_test/echo', { method: 'POST', json: body });
    assert.equal(r.status, 200, r.text);
    assert.deepEqual(r.json, { received: body });
  });

  test('a charset parameter on application/json is accepted', async () => {
    const r = await api(srv.url, '/api/_test/echo', {
      method: 'POST',
      headers: { 'content-type': 'application/json; charset=utf-8' },
      body: '{"x":1}',
    });
    assert.equal(r.status, 200, r.text);
    assert.deepEqual(r.json, { received: { x: 1 } });
  });

  test('malformed JSON is a 400', async () => {
    for (const body of ['{"a":', '{a:1}', 'nul', '{"a":1}}', '\u0000', '']) {
      const r = await api(srv.url, '/api/_test/echo', {
        method: 'POST', headers: { 'content-type': 'application/json' }, body,
      });
      assertError(assert, r, 400, ['bad_request', 'validation_failed']);
    }
  });

  test('invalid UTF-8 inside JSON is a 400', async () => {
    const body = Buffer.concat([Buffer.from('{"a":"'), Buffer.from([0xc3, 0x28, 0xff]), Buffer.from('"}')]);
    const r = await api(srv.url, '/api/_test/echo', {
      method: 'POST', headers: { 'content-type': 'application/json' }, body,
    });
    assertError(assert, r, 400, ['bad_request', 'validation_failed']);
  });

  test('a non-JSON content type on a JSON route is a 415', async () => {
    for (const ct of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x']) {
      const r = await api(srv.url, '/api/_test/echo', {
        method: 'POST', headers: { 'content-type': ct }, body: '{"a":1}',
      });
      assertError(assert, r, 415, 'unsupported_media_type');
    }
  });
});

describe('body size limit', () => {
  const TWO_MIB = 2 * 1024 * 1024;

  test('a body declared larger than MANGU_MAX_BODY gets 413 without being read', async () => {
    const chunk = Buffer.alloc(64 * 1024, 0x20); // spaces: valid JSON whitespace
    const chunks = Array.from({ length: TWO_MIB / chunk.length }, () => chunk);
    const r = await rawRequest(srv.url, {
      method: 'POST',
      path: '/api/_test/echo',
      headers: { 'content-type': 'application/json', 'content-length': String(TWO_MIB) },
      chunks,
      waitFirstMs: 1000, // give the server the chance to answer on the headers alone
    });
    assert.ok(!r.reset, `expected a 413 answer, the connection was reset instead (${r.error?.code})`);
    assertError(assert, r, 413, 'payload_too_large');
  });

  test('a chunked body over the limit gets 413 (or the connection is cut)', async (t) => {
    const chunk = Buffer.alloc(64 * 1024, 0x20);
    const chunks = Array.from({ length: TWO_MIB / chunk.length }, () => chunk);
    const r = await rawRequest(srv.url, {
      method: 'POST',
      path: '/api/_test/echo',
      headers: { 'content-type': 'application/json', 'transfer-encoding': 'chunked' },
      chunks,
    });
    if (r.reset) {
      t.diagnostic(`connection reset before a response (${r.error?.code}); accepted`);
      return;
    }
    assertError(assert, r, 413, 'payload_too_large');
  });

  test('MANGU_MAX_BODY is honoured: just under passes, just over is 413', async () => {
    const small = await startMangu({ env: { MANGU_MAX_BODY: '4096' } });
    try {
      const fits = JSON.stringify({ s: 'x'.repeat(4088) }); // 4096 bytes exactly
      const r1 = await api(small.url, '/api/_test/echo', {
        method: 'POST', headers: { 'content-type': 'application/json' }, body: fits,
      });
      assert.equal(r1.status, 200, r1.text);

      const over = JSON.stringify({ s: 'x'.repeat(4089) }); // 4097 bytes
      const r2 = await rawRequest(small.url, {
        method: 'POST', path: '/api/_test/echo',
        headers: { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(over)) },
        body: over,
      });
      assert.ok(!r2.reset, `expected a 413 answer, got a reset (${r2.error?.code})`);
      assertError(assert, r2, 413, 'payload_too_large');

      // The server is fine afterwards.
      const r3 = await api(small.url, '/api/health');
      assert.equal(r3.status, 200);
    } finally {
      await small.stop();
    }
  });
});

describe('request ids', () => {
  const CLIENT_ID = 'client-chosen-id-0123456789';

  test('an X-Request-Id from an untrusted peer is not adopted', async () => {
    const r = await api(srv.url, '/api/no-such-route', { headers: { 'x-request-id': CLIENT_ID } });
    assertError(assert, r, 404, 'not_found');
    assert.notEqual(r.headers.get('x-request-id'), CLIENT_ID);
    const ok = await api(srv.url, '/api/health', { headers: { 'x-request-id': CLIENT_ID } });
    assert.notEqual(ok.headers.get('x-request-id'), CLIENT_ID);
  });

  test('an X-Request-Id from a trusted proxy is adopted (header, error body, access log)', async () => {
    const trusted = await startMangu({ env: { MANGU_TRUSTED_PROXIES: '127.0.0.1/32' } });
    try {
      const r = await api(trusted.url, '/api/no-such-route', { headers: { 'x-request-id': CLIENT_ID } });
      assertError(assert, r, 404, 'not_found');
      assert.equal(r.headers.get('x-request-id'), CLIENT_ID);
      assert.equal(r.json.error.request_id, CLIENT_ID);
      const ok = await api(trusted.url, '/api/health', { headers: { 'x-request-id': `${CLIENT_ID}-2` } });
      assert.equal(ok.headers.get('x-request-id'), `${CLIENT_ID}-2`);
      await trusted.waitForLog((l) => l.json?.msg === 'request' && l.json.request_id === CLIENT_ID);
    } finally {
      await trusted.stop();
    }
  });

  test('a trusted proxy still cannot inject a hostile request id', async () => {
    const trusted = await startMangu({ env: { MANGU_TRUSTED_PROXIES: '127.0.0.1/32' } });
    try {
      const hostile = `x"}\\n{"level":"error","msg":"forged${'A'.repeat(300)}`;
      const r = await api(trusted.url, '/api/health', { headers: { 'x-request-id': hostile } });
      assert.equal(r.status, 200);
      const id = r.headers.get('x-request-id');
      assert.ok(id && id.length <= 200, `request id is bounded, got ${id?.length} chars`);
      // Every stdout line is still one JSON object, and nothing forged a line.
      await new Promise((res) => setTimeout(res, 200));
      for (const l of trusted.logs().filter((x) => x.stream === 'stdout')) {
        assert.ok(l.json, `not JSON: ${l.line}`);
        assert.notEqual(l.json.msg, `forged${'A'.repeat(300)}`);
      }
    } finally {
      await trusted.stop();
    }
  });
});

describe('security headers', () => {
  const check = (r, what) => {
    assert.equal(r.headers.get('x-content-type-options'), 'nosniff', `${what}: X-Content-Type-Options`);
    assert.equal((r.headers.get('x-frame-options') || '').toUpperCase(), 'DENY', `${what}: X-Frame-Options`);
    assert.match(r.headers.get('referrer-policy') || '',
      /^(strict-origin-when-cross-origin|strict-origin|no-referrer|same-origin)$/, `${what}: Referrer-Policy`);
    assert.ok(r.headers.get('x-request-id'), `${what}: X-Request-Id`);
  };

  test('on JSON answers, errors included', async () => {
    check(await api(srv.url, '/api/health'), 'health');
    check(await api(srv.url, '/api/no-such-route'), '404');
    check(await api(srv.url, '/api/health', { method: 'POST', json: {} }), '405');
    check(await api(srv.url, '/api/_test/echo', { method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'x' }), '415');
  });

  test('on HTML and static answers; HTML carries a CSP with frame-ancestors none', async () => {
    const html = await api(srv.url, '/');
    assert.equal(html.status, 200);
    check(html, 'index.html');
    assert.match(html.headers.get('content-security-policy') || '', /frame-ancestors 'none'/);
    check(await api(srv.url, '/assets/app-abc123.js'), 'asset');
    check(await api(srv.url, '/assets/missing-000.js'), 'missing asset');
  });

  test('the server does not advertise its version or library', async () => {
    const r = await api(srv.url, '/api/health');
    const server = r.headers.get('server') || '';
    assert.doesNotMatch(server, /microhttpd|\d+\.\d+/i, `Server: ${server}`);
    assert.equal(r.headers.get('x-powered-by'), null);
  });
});

describe('CORS', () => {
  test('an allowed origin gets Access-Control-Allow-Origin and Vary: Origin', async () => {
    for (const origin of [ALLOWED, ALSO_ALLOWED]) {
      const r = await api(srv.url, '/api/health', { headers: { origin } });
      assert.equal(r.status, 200);
      assert.equal(r.headers.get('access-control-allow-origin'), origin);
      assert.match(r.headers.get('vary') || '', /\borigin\b/i);
    }
    // Also on errors, so the browser client can read them.
    const e = await api(srv.url, '/api/no-such-route', { headers: { origin: ALLOWED } });
    assert.equal(e.status, 404);
    assert.equal(e.headers.get('access-control-allow-origin'), ALLOWED);
  });

  test('another origin gets no Access-Control-Allow-Origin', async () => {
    for (const origin of [EVIL, `${ALLOWED}.evil.example`, 'null', 'http://a.example']) {
      const r = await api(srv.url, '/api/health', { headers: { origin } });
      assert.equal(r.status, 200);
      assert.equal(r.headers.get('access-control-allow-origin'), null, `origin ${origin}`);
      assert.equal(r.headers.get('access-control-allow-credentials'), null, `origin ${origin}`);
    }
  });

  test('a preflight from an allowed origin is 204 with methods and headers', async () => {
    const r = await api(srv.url, '/api/_test/echo', {
      method: 'OPTIONS',
      headers: {
        origin: ALLOWED,
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type, authorization',
      },
    });
    assert.equal(r.status, 204, r.text);
    assert.equal(r.headers.get('access-control-allow-origin'), ALLOWED);
    assert.match(r.headers.get('vary') || '', /\borigin\b/i);
    const methods = (r.headers.get('access-control-allow-methods') || '').toUpperCase();
    assert.match(methods, /\bPOST\b/, `Access-Control-Allow-Methods: ${methods}`);
    const hdrs = (r.headers.get('access-control-allow-headers') || '').toLowerCase();
    assert.match(hdrs, /\bcontent-type\b/, `Access-Control-Allow-Headers: ${hdrs}`);
    assert.match(hdrs, /\bauthorization\b/, `Access-Control-Allow-Headers: ${hdrs}`);
  });

  test('a preflight from another origin is not allowed', async () => {
    const r = await api(srv.url, '/api/_test/echo', {
      method: 'OPTIONS',
      headers: { origin: EVIL, 'access-control-request-method': 'POST' },
    });
    assert.equal(r.headers.get('access-control-allow-origin'), null);
    assert.equal(r.headers.get('access-control-allow-methods'), null);
  });

  test('without MANGU_CORS_ORIGINS nobody is allowed', async () => {
    const plain = await startMangu();
    try {
      const r = await api(plain.url, '/api/health', { headers: { origin: ALLOWED } });
      assert.equal(r.status, 200);
      assert.equal(r.headers.get('access-control-allow-origin'), null);
    } finally {
      await plain.stop();
    }
  });
});
