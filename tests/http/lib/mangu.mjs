// Helpers for the HTTP tests: start the real `mangu` binary on a free loopback port with a fresh
// data folder (and, on the scaled backend, a fresh PostgreSQL database), talk to it, stop it.
//
//   const srv = await startMangu({ env: { MANGU_CORS_ORIGINS: 'https://a.example' } });
//   after(() => srv.stop());
//   const r = await api(srv.url, '/api/health');
//
// The runner (tests/run-http.sh) says which backend through the environment:
//   MANGU_TEST_BACKEND        'embedded' | 'scaled'
//   MANGU_TEST_PG_ADMIN_URL   postgres://... of the private cluster (scaled)
//   MANGU_TEST_DATABASE_URL   marker: set when tests must run on PostgreSQL
//   MANGU_TEST_REDIS_URL      redis://... (scaled)
//   MANGU_TEST_S3_ENDPOINT, _ACCESS_KEY_ID, _SECRET_ACCESS_KEY   s3rver (scaled)
//   MANGU_TEST_PG_STOP/START, MANGU_TEST_REDIS_STOP/START, MANGU_TEST_S3_STOP/START
//                             fault-injection commands (scaled)
//   MANGU_TEST_LOG_DIR        where each server's output is written (optional)
//   MANGU_BIN                 the binary (default build/mangu-test)

import { spawn, execFile } from 'node:child_process';
import { once } from 'node:events';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { randomBytes } from 'node:crypto';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';

const execFileP = promisify(execFile);

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const defaultBinary = process.env.MANGU_BIN || path.join(repoRoot, 'build/mangu-test');
export const backend =
  process.env.MANGU_TEST_BACKEND ||
  (process.env.MANGU_TEST_DATABASE_URL ? 'scaled' : 'embedded');
export const scaled = backend === 'scaled';

const READY_TIMEOUT_MS = 15000;
const keep = process.env.MANGU_TEST_KEEP === '1';
const live = new Set(); // servers not yet stopped, killed if the test process exits early
let serial = 0;

process.on('exit', () => {
  for (const s of live) {
    try { s.proc.kill('SIGKILL'); } catch { /* already gone */ }
  }
  if (sharedWeb && !keep) fs.rmSync(sharedWeb.dir, { recursive: true, force: true });
});

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
export const randomId = (n = 6) => randomBytes(n).toString('hex');

/** A loopback port nobody listens on right now (the kernel picks it). */
export async function freePort() {
  const srv = net.createServer();
  srv.listen(0, '127.0.0.1');
  await once(srv, 'listening');
  const { port } = srv.address();
  srv.close();
  await once(srv, 'close');
  return port;
}

