// Accounts: sign-up, sign-in, refresh rotation and theft detection, sign-out, e-mail tokens.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { api, startMangu, assertError } from './lib/mangu.mjs';
import {
  PASSWORD, bearer, login, mailLink, refresh, setCookieHeader, signup, uniqueEmail,
} from './lib/accounts.mjs';

let srv;
before(async () => { srv = await startMangu({ env: { MANGU_RATE_LIMIT: 'off', MANGU_RATE_LIMIT_SIGNUP: 'off', MANGU_RATE_LIMIT_RESET: 'off' } }); });
after(() => srv?.stop());

test('sign-up answers the user, an access token and a strict refresh cookie', async () => {
  const s = await signup(srv, { email: uniqueEmail('New.Reader') });
  assert.equal(s.status, 201, s.text);
  const u = s.json.user;
  assert.equal(u.email, s.email.toLowerCase());
  assert.equal(u.role, 'reader');
  assert.equal(u.email_verified, false);
  assert.equal(u.author, null);
  assert.equal(s.json.token_type, 'Bearer');
  assert.equal(s.json.expires_in, 900);
  assert.ok(!('password_hash' in u) && !s.text.includes('argon2'));
  const cookie = setCookieHeader(s);
  for (const attr of ['HttpOnly', 'SameSite=Strict', 'Path=/api/auth', 'Max-Age=']) {
    assert.ok(cookie.includes(attr), `${attr} in ${cookie}`);
  }
  assert.ok(!cookie.includes('Secure'), 'no Secure flag on a plain-http public URL');
  assert.equal(s.cookie.length, 43, '256 bits in base64url');
});

test('e-mail is unique regardless of case', async () => {
  const email = uniqueEmail('dup');
  assert.equal((await signup(srv, { email })).status, 201);
  const again = await signup(srv, { email: email.toUpperCase() });
  assertError(assert, again, 409, ['conflict']);
  assert.ok(again.json.error.details.fields.email);
});

test('every bad field is listed, and a guessable password is refused with a reason', async () => {
  const r = await signup(srv, { email: 'not-an-email', display_name: '', password: 'password123' });
  assertError(assert, r, 400, ['validation_failed']);
  const f = r.json.error.details.fields;
  assert.ok(f.email && f.display_name && f.password, JSON.stringify(f));
  assert.match(f.password, /common|guess|word/);
  const short = await signup(srv, { password: 'Ab1!' });
  assert.match(short.json.error.details.fields.password, /at least 10/);
});

test('an over-long password is refused quickly, without hashing megabytes', async () => {
  const t0 = Date.now();
  const r = await signup(srv, { password: 'x'.repeat(500000) });
  assertError(assert, r, 400, ['validation_failed']);
  assert.match(r.json.error.details.fields.password, /at most 128/);
  const l = await login(srv, 'someone@example.test', 'y'.repeat(500000));
  assertError(assert, l, 401, ['unauthorized']);
  assert.ok(Date.now() - t0 < 20000);
});

test('sign-in answers the same body for a wrong password and an unknown e-mail', async () => {
  const s = await signup(srv);
  const wrong = await login(srv, s.email, 'not-the-password-at-all');
  const unknown = await login(srv, uniqueEmail('ghost'), 'not-the-password-at-all');
  assert.equal(wrong.status, 401);
  assert.equal(unknown.status, 401);
  assert.equal(wrong.json.error.message, unknown.json.error.message);
  assert.equal(wrong.json.error.code, unknown.json.error.code);
  const ok = await login(srv, s.email.toUpperCase());
  assert.equal(ok.status, 200);
  assert.equal(ok.json.user.id, s.json.user.id);
});

test('me needs a valid token', async () => {
  const s = await signup(srv);
  const me = await api(srv.url, '/api/auth/me', { headers: bearer(s.token) });
  assert.equal(me.status, 200);
  assert.equal(me.json.user.id, s.json.user.id);
  assert.equal(me.headers.get('cache-control'), 'no-store');
  const anon = await api(srv.url, '/api/auth/me');
  assertError(assert, anon, 401, ['unauthorized']);
  assert.equal(anon.headers.get('www-authenticate'), 'Bearer');
});

test('refresh rotates the cookie; presenting a rotated one revokes the whole family', async () => {
  const s = await signup(srv);
  const r1 = await refresh(srv, s.cookie);
  assert.equal(r1.status, 200, r1.text);
  assert.ok(r1.cookie && r1.cookie !== s.cookie);
  const theft = await refresh(srv, s.cookie);
  assertError(assert, theft, 401, ['unauthorized']);
  const r2 = await refresh(srv, r1.cookie);
  assertError(assert, r2, 401, ['unauthorized']);
  const me = await api(srv.url, '/api/auth/me', { headers: bearer(r1.token) });
  assertError(assert, me, 401, ['unauthorized']);
});

test('refresh without, or with a garbage, cookie is 401', async () => {
  assertError(assert, await refresh(srv, null), 401, ['unauthorized']);
  assertError(assert, await refresh(srv, 'x'.repeat(43)), 401, ['unauthorized']);
  assertError(assert, await refresh(srv, 'short'), 401, ['unauthorized']);
});

