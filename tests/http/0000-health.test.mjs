// 0000 health: GET /api/health on the backend under test (the load balancer's check).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startMangu, api, backend, scaled } from './lib/mangu.mjs';

let srv;
before(async () => { srv = await startMangu(); });
after(() => srv?.stop());

test(`health answers 200 with every dependency up (${backend})`, async () => {
  const r = await api(srv.url, '/api/health');
  assert.equal(r.status, 200, r.text);
  assert.match(r.headers.get('content-type') || '', /^application\/json/i);
  const h = r.json;
  assert.equal(h.status, 'ok', r.text);
  assert.equal(typeof h.version, 'string');
  assert.ok(h.version.length > 0);
  assert.equal(typeof h.uptime_s, 'number');
  assert.ok(h.uptime_s >= 0);

  const { database, cache } = h.checks;
  assert.equal(database.status, 'up');
  assert.equal(database.driver, scaled ? 'postgres' : 'sqlite');
  assert.equal(typeof database.latency_ms, 'number');
  assert.ok(database.latency_ms >= 0);

  assert.equal(cache.status, 'up');
  assert.equal(cache.driver, scaled ? 'redis' : 'memory');
  assert.equal(typeof cache.latency_ms, 'number');
  assert.ok(cache.latency_ms >= 0);
});

test('health is not cached and carries a request id', async () => {
  const a = await api(srv.url, '/api/health');
  const b = await api(srv.url, '/api/health');
  assert.match(a.headers.get('cache-control') || '', /no-store/);
  const ida = a.headers.get('x-request-id');
  const idb = b.headers.get('x-request-id');
  assert.ok(ida && idb, 'X-Request-Id on every response');
  assert.notEqual(ida, idb, 'a fresh request id per request');
});

test('version is stable and uptime grows', async () => {
  const a = await api(srv.url, '/api/health');
  await new Promise((r) => setTimeout(r, 1100));
  const b = await api(srv.url, '/api/health');
  assert.equal(a.json.version, b.json.version);
  assert.ok(b.json.uptime_s >= a.json.uptime_s, 'uptime does not go backwards');
  assert.ok(b.json.uptime_s > 0, 'uptime counts after a second');
});
