// 0020 configuration and the command line: every bad value stops the program with exit 2 and a
// message naming the variable; `check` masks secrets; secrets from files; generated secrets.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { runMangu, startMangu, tempDir, scaled, createDatabase, defaultBinary } from './lib/mangu.mjs';

// [variable, bad value]
const BAD = [
  ['MANGU_LISTEN', 'nonsense'],
  ['MANGU_LISTEN', '127.0.0.1:99999'],
  ['MANGU_LISTEN', '127.0.0.1:'],
  ['MANGU_THREADS', 'abc'],
  ['MANGU_THREADS', '0'],
  ['MANGU_THREADS', '257'],
  ['MANGU_THREADS', '4x'],
  ['MANGU_ENV', 'staging'],
  ['MANGU_DATABASE_URL', 'mysql://x'],
  ['MANGU_DATABASE_URL', 'nonsense'],
  ['MANGU_REDIS_URL', 'http://127.0.0.1:6379'],
  ['MANGU_SHUTDOWN_TIMEOUT', 'soon'],
  ['MANGU_SHUTDOWN_TIMEOUT', '-5'],
  ['MANGU_MAX_BODY', 'big'],
  ['MANGU_MAX_BODY', '-1'],
  ['MANGU_TRUSTED_PROXIES', '10.0.0.0/33'],
  ['MANGU_TRUSTED_PROXIES', 'not-an-ip'],
  ['MANGU_CORS_ORIGINS', 'a.example'],
  ['MANGU_CORS_ORIGINS', 'not a url'],
  ['MANGU_LOG_LEVEL', 'verbose'],
  ['MANGU_AUTO_MIGRATE', 'maybe'],
  ['MANGU_SQLITE_MMAP_MB', '-1'],
  ['MANGU_SQLITE_MMAP_MB', 'lots'],
  ['MANGU_CACHE_LOCAL_BYTES', 'lots'],
  ['MANGU_CACHE_LOCAL_BYTES', '-1'],
];

function assertConfigError(r, name, value) {
  assert.equal(r.code, 2, `${name}=${JSON.stringify(value)}: exit code\nstdout: ${r.stdout}\nstderr: ${r.stderr}`);
  const lines = r.stderr.split('\n').filter((l) => l.includes(name));
  assert.ok(lines.length >= 1, `${name}: stderr names the variable, got: ${r.stderr}`);
  assert.match(lines[0], /^mangu: /, `message starts with "mangu: ": ${lines[0]}`);
  assert.doesNotMatch(r.stdout, /"msg":"listening"/, 'it must not start serving');
}

describe('a bad value exits 2 naming the variable', () => {
  for (const [name, value] of BAD) {
    for (const cmd of ['serve', 'check']) {
      test(`${cmd}: ${name}=${JSON.stringify(value)}`, async () => {
        assertConfigError(await runMangu([cmd], { [name]: value }), name, value);
      });
    }
  }

  test('production without MANGU_JWT_SECRET', async () => {
    for (const cmd of ['serve', 'check']) {
      const r = await runMangu([cmd], { MANGU_ENV: 'production', MANGU_PUBLIC_URL: 'https://mangu.example' });
      assertConfigError(r, 'MANGU_JWT_SECRET', undefined);
    }
  });

  test('MANGU_JWT_SECRET_FILE that does not exist', async () => {
    const r = await runMangu(['check'], { MANGU_JWT_SECRET_FILE: '/nonexistent/mangu-secret' });
    assertConfigError(r, 'MANGU_JWT_SECRET_FILE', '/nonexistent/mangu-secret');
  });

  test('the message says what was given', async () => {
    const r = await runMangu(['check'], { MANGU_THREADS: 'abc' });
    assert.equal(r.code, 2);
    assert.match(r.stderr, /MANGU_THREADS.*abc/);
  });
});

describe('good values are accepted', () => {
  const GOOD = {
    MANGU_THREADS: ['1', '256'],
    MANGU_ENV: ['development', 'test'],
    MANGU_LOG_LEVEL: ['debug', 'info', 'warn', 'error'],
    MANGU_TRUSTED_PROXIES: ['127.0.0.1/32', '10.0.0.0/8,192.168.1.0/24'],
    MANGU_CORS_ORIGINS: ['https://a.example', 'https://a.example,http://localhost:5173'],
    MANGU_SHUTDOWN_TIMEOUT: ['1', '25'],
    MANGU_MAX_BODY: ['1048576'],
    MANGU_AUTO_MIGRATE: ['0', '1'],
    MANGU_DATABASE_URL: ['sqlite:/tmp/mangu-check-only/mangu.db', 'postgres://u:p@127.0.0.1:5432/db'],
    MANGU_REDIS_URL: ['redis://127.0.0.1:6379', 'redis://:pw@127.0.0.1:6379/2'],
  };
  for (const [name, values] of Object.entries(GOOD)) {
    test(`check accepts ${name}=${values.join(' | ')}`, async () => {
      for (const value of values) {
        const r = await runMangu(['check'], { [name]: value });
        assert.equal(r.code, 0, `${name}=${value}\nstdout: ${r.stdout}\nstderr: ${r.stderr}`);
      }
    });
  }
});

