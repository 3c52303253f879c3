// 2100 rate limits: the general limit per client IP on /api (429 + RateLimit-* + Retry-After),
// the exemptions, X-Forwarded-For only from trusted proxies, one shared count across processes
// on Redis, and per-process counting while Redis is down.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startMangu, api, poll, fault, scaled, randomId, assertError } from './lib/mangu.mjs';

const echo = (srv, headers = {}) =>
  api(srv.url, '/api/_test/echo', { method: 'POST', json: { ping: 1 }, headers, timeout: 5000 });

function assertLimitHeaders(r, limit, remaining) {
  assert.equal(r.headers.get('ratelimit-limit'), String(limit), r.text);
  assert.equal(r.headers.get('ratelimit-remaining'), String(remaining), r.text);
  const reset = Number(r.headers.get('ratelimit-reset'));
  assert.ok(reset >= 1 && reset <= 60, `RateLimit-Reset ${reset}`);
}

describe('general limit per client IP', () => {
  let srv;
  before(async () => { srv = await startMangu({ env: { MANGU_RATE_LIMIT: '5/1m' } }); });
  after(() => srv?.stop());

  test('5 requests pass with RateLimit-* headers, the 6th is 429', async () => {
    for (let i = 1; i <= 5; i++) {
      const r = await echo(srv);
      assert.equal(r.status, 200, r.text);
      assertLimitHeaders(r, 5, 5 - i);
      assert.equal(r.headers.get('retry-after'), null);
    }
    const r = await echo(srv);
    assertError(assert, r, 429, 'rate_limited');
    assertLimitHeaders(r, 5, 0);
    const retry = Number(r.headers.get('retry-after'));
    assert.ok(retry >= 1 && retry <= 60, `Retry-After ${r.headers.get('retry-after')}`);
    assert.match(r.json.error.message, /too many requests/);
  });

  test('other routes share the count; health and metrics are exempt', async () => {
    const other = await api(srv.url, '/api/openapi.json');
    assertError(assert, other, 429, 'rate_limited');
    for (let i = 0; i < 10; i++) {
      const h = await api(srv.url, '/api/health');
      assert.equal(h.status, 200, h.text);
      assert.equal(h.headers.get('ratelimit-limit'), null);
    }
    const m = await api(srv.url, '/metrics');
    assert.equal(m.status, 200);
    const n = Number(/^mangu_rate_limited_total (\d+)$/m.exec(m.text)?.[1]);
    assert.ok(n >= 2, `mangu_rate_limited_total is ${n}`);
  });

  test('a spoofed X-Forwarded-For from an untrusted peer does not reset the count', async () => {
    const r = await echo(srv, { 'X-Forwarded-For': `198.51.100.${Math.floor(Math.random() * 250)}` });
    assertError(assert, r, 429, 'rate_limited');
  });
});

describe('X-Forwarded-For from an untrusted peer', () => {
  let srv;
  before(async () => { srv = await startMangu({ env: { MANGU_RATE_LIMIT: '3/1m' } }); });
  after(() => srv?.stop());

  test('every spoofed address counts against the real peer', async () => {
    for (let i = 1; i <= 3; i++) {
      const r = await echo(srv, { 'X-Forwarded-For': `203.0.113.${i}` });
      assert.equal(r.status, 200, r.text);
      assertLimitHeaders(r, 3, 3 - i);
    }
    assertError(assert, await echo(srv, { 'X-Forwarded-For': '203.0.113.99' }), 429, 'rate_limited');
  });
});

describe('behind a trusted proxy', () => {
  let srv;
  before(async () => {
    srv = await startMangu({ env: { MANGU_RATE_LIMIT: '2/1m', MANGU_TRUSTED_PROXIES: '127.0.0.1/32' } });
  });
  after(() => srv?.stop());

  test('each forwarded client has its own count', async () => {
    const a = { 'X-Forwarded-For': '203.0.113.10' };
    const b = { 'X-Forwarded-For': '198.51.100.20, 127.0.0.1' };
    assert.equal((await echo(srv, a)).status, 200);
    assert.equal((await echo(srv, a)).status, 200);
    assertError(assert, await echo(srv, a), 429, 'rate_limited');
    const rb = await echo(srv, b);
    assert.equal(rb.status, 200, rb.text);
    assertLimitHeaders(rb, 2, 1);
    const c = await echo(srv, { 'X-Forwarded-For': '2001:db8:7::1' });
    assert.equal(c.status, 200, c.text);
  });
});