export function tempDir(prefix = 'mangu-test-') {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/** A tiny web client folder: index.html and one hashed asset. */
export function makeWebDir(dir = tempDir('mangu-web-')) {
  const index =
    '<!doctype html><html><head><meta charset="utf-8"><title>MANGU test</title>' +
    '<script type="module" src="/assets/app-abc123.js"></script></head>' +
    '<body><div id="root">mangu-test-index</div></body></html>\n';
  const asset = 'console.log("mangu-test-asset");\n';
  fs.mkdirSync(path.join(dir, 'assets'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'index.html'), index);
  fs.writeFileSync(path.join(dir, 'assets', 'app-abc123.js'), asset);
  return { dir, index, asset };
}

let sharedWeb;
function defaultWebDir() {
  sharedWeb ??= makeWebDir();
  return sharedWeb.dir;
}

// ---- PostgreSQL databases (scaled backend) -------------------------------------------------

function psqlBin() {
  return process.env.MANGU_TEST_PSQL || 'psql';
}

function adminUrl() {
  const u = process.env.MANGU_TEST_PG_ADMIN_URL;
  if (!u) throw new Error('MANGU_TEST_PG_ADMIN_URL is not set (run through tests/run-http.sh scaled)');
  return u;
}

async function psql(sql) {
  return execFileP(psqlBin(), [adminUrl(), '-v', 'ON_ERROR_STOP=1', '-Atqc', sql], {
    timeout: 30000,
  });
}

/** Runs one statement on the database at "url"; resolves to psql's unaligned output, trimmed. */
export async function sqlAt(url, sql) {
  const { stdout } = await execFileP(psqlBin(), [url, '-v', 'ON_ERROR_STOP=1', '-Atqc', sql], { timeout: 30000 });
  return stdout.trim();
}

/** Creates an empty database on the test cluster; returns {name, url, drop()}. */
export async function createDatabase() {
  const name = `t_${randomId(8)}`;
  await psql(`CREATE DATABASE ${name}`);
  const url = new URL(adminUrl());
  url.pathname = `/${name}`;
  return {
    name,
    url: url.toString(),
    // Best effort: the cluster is thrown away at the end anyway (and may be stopped right now).
    drop: () => psql(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).catch(() => {}),
  };
}

/** Creates an empty bucket on the test s3rver (scaled); returns its name. */
export async function createBucket() {
  const endpoint = process.env.MANGU_TEST_S3_ENDPOINT;
  if (!endpoint) throw new Error('MANGU_TEST_S3_ENDPOINT is not set (run through tests/run-http.sh scaled)');
  const name = `t-${randomId(8)}`;
  const r = await fetch(`${endpoint}/${name}`, { method: 'PUT', signal: AbortSignal.timeout(10000) });
  if (r.status !== 200) throw new Error(`cannot create bucket ${name}: ${r.status} ${await r.text()}`);
  const cors = process.env.MANGU_TEST_S3_CORS_XML; // browsers upload and read there directly
  if (cors) {
    const c = await fetch(`${endpoint}/${name}?cors`, { method: 'PUT', body: fs.readFileSync(cors), signal: AbortSignal.timeout(10000) });
    if (c.status !== 200) throw new Error(`cannot set the CORS rules of ${name}: ${c.status} ${await c.text()}`);
  }
  return name;
}

/**
 * The environment a server gets: nothing MANGU_* inherited from the runner, only what the test
 * and the backend say. `useBackend` false keeps the embedded defaults even on the scaled run.
 */
async function buildEnv({ env = {}, dataDir, webDir, listen, useBackend = true }) {
  const base = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (!k.startsWith('MANGU_') && !k.startsWith('AWS_')) base[k] = v; // AWS_* is config too
  }
  const out = {
    ...base,
    MANGU_ENV: 'test',
    MANGU_DATA_DIR: dataDir,
    MANGU_WEB_DIR: webDir ?? defaultWebDir(),
    MANGU_LISTEN: listen,
    MANGU_LOG_LEVEL: 'info',
  };
  let db = null;
  if (useBackend && scaled && !('MANGU_DATABASE_URL' in env)) {
    db = await createDatabase();
    out.MANGU_DATABASE_URL = db.url;
    out.MANGU_AUTO_MIGRATE = '1'; // a fresh database has every migration pending
  }
  if (useBackend && scaled && !('MANGU_REDIS_URL' in env) && process.env.MANGU_TEST_REDIS_URL) {
    out.MANGU_REDIS_URL = process.env.MANGU_TEST_REDIS_URL;
    out.MANGU_CACHE_PREFIX = `t_${randomId(4)}:`; // harmless if mangu ignores it
  }
  if (useBackend && scaled && !('MANGU_S3_BUCKET' in env) && process.env.MANGU_TEST_S3_ENDPOINT) {
    out.MANGU_S3_BUCKET = await createBucket(); // a fresh bucket per server
    out.MANGU_S3_ENDPOINT = process.env.MANGU_TEST_S3_ENDPOINT;
    out.MANGU_S3_ACCESS_KEY_ID = process.env.MANGU_TEST_S3_ACCESS_KEY_ID;
    out.MANGU_S3_SECRET_ACCESS_KEY = process.env.MANGU_TEST_S3_SECRET_ACCESS_KEY;
  }
  // The test's own values win; `undefined` removes a variable.
  for (const [k, v] of Object.entries(env)) {
    if (v === undefined || v === null) delete out[k];
    else out[k] = String(v);
  }
  return { env: out, db };
}

function parseLine(stream, line) {
  let json = null;
  if (line.startsWith('{')) {
    try { json = JSON.parse(line); } catch { /* not JSON */ }
  }
  return { stream, line, json };
}

function logFileFor(label) {
  const dir = process.env.MANGU_TEST_LOG_DIR;
  if (!dir) return null;
  fs.mkdirSync(dir, { recursive: true });
  const test = path.basename(process.argv[1] || 'test', '.test.mjs');
  return path.join(dir, `${test}-${String(++serial).padStart(2, '0')}-${label}.log`);
}

