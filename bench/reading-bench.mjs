// bench/reading-bench.mjs: progress writes per second and the library listing of a reader who
// owns BENCH_BOOKS books. Run through bench/reading.sh (which runs it under tests/run-http.sh,
// so the scaled backend's PostgreSQL and Redis exist); appends one JSON line per measure to
// BENCH_OUT.
//
// Seeds BENCH_BOOKS generated books with `mangu seed --books`, gives them all to one reader
// straight in the database (the bench measures reading, not buying), then runs wrk for
// BENCH_DURATION against PUT /api/library/{id}/progress and GET /api/library?limit=100.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { api, backend, createDatabase, runMangu, startMangu, tempDir } from '../tests/http/lib/mangu.mjs';
import { bearer, createUser } from '../tests/http/lib/accounts.mjs';

const run = promisify(execFile);
const BOOKS = Number(process.env.BENCH_BOOKS ?? 1000);
const DURATION = process.env.BENCH_DURATION ?? '10s';
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 8);
const out = process.env.BENCH_OUT;
const OWN =
  "INSERT INTO library_entries (user_id, book_id, source) SELECT u.id, b.id, 'admin' " +
  "FROM users u, books b WHERE u.email = '%EMAIL%' AND b.status = 'published'";

/** A wrk Lua script: the request, and a last line of JSON with the figures we keep. */
function wrkScript(dir, name, token, method, body) {
  const file = path.join(dir, `${name}.lua`);
  fs.writeFileSync(file, `wrk.method = "${method}"
wrk.headers["Authorization"] = "Bearer ${token}"
${body ? `wrk.headers["Content-Type"] = "application/json"\nwrk.body = '${body}'` : ''}
done = function(s, latency, r)
  local errs = s.errors.connect + s.errors.read + s.errors.write + s.errors.timeout + s.errors.status
  io.write(string.format('{"requests":%d,"seconds":%.3f,"p50_ms":%.2f,"p95_ms":%.2f,"p99_ms":%.2f,"errors":%d}\\n',
    s.requests, s.duration / 1e6, latency:percentile(50) / 1000, latency:percentile(95) / 1000,
    latency:percentile(99) / 1000, errs))
end
`);
  return file;
}

async function wrk(url, script) {
  const { stdout } = await run('wrk', ['-t2', `-c${CONNECTIONS}`, `-d${DURATION}`, '-s', script, url],
    { timeout: 600000 });
  const r = JSON.parse(stdout.trim().split('\n').at(-1));
  return { ...r, rps: Math.round(r.requests / r.seconds) };
}

async function own(db, dataDir, email) {
  const sql = OWN.replace('%EMAIL%', email);
  if (db) await run(process.env.MANGU_TEST_PSQL || 'psql', [db.url, '-v', 'ON_ERROR_STOP=1', '-qc', sql]);
  else await run('sqlite3', [path.join(dataDir, 'mangu.db'), sql]);
}

const dataDir = tempDir('mangu-bench-reading-');
const db = backend === 'scaled' ? await createDatabase() : null;
const dbEnv = db ? { MANGU_DATABASE_URL: db.url, MANGU_AUTO_MIGRATE: '1' } : {};
const seeded = await runMangu(['seed', '--books', String(BOOKS)], dbEnv,
  { dataDir, keepDataDir: true, timeout: 600000 });
if (seeded.code !== 0) throw new Error(`seed failed: ${seeded.output}`);
const srv = await startMangu({
  dataDir,
  env: { ...dbEnv, MANGU_RATE_LIMIT: 'off', MANGU_RATE_LIMIT_LOGIN: 'off',
    MANGU_THREADS: process.env.BENCH_THREADS ?? '8' },
});
try {
  const reader = await createUser(srv, 'reader');
  await own(db, dataDir, reader.email);
  const first = await api(srv.url, '/api/library?limit=1', { headers: bearer(reader.token) });
  const owned = first.json.total;
  if (owned < BOOKS * 0.9) throw new Error(`the reader owns ${owned} books, expected about ${BOOKS}`);
  const book = first.json.items[0].book.id;
  const dir = tempDir('mangu-bench-wrk-');
  const body = '{"position":"epubcfi(/6/14!/4/2/10/1:120)","progress":0.42,"device_id":"bench","device_name":"Bench"}';
  const rows = [
    { measure: 'progress_put', ...await wrk(`${srv.url}/api/library/${book}/progress`, wrkScript(dir, 'put', reader.token, 'PUT', body)) },
    { measure: 'library_list_100', ...await wrk(`${srv.url}/api/library?limit=100`, wrkScript(dir, 'get', reader.token, 'GET')) },
  ];
  const load = fs.readFileSync('/proc/loadavg', 'utf8').split(' ')[0];
  for (const r of rows) {
    const line = JSON.stringify({ backend, books_owned: owned, connections: CONNECTIONS, load, binary: process.env.MANGU_BIN, ...r });
    console.log(line);
    if (out) fs.appendFileSync(out, `${line}\n`);
  }
  fs.rmSync(dir, { recursive: true, force: true });
} finally {
  await srv.stop();
  await db?.drop();
  fs.rmSync(dataDir, { recursive: true, force: true });
}