describe('limit off', () => {
  let srv;
  before(async () => { srv = await startMangu({ env: { MANGU_RATE_LIMIT: 'off' } }); });
  after(() => srv?.stop());

  test('no headers and no 429', async () => {
    for (let i = 0; i < 20; i++) {
      const r = await echo(srv);
      assert.equal(r.status, 200, r.text);
      assert.equal(r.headers.get('ratelimit-limit'), null);
    }
  });
});

describe('two processes on one Redis', { skip: !scaled && 'scaled backend only (Redis)' }, () => {
  const N = 10;
  let a;
  let b;
  before(async () => {
    const env = { MANGU_RATE_LIMIT: `${N}/1m`, MANGU_CACHE_PREFIX: `rl_${randomId(4)}:` };
    [a, b] = await Promise.all([startMangu({ env }), startMangu({ env })]);
  });
  after(async () => { await Promise.all([a?.stop(), b?.stop()]); });

  test(`exactly ${N} requests pass in total across both, fired concurrently`, async () => {
    const all = await Promise.all(Array.from({ length: 3 * N }, (_, i) => echo(i % 2 ? a : b)));
    const ok = all.filter((r) => r.status === 200).length;
    const limited = all.filter((r) => r.status === 429).length;
    assert.equal(ok, N, `statuses: ${all.map((r) => r.status).join(',')}`);
    assert.equal(limited, 2 * N);
    const remaining = all.filter((r) => r.status === 200).map((r) => Number(r.headers.get('ratelimit-remaining')));
    assert.deepEqual(remaining.sort((x, y) => x - y), Array.from({ length: N }, (_, i) => i),
      'each passing request saw a distinct count');
  });
});

describe('Redis down', { skip: !scaled && 'scaled backend only (Redis)' }, () => {
  const N = 3;
  let a;
  let b;
  before(async () => {
    const env = { MANGU_RATE_LIMIT: `${N}/1m`, MANGU_CACHE_PREFIX: `rl_${randomId(4)}:` };
    [a, b] = await Promise.all([startMangu({ env }), startMangu({ env })]);
  });
  after(async () => {
    await fault('MANGU_TEST_REDIS_START').catch(() => {});
    await Promise.all([a?.stop(), b?.stop()]);
  });

  test('requests are still served and each process applies the limit itself', async () => {
    await fault('MANGU_TEST_REDIS_STOP');
    for (const srv of [a, b]) {
      const statuses = [];
      for (let i = 0; i < N + 2; i++) {
        const t0 = Date.now();
        const r = await echo(srv);
        assert.ok(Date.now() - t0 < 2000, `a request took ${Date.now() - t0} ms with Redis down`);
        statuses.push(r.status);
        if (r.status === 429) assertError(assert, r, 429, 'rate_limited');
      }
      assert.deepEqual(statuses, [200, 200, 200, 429, 429]);
      const warned = srv.logs().filter((l) => l.json?.msg?.startsWith('rate limits are per process now'));
      assert.equal(warned.length, 1, 'logged once');
      assert.equal(warned[0].json.level, 'warn');
    }
  });

  test('Redis back: counting is shared again, and that is logged once', async () => {
    await fault('MANGU_TEST_REDIS_START');
    // Redis lost its counters with the restart; the first request after the driver's retry
    // window goes to Redis again.
    const back = await poll(async () => {
      await echo(a);
      return a.logs().some((l) => l.json?.msg?.startsWith('rate limits are shared again'));
    }, { ms: 15000, every: 300 });
    assert.ok(back === true, 'no "shared again" line within 15 s');
    assert.equal(a.logs().filter((l) => l.json?.msg?.startsWith('rate limits are shared again')).length, 1);
  });
});