describe('check masks secrets', () => {
  test('MANGU_JWT_SECRET never appears, **** does', async () => {
    const secret = 'supersecretvalue123-0123456789abcdef'; // mangu wants >= 32 characters
    const r = await runMangu(['check'], { MANGU_JWT_SECRET: secret });
    assert.equal(r.code, 0, r.stderr);
    assert.ok(!r.output.includes(secret), `the secret leaked:\n${r.output}`);
    assert.match(r.output, /\*\*\*\*/);
    assert.match(r.output, /MANGU_JWT_SECRET/);
  });

  test('passwords inside database and Redis URLs are masked', async () => {
    const r = await runMangu(['check'], {
      MANGU_DATABASE_URL: 'postgres://mangu:pgsecretpw4242@127.0.0.1:5432/mangu',
      MANGU_REDIS_URL: 'redis://:redissecretpw4242@127.0.0.1:6379/0',
    });
    assert.equal(r.code, 0, r.stderr);
    assert.ok(!r.output.includes('pgsecretpw4242'), `database password leaked:\n${r.output}`);
    assert.ok(!r.output.includes('redissecretpw4242'), `Redis password leaked:\n${r.output}`);
  });

  test('check shows the effective configuration, defaults included', async () => {
    const r = await runMangu(['check'], { MANGU_THREADS: '3' });
    assert.equal(r.code, 0, r.stderr);
    for (const name of ['MANGU_LISTEN', 'MANGU_DATA_DIR', 'MANGU_DATABASE_URL', 'MANGU_THREADS', 'MANGU_MAX_BODY', 'MANGU_SHUTDOWN_TIMEOUT']) {
      assert.match(r.output, new RegExp(name), `${name} in check output`);
    }
    assert.match(r.output, /MANGU_THREADS\W+3\b/);
  });
});

