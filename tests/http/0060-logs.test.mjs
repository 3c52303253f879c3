// 0060 logs: one JSON object per stdout line, one access-log line per request with the fields
// operators query on, and no secret ever written.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startMangu, api, randomId, sleep } from './lib/mangu.mjs';

const SECRET = `logsecret-${randomId(12)}`;
let srv;
before(async () => { srv = await startMangu({ env: { MANGU_JWT_SECRET: SECRET } }); });
after(() => srv?.stop());

const FIELDS = ['time', 'level', 'msg', 'request_id', 'method', 'route', 'path', 'status',
  'duration_ms', 'client_ip', 'user_id'];

async function accessLine(id) {
  const entry = await srv.waitForLog((l) => l.json?.msg === 'request' && l.json.request_id === id, 5000);
  return entry.json;
}

test('every request writes exactly one access line with the listed fields', async () => {
  const requests = [
    { p: '/api/health', opts: {}, status: 200, method: 'GET' },
    { p: '/api/no-such-route', opts: {}, status: 404, method: 'GET' },
    { p: '/api/health', opts: { method: 'POST', json: {} }, status: 405, method: 'POST' },
    { p: '/api/_test/echo', opts: { method: 'POST', json: { a: 1 } }, status: 200, method: 'POST' },
    { p: '/api/_test/echo', opts: { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{' }, status: 400, method: 'POST' },
    { p: '/', opts: {}, status: 200, method: 'GET' },
    { p: '/assets/app-abc123.js', opts: {}, status: 200, method: 'GET' },
    { p: '/assets/none.js', opts: {}, status: 404, method: 'GET' },
  ];
  const seen = [];
  for (const rq of requests) {
    const r = await api(srv.url, rq.p, rq.opts);
    assert.equal(r.status, rq.status, `${rq.p}: ${r.text}`);
    const id = r.headers.get('x-request-id');
    assert.ok(id, `${rq.p}: X-Request-Id`);
    seen.push({ ...rq, id });
  }
  for (const rq of seen) {
    const l = await accessLine(rq.id);
    for (const f of FIELDS) assert.ok(f in l, `${rq.p}: field ${f} missing in ${JSON.stringify(l)}`);
    assert.ok(!Number.isNaN(Date.parse(l.time)), `time is a date: ${l.time}`);
    assert.match(l.time, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/, 'RFC 3339 time');
    assert.equal(l.level, 'info');
    assert.equal(l.method, rq.method);
    assert.equal(l.path, rq.p.split('?')[0]);
    assert.equal(l.status, rq.status);
    assert.equal(typeof l.duration_ms, 'number');
    assert.ok(l.duration_ms >= 0);
    assert.equal(l.client_ip, '127.0.0.1');
    assert.equal(l.user_id, null);
  }
  await sleep(200);
  for (const rq of seen) {
    const n = srv.accessLogs().filter((l) => l.request_id === rq.id).length;
    assert.equal(n, 1, `${rq.p}: ${n} access lines for one request`);
  }
});

test('the route field is the route pattern for known routes', async () => {
  const r = await api(srv.url, '/api/health?verbose=1');
  const l = await accessLine(r.headers.get('x-request-id'));
  assert.equal(l.route, '/api/health');
  assert.equal(l.path, '/api/health', 'path without the query string');
});

test('a slow request logs its duration', async () => {
  const r = await api(srv.url, '/api/_test/sleep?ms=300');
  assert.equal(r.status, 200);
  const l = await accessLine(r.headers.get('x-request-id'));
  assert.ok(l.duration_ms >= 290, `duration_ms ${l.duration_ms} for a 300 ms sleep`);
});

test('X-Forwarded-For from an untrusted peer does not change client_ip', async () => {
  const r = await api(srv.url, '/api/health', { headers: { 'x-forwarded-for': '203.0.113.9' } });
  const l = await accessLine(r.headers.get('x-request-id'));
  assert.equal(l.client_ip, '127.0.0.1');
});

test('X-Forwarded-For from a trusted proxy sets client_ip', async (t) => {
  const trusted = await startMangu({ env: { MANGU_TRUSTED_PROXIES: '127.0.0.1/32' } });
  t.after(() => trusted.stop());
  const r = await api(trusted.url, '/api/health', { headers: { 'x-forwarded-for': '203.0.113.9' } });
  const id = r.headers.get('x-request-id');
  const l = await trusted.waitForLog((x) => x.json?.msg === 'request' && x.json.request_id === id);
  assert.equal(l.json.client_ip, '203.0.113.9');
});

test('every stdout line is one JSON object with time, level and msg', async () => {
  await sleep(100);
  const out = srv.logs().filter((l) => l.stream === 'stdout');
  assert.ok(out.length > 0);
  for (const l of out) {
    assert.ok(l.json && typeof l.json === 'object', `not a JSON object: ${l.line}`);
    assert.equal(typeof l.json.time, 'string', l.line);
    assert.match(l.json.level, /^(debug|info|warn|error)$/, l.line);
    assert.equal(typeof l.json.msg, 'string', l.line);
  }
});

test('the secret from the environment never appears in the output', async () => {
  // Ask for things that might tempt a logger: errors, a bearer token, a bad body.
  await api(srv.url, '/api/no-such-route', { headers: { authorization: `Bearer ${SECRET}` } });
  await api(srv.url, '/api/_test/echo', { method: 'POST', headers: { 'content-type': 'application/json' }, body: `{"x":"${SECRET}"` });
  await sleep(200);
  const leaked = srv.logs().filter((l) => l.line.includes(SECRET));
  assert.deepEqual(leaked.map((l) => l.line), [], 'secret in the logs');
});