test('sign-out ends the session and its access token', async () => {
  const s = await signup(srv);
  const out = await api(srv.url, '/api/auth/logout', {
    method: 'POST', headers: { cookie: `mangu_refresh=${s.cookie}` },
  });
  assert.equal(out.status, 204);
  assert.match(setCookieHeader(out), /Max-Age=0/);
  assertError(assert, await refresh(srv, s.cookie), 401, ['unauthorized']);
  assertError(assert, await api(srv.url, '/api/auth/me', { headers: bearer(s.token) }), 401,
    ['unauthorized']);
});

test('the verification link confirms the address once', async () => {
  const s = await signup(srv);
  const link = await mailLink(srv, 'verify', s.email);
  assert.equal(link.pathname, '/verify-email');
  const token = link.searchParams.get('token');
  const v = await api(srv.url, '/api/auth/verify-email', { method: 'POST', json: { token } });
  assert.equal(v.status, 200, v.text);
  assert.equal(v.json.user.email_verified, true);
  const again = await api(srv.url, '/api/auth/verify-email', { method: 'POST', json: { token } });
  assertError(assert, again, 400, ['validation_failed']);
  const outbox = srv.logs().find((l) => l.json?.msg === 'mail queued' && l.json.to === s.email.toLowerCase());
  assert.ok(outbox, 'the mail went through the outbox');
});

test('password reset: single use, ends every session, old password stops working', async () => {
  const s = await signup(srv);
  const other = await login(srv, s.email);
  const f = await api(srv.url, '/api/auth/forgot-password', { method: 'POST', json: { email: s.email } });
  assert.equal(f.status, 202);
  const ghost = await api(srv.url, '/api/auth/forgot-password', {
    method: 'POST', json: { email: uniqueEmail('ghost') },
  });
  assert.equal(ghost.status, 202);
  assert.equal(ghost.json.message, f.json.message);
  const token = (await mailLink(srv, 'reset', s.email)).searchParams.get('token');
  const weak = await api(srv.url, '/api/auth/reset-password', {
    method: 'POST', json: { token, password: 'qwertyuiop' },
  });
  assertError(assert, weak, 400, ['validation_failed']);
  const next = 'amber-quartz-meadow-913';
  const r = await api(srv.url, '/api/auth/reset-password', { method: 'POST', json: { token, password: next } });
  assert.equal(r.status, 200, r.text);
  const reuse = await api(srv.url, '/api/auth/reset-password', { method: 'POST', json: { token, password: next } });
  assertError(assert, reuse, 400, ['validation_failed']);
  assertError(assert, await refresh(srv, s.cookie), 401, ['unauthorized']);
  assertError(assert, await refresh(srv, other.cookie), 401, ['unauthorized']);
  assertError(assert, await api(srv.url, '/api/auth/me', { headers: bearer(s.token) }), 401,
    ['unauthorized']);
  assert.equal((await login(srv, s.email, PASSWORD)).status, 401);
  assert.equal((await login(srv, s.email, next)).status, 200);
});

test('change password renews this session and ends the others', async () => {
  const s = await signup(srv);
  const other = await login(srv, s.email);
  const wrong = await api(srv.url, '/api/auth/change-password', {
    method: 'POST', headers: bearer(s.token),
    json: { current_password: 'wrong-password-here', new_password: 'copper-lichen-ridge-58' },
  });
  assertError(assert, wrong, 400, ['validation_failed']);
  assert.ok(wrong.json.error.details.fields.current_password);
  const ok = await api(srv.url, '/api/auth/change-password', {
    method: 'POST', headers: bearer(s.token),
    json: { current_password: PASSWORD, new_password: 'copper-lichen-ridge-58' },
  });
  assert.equal(ok.status, 200, ok.text);
  const me = await api(srv.url, '/api/auth/me', { headers: bearer(ok.json.access_token) });
  assert.equal(me.status, 200);
  assertError(assert, await refresh(srv, other.cookie), 401, ['unauthorized']);
  assertError(assert, await api(srv.url, '/api/auth/me', { headers: bearer(other.token) }), 401,
    ['unauthorized']);
});

test('failed sign-ins beyond the limit lock that account from that address; others are untouched', async () => {
  const limited = await startMangu({ env: { MANGU_RATE_LIMIT: 'off', MANGU_RATE_LIMIT_LOGIN: '3/15m' } });
  try {
    const a = await signup(limited);
    const b = await signup(limited);
    for (let i = 0; i < 3; i++) {
      assert.equal((await login(limited, a.email, 'wrong-password-attempt')).status, 401);
    }
    const locked = await login(limited, a.email, PASSWORD);
    assertError(assert, locked, 429, ['rate_limited']);
    assert.ok(Number(locked.headers.get('retry-after')) > 0);
    assert.equal((await login(limited, b.email)).status, 200, 'another account still signs in');
  } finally {
    await limited.stop();
  }
});

test('sign-up is limited per address', async () => {
  const limited = await startMangu({ env: { MANGU_RATE_LIMIT: 'off', MANGU_RATE_LIMIT_SIGNUP: '2/1h' } });
  try {
    assert.equal((await signup(limited)).status, 201);
    assert.equal((await signup(limited)).status, 201);
    assertError(assert, await signup(limited), 429, ['rate_limited']);
  } finally {
    await limited.stop();
  }
});