describe('secrets from files and generated secrets', () => {
  test('MANGU_JWT_SECRET_FILE satisfies production and is masked', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'jwt');
    fs.writeFileSync(file, 'filesecretvalue456-0123456789abcdef\n', { mode: 0o600 });
    try {
      const r = await runMangu(['check'], {
        MANGU_ENV: 'production', MANGU_PUBLIC_URL: 'https://mangu.example', MANGU_JWT_SECRET_FILE: file,
      });
      assert.equal(r.code, 0, `stdout: ${r.stdout}\nstderr: ${r.stderr}`);
      assert.ok(!r.output.includes('filesecretvalue456'), `the secret leaked:\n${r.output}`);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  test('a missing secret is generated once into $DATA_DIR/secrets with mode 0600, with a warning', async () => {
    const dataDir = tempDir();
    try {
      const srv = await startMangu({ dataDir });
      const warned = srv.logs().some((l) => l.json && l.json.level === 'warn' && /secret/i.test(l.line));
      const code = await srv.stop();
      assert.equal(code, 0);
      assert.ok(warned, `a warning about the generated secret:\n${srv.logs().map((l) => l.line).join('\n')}`);

      const secrets = path.join(dataDir, 'secrets');
      const files = fs.readdirSync(secrets);
      assert.ok(files.length >= 1, 'a secret file was written');
      const before = {};
      for (const f of files) {
        const st = fs.statSync(path.join(secrets, f));
        assert.ok(st.isFile());
        assert.equal(st.mode & 0o777, 0o600, `${f} has mode ${(st.mode & 0o777).toString(8)}`);
        assert.ok(st.size >= 32, `${f} holds a real secret (${st.size} bytes)`);
        before[f] = fs.readFileSync(path.join(secrets, f), 'utf8');
      }

      // A second start reuses it rather than generating another one.
      const again = await startMangu({ dataDir });
      await again.stop();
      for (const f of files) {
        assert.equal(fs.readFileSync(path.join(secrets, f), 'utf8'), before[f], `${f} unchanged`);
      }
      // And the secret itself never reaches the logs.
      for (const v of Object.values(before)) {
        const s = v.trim();
        assert.ok(!srv.logs().some((l) => l.line.includes(s)), 'generated secret in the logs');
      }
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

describe('command line', () => {
  test('--help exits 0 and lists the subcommands', async () => {
    const r = await runMangu(['--help']);
    assert.equal(r.code, 0, r.stderr);
    for (const cmd of ['serve', 'migrate', 'check', 'version']) assert.match(r.stdout, new RegExp(`\\b${cmd}\\b`));
  });

  test('<command> --help exits 0', async () => {
    for (const cmd of ['serve', 'migrate', 'check', 'version']) {
      const r = await runMangu([cmd, '--help']);
      assert.equal(r.code, 0, `${cmd} --help: ${r.stderr}`);
      assert.ok(r.stdout.length > 0, `${cmd} --help prints something`);
    }
  });

  test('unknown options: usage on stderr, exit 2', async () => {
    for (const args of [['--bogus'], ['serve', '--bogus'], ['check', '-z']]) {
      const r = await runMangu(args);
      assert.equal(r.code, 2, `${args.join(' ')}: stdout ${r.stdout} stderr ${r.stderr}`);
      assert.match(r.stderr, /usage/i, `${args.join(' ')}: usage on stderr`);
    }
  });

  test('an unknown subcommand fails with usage', async () => {
    const r = await runMangu(['frobnicate']);
    assert.notEqual(r.code, 0);
    assert.match(r.stderr, /usage|unknown/i);
  });

  test('version prints "mangu <version>"', async () => {
    const r = await runMangu(['version']);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout.trim(), /^mangu \S+$/);
  });
});

describe('migrations', () => {
  test('migrate applies and is idempotent', async () => {
    const dataDir = tempDir();
    try {
      const opts = { useBackend: true, dataDir, keepDatabase: true };
      const first = await runMangu(['migrate'], {}, opts);
      assert.equal(first.code, 0, `stdout: ${first.stdout}\nstderr: ${first.stderr}`);
      const env = first.database ? { MANGU_DATABASE_URL: first.database.url } : {};
      const second = await runMangu(['migrate'], env, { ...opts, useBackend: !first.database });
      assert.equal(second.code, 0, `stdout: ${second.stdout}\nstderr: ${second.stderr}`);
      await first.database?.drop();
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });

  test('on PostgreSQL, serve refuses pending migrations unless MANGU_AUTO_MIGRATE=1', { skip: !scaled && 'scaled backend only' }, async () => {
    const db = await createDatabase();
    try {
      const env = { MANGU_DATABASE_URL: db.url, MANGU_AUTO_MIGRATE: '0' };
      const refused = await runMangu(['serve'], env, { useBackend: true });
      assert.equal(refused.code, 1, `stdout: ${refused.stdout}\nstderr: ${refused.stderr}`);
      assert.match(refused.output, /mangu migrate/);

      const m = await runMangu(['migrate'], env, { useBackend: true });
      assert.equal(m.code, 0, m.stderr);

      const srv = await startMangu({ env });
      assert.equal(await srv.stop(), 0);
    } finally {
      await db.drop();
    }
  });
});

describe('the media module', () => {
  // A copy of the binary in a folder of its own: /proc/self/exe names the copy, not build/.
  function binaryCopy(withModule) {
    const dir = tempDir('mangu-bin-');
    const bin = path.join(dir, 'mangu');
    fs.copyFileSync(defaultBinary, bin);
    fs.chmodSync(bin, 0o755);
    if (withModule) fs.copyFileSync(path.join(path.dirname(defaultBinary), 'mangu-media.so'), path.join(dir, 'mangu-media.so'));
    return { dir, bin };
  }

  test('serve without mangu-media.so beside the binary stops at start, naming the module', async () => {
    const { dir, bin } = binaryCopy(false);
    try {
      const r = await runMangu(['serve'], {}, { binary: bin });
      assert.equal(r.code, 1, `stdout: ${r.stdout}\nstderr: ${r.stderr}`);
      assert.match(r.output, /mangu-media\.so is missing/);
      assert.doesNotMatch(r.stdout, /"msg":"listening"/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  test('with the module beside a copy, the copy loads it for a share card', async () => {
    const { dir, bin } = binaryCopy(true);
    const dataDir = tempDir('mangu-data-');
    try {
      const seeded = await runMangu(['seed', '--books', '3'], {}, { binary: bin, dataDir });
      assert.equal(seeded.code, 0, seeded.output);
      const srv = await startMangu({ binary: bin, dataDir, useBackend: false });
      try {
        const list = await (await fetch(`${srv.url}/api/books?limit=1`)).json();
        assert.equal(list.items.length, 1);
        const res = await fetch(`${srv.url}/api/books/${list.items[0].id}/cover.png`);
        assert.equal(res.status, 200);
        const png = Buffer.from(await res.arrayBuffer());
        assert.equal(png.subarray(1, 4).toString(), 'PNG');
      } finally {
        assert.equal(await srv.stop(), 0);
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
