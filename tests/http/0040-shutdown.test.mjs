// 0040 shutdown: SIGTERM/SIGINT drain in-flight requests, refuse new connections, exit 0.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import { startMangu, api, connectionRefused, sleep } from './lib/mangu.mjs';

for (const signal of ['SIGTERM', 'SIGINT']) {
  test(`${signal} during a slow request lets it finish, refuses new connections, exits 0`, async (t) => {
    const srv = await startMangu();
    t.after(() => srv.stop('SIGKILL'));

    const started = Date.now();
    const slow = api(srv.url, '/api/_test/sleep?ms=1500', { timeout: 20000 });
    await sleep(200);
    srv.proc.kill(signal);
    await sleep(300);

    // Draining: the listening socket is closed while the slow request is still running.
    assert.ok(await connectionRefused(srv.url), 'a new connection during the drain is refused');

    const r = await slow;
    assert.equal(r.status, 200, r.text);
    assert.deepEqual(r.json, { slept_ms: 1500 });
    assert.ok(Date.now() - started >= 1400, 'the request really slept');

    const code = await srv.waitExit();
    assert.equal(code, 0, `exit code; output:\n${srv.logs().map((l) => l.line).join('\n')}`);
    assert.ok(await connectionRefused(srv.url), 'refused after exit');
  });
}

test('an idle keep-alive connection does not hold up the exit', async (t) => {
  const srv = await startMangu();
  t.after(() => srv.stop('SIGKILL'));
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  t.after(() => agent.destroy());
  const u = new URL(srv.url);
  await new Promise((resolve, reject) => {
    http.get({ host: u.hostname, port: u.port, path: '/api/health', agent }, (res) => {
      res.resume();
      res.on('end', resolve);
    }).on('error', reject);
  });
  const t0 = Date.now();
  srv.proc.kill('SIGTERM');
  const code = await srv.waitExit();
  assert.equal(code, 0);
  assert.ok(Date.now() - t0 < 3000, `exited ${Date.now() - t0} ms after SIGTERM with an idle connection open`);
});

test('MANGU_SHUTDOWN_TIMEOUT bounds the drain', async (t) => {
  const srv = await startMangu({ env: { MANGU_SHUTDOWN_TIMEOUT: '1' } });
  t.after(() => srv.stop('SIGKILL'));
  const slow = api(srv.url, '/api/_test/sleep?ms=10000', { timeout: 20000 }).catch((e) => e);
  await sleep(200);
  const t0 = Date.now();
  srv.proc.kill('SIGTERM');
  const code = await srv.waitExit();
  const took = Date.now() - t0;
  assert.ok(took < 4000, `exited ${took} ms after SIGTERM with MANGU_SHUTDOWN_TIMEOUT=1`);
  assert.ok(typeof code === 'number', `exited by itself, not killed (${code})`);
  t.diagnostic(`exit code after an expired drain: ${code}`);
  await slow;
});

test('an idle server exits 0 promptly on SIGTERM', async () => {
  const srv = await startMangu();
  const t0 = Date.now();
  assert.equal(await srv.stop('SIGTERM'), 0);
  assert.ok(Date.now() - t0 < 3000, `took ${Date.now() - t0} ms`);
});
