// 0050 faults (scaled backend only): PostgreSQL stopped and restarted, Redis killed and
// restarted, under one running mangu that is never restarted. The services are left running.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startMangu, api, poll, fault, scaled, assertError } from './lib/mangu.mjs';

const health = (srv) => api(srv.url, '/api/health', { timeout: 5000 });

describe('fault injection', { skip: !scaled && 'scaled backend only (PostgreSQL + Redis)' }, () => {
  let srv;
  before(async () => { srv = await startMangu(); });
  after(async () => {
    // Whatever happened, hand the services back running.
    await fault('MANGU_TEST_PG_START').catch(() => {});
    await fault('MANGU_TEST_REDIS_START').catch(() => {});
    await srv?.stop();
  });

  test('starts healthy', async () => {
    const r = await health(srv);
    assert.equal(r.status, 200, r.text);
    assert.equal(r.json.status, 'ok');
  });

  test('PostgreSQL stopped: health turns 503 "down"', async () => {
    await fault('MANGU_TEST_PG_STOP');
    const r = await poll(async () => {
      const h = await health(srv);
      return h.status === 503 ? h : null;
    }, { ms: 15000 });
    assert.ok(r && r.status === 503, `health did not turn 503 within 15 s (last: ${r?.status} ${r?.text ?? r})`);
    assert.equal(r.json.status, 'down', r.text);
    assert.equal(r.json.checks.database.status, 'down', r.text);
    assert.ok(r.headers.get('x-request-id'));

    // Routes that do not need the database still answer.
    assertError(assert, await api(srv.url, '/api/no-such-route', { timeout: 5000 }), 404, 'not_found');
  });

  test('PostgreSQL back: health returns to 200 without restarting mangu', async () => {
    const pid = srv.proc.pid;
    await fault('MANGU_TEST_PG_START');
    const r = await poll(async () => {
      const h = await health(srv);
      return h.status === 200 && h.json.status === 'ok' ? h : null;
    }, { ms: 20000 });
    assert.ok(r && r.status === 200, `health did not recover within 20 s (last: ${r?.status} ${r?.text ?? r})`);
    assert.equal(r.json.checks.database.status, 'up');
    assert.equal(srv.proc.pid, pid);
    assert.equal(srv.exitInfo(), null, 'mangu is still the same running process');
  });

  test('Redis killed: health is 200 "degraded" and requests are still served', async () => {
    await fault('MANGU_TEST_REDIS_STOP');
    const r = await poll(async () => {
      const h = await health(srv);
      return h.status === 200 && h.json.status === 'degraded' ? h : null;
    }, { ms: 15000 });
    assert.ok(r, 'health did not report degraded within 15 s');
    assert.equal(r.json.checks.cache.status, 'down', r.text);
    assert.equal(r.json.checks.cache.driver, 'redis');
    assert.equal(r.json.checks.database.status, 'up');

    // A cache outage never turns into a 5xx, and calls fail fast (well under the ALB's 5 s).
    for (let i = 0; i < 10; i++) {
      const t0 = Date.now();
      const h = await health(srv);
      assert.equal(h.status, 200, h.text);
      assert.ok(Date.now() - t0 < 2000, `health took ${Date.now() - t0} ms with Redis down`);
    }
    assertError(assert, await api(srv.url, '/api/no-such-route', { timeout: 5000 }), 404, 'not_found');
    const echo = await api(srv.url, '/api/_test/echo', { method: 'POST', json: { ok: true }, timeout: 5000 });
    assert.equal(echo.status, 200, echo.text);
  });

  test('Redis back: health returns to "ok"', async () => {
    await fault('MANGU_TEST_REDIS_START');
    const r = await poll(async () => {
      const h = await health(srv);
      return h.status === 200 && h.json.status === 'ok' ? h : null;
    }, { ms: 20000 });
    assert.ok(r, 'health did not return to ok within 20 s');
    assert.equal(r.json.checks.cache.status, 'up');
  });

  test('both down at once, then both back', async () => {
    await fault('MANGU_TEST_REDIS_STOP');
    await fault('MANGU_TEST_PG_STOP');
    const down = await poll(async () => {
      const h = await health(srv);
      return h.status === 503 ? h : null;
    }, { ms: 15000 });
    assert.ok(down, 'health did not turn 503');
    assert.equal(down.json.status, 'down');
    await fault('MANGU_TEST_PG_START');
    await fault('MANGU_TEST_REDIS_START');
    const ok = await poll(async () => {
      const h = await health(srv);
      return h.status === 200 && h.json.status === 'ok' ? h : null;
    }, { ms: 20000 });
    assert.ok(ok, 'health did not return to ok');
  });
});
