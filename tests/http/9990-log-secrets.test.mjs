// Runs last: no password, password hash, access token or refresh cookie appears in the output
// of any server the whole run started (the files of MANGU_TEST_LOG_DIR).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { PASSWORD } from './lib/accounts.mjs';

const dir = process.env.MANGU_TEST_LOG_DIR;
// Passwords the account tests use, hashes, JWTs (base64 of '{"'), and the refresh cookie.
const forbidden = [
  ['a test password', new RegExp(PASSWORD)],
  ['a test password', /amber-quartz-meadow-913|copper-lichen-ridge-58/],
  ['an argon2 hash', /\$argon2id\$/],
  ['a JWT', /eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}\./],
  ['the refresh cookie', /mangu_refresh=[A-Za-z0-9_-]{20,}/],
  ['a bearer header', /Bearer [A-Za-z0-9_-]{20,}/],
];

test('server logs of the whole run carry no secrets', { skip: !dir && 'MANGU_TEST_LOG_DIR is not set' }, () => {
  const files = fs.readdirSync(dir).filter((f) => f.endsWith('.log'));
  assert.ok(files.length > 5, `expected the logs of earlier tests in ${dir}`);
  for (const f of files) {
    // the first line of each file is the test harness's own command line, not server output
    const text = fs.readFileSync(path.join(dir, f), 'utf8').split('\n').slice(2).join('\n');
    for (const [what, re] of forbidden) {
      const m = re.exec(text);
      assert.equal(m, null, `${what} in ${f}: ...${m && text.slice(Math.max(0, m.index - 80), m.index + 40)}`);
    }
  }
});