/**
 * Starts `mangu serve` (by default) and waits for its "listening" log line.
 * Options: env (merged over the defaults; undefined removes), binary, webDir, args,
 * dataDir (reuse one; otherwise a fresh temp folder), useBackend (default true),
 * readyTimeout (ms), waitReady (default true).
 * Returns {url, port, proc, dataDir, database, logs(), accessLogs(), waitForLog(pred, ms),
 *          stop(signal='SIGTERM', {timeout}) -> exit code (or signal name), waitExit()}.
 */
export async function startMangu(opts = {}) {
  const {
    binary = defaultBinary,
    args = ['serve'],
    readyTimeout = READY_TIMEOUT_MS,
    waitReady = true,
    useBackend = true,
  } = opts;
  const ownDataDir = !opts.dataDir;
  const dataDir = opts.dataDir ?? tempDir('mangu-data-');
  const port = await freePort();
  const listen = `127.0.0.1:${port}`;
  const { env, db } = await buildEnv({ env: opts.env, dataDir, webDir: opts.webDir, listen, useBackend });
  const expectedUrl = `http://${env.MANGU_LISTEN}`;

  const proc = spawn(binary, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
  const lines = [];
  const waiters = new Set();
  const logFile = logFileFor('serve');
  const logStream = logFile ? fs.createWriteStream(logFile) : null;
  logStream?.write(`# ${binary} ${args.join(' ')}\n# ${Object.entries(env)
    .filter(([k]) => k.startsWith('MANGU_')).map(([k, v]) => `${k}=${v}`).join(' ')}\n`);

  const onLine = (stream) => (line) => {
    const entry = parseLine(stream, line);
    lines.push(entry);
    logStream?.write(`${stream === 'stderr' ? '! ' : ''}${line}\n`);
    for (const w of waiters) w(entry);
  };
  readline.createInterface({ input: proc.stdout }).on('line', onLine('stdout'));
  readline.createInterface({ input: proc.stderr }).on('line', onLine('stderr'));

  let exitInfo = null;
  const exited = new Promise((resolve) => {
    proc.on('exit', (code, signal) => {
      exitInfo = { code, signal };
      resolve(exitInfo);
    });
    proc.on('error', (err) => {
      exitInfo = { code: null, signal: null, error: err };
      resolve(exitInfo);
    });
  });
  // Both pipes drained too, so logs() is complete once this resolves.
  const closed = new Promise((resolve) => proc.on('close', resolve)).then(() => exited);
  const exitValue = (e) => (e.code ?? e.signal ?? e.error?.message);

  const dump = () => lines.map((l) => `  ${l.stream}: ${l.line}`).join('\n');

  /** Resolves with the first log entry (already seen or coming) for which pred is true. */
  const waitForLog = (pred, ms = 5000) => {
    const seen = lines.find(pred);
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        waiters.delete(w);
        reject(new Error(`no matching log line within ${ms} ms; output so far:\n${dump()}`));
      }, ms);
      const w = (entry) => {
        if (!pred(entry)) return;
        clearTimeout(timer);
        waiters.delete(w);
        resolve(entry);
      };
      waiters.add(w);
      exited.then(() => setTimeout(() => {
        if (!waiters.has(w)) return;
        clearTimeout(timer);
        waiters.delete(w);
        reject(new Error(`mangu exited (${exitValue(exitInfo)}) before the expected log line:\n${dump()}`));
      }, 50));
    });
  };

  let stopped = false;
  const server = {
    url: expectedUrl,
    port,
    proc,
    dataDir,
    env,
    database: db,
    logFile,
    logs: () => lines.slice(),
    accessLogs: () => lines.filter((l) => l.json?.msg === 'request').map((l) => l.json),
    waitForLog,
    /** Resolves to the exit code (or the signal's name when killed by one). */
    waitExit: () => closed.then(exitValue),
    exitInfo: () => exitInfo,
    /**
     * Sends `signal` (unless it already exited) and waits for the exit; after `timeout` ms it
     * sends SIGKILL and throws. Also removes the data folder and drops the test database.
     */
    async stop(signal = 'SIGTERM', { timeout = 30000 } = {}) {
      if (!exitInfo) {
        proc.kill(signal);
        const t = setTimeout(() => proc.kill('SIGKILL'), timeout);
        await closed;
        clearTimeout(t);
        if (exitInfo.signal === 'SIGKILL' && signal !== 'SIGKILL') {
          await cleanup();
          throw new Error(`mangu did not exit within ${timeout} ms of ${signal}; killed`);
        }
      } else {
        await closed;
      }
      await cleanup();
      return exitValue(exitInfo);
    },
  };

  async function cleanup() {
    if (stopped) return;
    stopped = true;
    live.delete(server);
    logStream?.end(`# exit ${JSON.stringify(exitInfo)}\n`);
    if (db) await db.drop();
    if (ownDataDir && !keep) fs.rmSync(dataDir, { recursive: true, force: true });
  }

  live.add(server);
  if (!waitReady) return server;

  try {
    const ready = await waitForLog((l) => l.json?.msg === 'listening', readyTimeout);
    if (ready.json.url && ready.json.url !== expectedUrl) {
      throw new Error(`"listening" says url ${ready.json.url}, expected ${expectedUrl}`);
    }
  } catch (err) {
    proc.kill('SIGKILL');
    await closed;
    await cleanup();
    err.message = `starting ${binary} ${args.join(' ')}: ${err.message}`;
    throw err;
  }
  return server;
}

/**
 * Runs a one-shot subcommand: runMangu(['check'], {MANGU_THREADS: 'abc'}).
 * Same environment rules as startMangu (fresh data folder, MANGU_LISTEN on a free port), but
 * on the scaled run it only gets a PostgreSQL database and Redis with {useBackend: true}.
 * Returns {code, signal, stdout, stderr, output (both), dataDir}.
 */
export async function runMangu(args = [], env = {}, opts = {}) {
  const { binary = defaultBinary, timeout = 15000, useBackend = false, input } = opts;
  const ownDataDir = !opts.dataDir;
  const dataDir = opts.dataDir ?? tempDir('mangu-data-');
  const listen = `127.0.0.1:${await freePort()}`;
  const built = await buildEnv({ env, dataDir, webDir: opts.webDir, listen, useBackend });
  const proc = spawn(binary, args, { env: built.env, stdio: [input ? 'pipe' : 'ignore', 'pipe', 'pipe'] });
  if (input) proc.stdin.end(input);
  let stdout = '';
  let stderr = '';
  proc.stdout.setEncoding('utf8').on('data', (d) => { stdout += d; });
  proc.stderr.setEncoding('utf8').on('data', (d) => { stderr += d; });
  let timedOut = false;
  const timer = setTimeout(() => { timedOut = true; proc.kill('SIGKILL'); }, timeout);
  const [code, signal] = await new Promise((resolve, reject) => {
    proc.on('error', reject);
    proc.on('close', (c, s) => resolve([c, s]));
  });
  clearTimeout(timer);
  const logFile = logFileFor(`run-${args[0] ?? 'none'}`);
  if (logFile) {
    fs.writeFileSync(logFile, `# ${binary} ${args.join(' ')} -> ${code ?? signal}\n${stdout}\n! ${stderr}`);
  }
  if (built.db && !opts.keepDatabase) await built.db.drop();
  if (ownDataDir && !keep && !opts.keepDataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  if (timedOut) {
    throw new Error(`mangu ${args.join(' ')} did not exit within ${timeout} ms\nstdout: ${stdout}\nstderr: ${stderr}`);
  }
  return { code, signal, stdout, stderr, output: stdout + stderr, dataDir, database: built.db };
}

// ---- talking to the server -----------------------------------------------------------------

function parseJson(text) {
  try { return JSON.parse(text); } catch { return undefined; }
}

/**
 * fetch() with the bits tests want: api(url, '/api/x', {method, headers, json, body, timeout}).
 * `json` is sent as application/json. Returns {status, headers (Headers), json, text}.
 */
export async function api(base, p, opts = {}) {
  const { json, timeout = 10000, ...init } = opts;
  init.headers = { ...(init.headers || {}) };
  if (json !== undefined) {
    init.body = JSON.stringify(json);
    if (!Object.keys(init.headers).some((h) => h.toLowerCase() === 'content-type')) {
      init.headers['content-type'] = 'application/json';
    }
  }
  const res = await fetch(new URL(p, base), { redirect: 'manual', signal: AbortSignal.timeout(timeout), ...init });
  const text = await res.text();
  return { status: res.status, headers: res.headers, json: parseJson(text), text };
}

/**
 * A request through node:http, for what fetch() will not do (a declared Content-Length larger
 * than what is sent so far, a raw path such as /assets/../x, chunked uploads).
 * opts: {method, path, headers, body (string|Buffer), chunks: [Buffer...] with pauseMs between,
 *        waitFirstMs: after the first chunk, wait this long for an early answer}
 * Resolves {status, headers (plain object, lower-case), text, json} or, when the server closes
 * the connection before answering, {reset: true, error}.
 */
export function rawRequest(base, opts = {}) {
  const u = new URL(base);
  const { method = 'GET', path: p = '/', headers = {}, body, chunks, waitFirstMs = 0, timeout = 10000 } = opts;
  return new Promise((resolve) => {
    let done = false;
    const finish = (v) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      resolve(v);
    };
    const req = http.request({
      host: u.hostname, port: u.port, method, path: p, headers, agent: false,
    });
    const timer = setTimeout(() => {
      req.destroy(new Error('timeout'));
      finish({ reset: false, timeout: true, error: new Error(`no answer within ${timeout} ms`) });
    }, timeout);
    req.on('response', (res) => {
      const bufs = [];
      res.on('data', (d) => bufs.push(d));
      const end = () => {
        const text = Buffer.concat(bufs).toString('utf8');
        finish({ status: res.statusCode, headers: res.headers, text, json: parseJson(text) });
      };
      res.on('end', end);
      res.on('error', end);
      res.on('aborted', end);
    });
    req.on('error', (error) => finish({ reset: true, error }));
    if (chunks) {
      (async () => {
        for (let i = 0; i < chunks.length && !done; i++) {
          const ok = req.write(chunks[i]);
          if (i === 0 && waitFirstMs) await sleep(waitFirstMs);
          else if (!ok) await Promise.race([once(req, 'drain'), sleep(2000)]);
        }
        if (!done) req.end();
      })().catch(() => {});
    } else {
      req.end(body);
    }
  });
}

/** Resolves true when a TCP connection to the server's port is refused. */
export function connectionRefused(base, ms = 2000) {
  const u = new URL(base);
  return new Promise((resolve) => {
    const sock = net.connect({ host: u.hostname, port: Number(u.port) });
    const t = setTimeout(() => { sock.destroy(); resolve(false); }, ms);
    sock.on('connect', () => { clearTimeout(t); sock.destroy(); resolve(false); });
    sock.on('error', (e) => { clearTimeout(t); resolve(e.code === 'ECONNREFUSED'); });
  });
}

/** Calls fn until it returns a truthy value or `ms` pass; returns that value or the last one. */
export async function poll(fn, { ms = 15000, every = 250 } = {}) {
  const end = Date.now() + ms;
  let last;
  for (;;) {
    try { last = await fn(); } catch (e) { last = e; }
    if (last && !(last instanceof Error)) return last;
    if (Date.now() >= end) return last;
    await sleep(every);
  }
}

/** Runs one of the runner's fault-injection commands (MANGU_TEST_PG_STOP, ...). */
export async function fault(name) {
  const cmd = process.env[name];
  if (!cmd) throw new Error(`${name} is not set (run through tests/run-http.sh scaled)`);
  await execFileP(cmd, [], { timeout: 60000 });
}

/** Asserts the error shape of DESIGN.md and that error.request_id equals X-Request-Id. */
export function assertError(assert, r, status, codes) {
  const want = Array.isArray(codes) ? codes : [codes];
  assert.equal(r.status, status, `status; body: ${r.text}`);
  assert.ok(r.json && typeof r.json === 'object', `JSON body expected, got: ${r.text}`);
  const e = r.json.error;
  assert.ok(e && typeof e === 'object', `"error" object expected, got: ${r.text}`);
  assert.ok(want.includes(e.code), `error.code ${e.code} not in ${want.join('|')}`);
  assert.equal(typeof e.message, 'string');
  assert.ok(e.message.length > 0, 'error.message is empty');
  if ('details' in e) assert.equal(typeof e.details, 'object');
  const hdr = typeof r.headers.get === 'function' ? r.headers.get('x-request-id') : r.headers['x-request-id'];
  assert.ok(hdr, 'X-Request-Id header missing');
  assert.equal(e.request_id, hdr, 'error.request_id equals the X-Request-Id header');
  const ct = typeof r.headers.get === 'function' ? r.headers.get('content-type') : r.headers['content-type'];
  assert.match(ct || '', /^application\/json/i);
}
