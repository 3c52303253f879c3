// Access-token tampering, with tokens minted by the jose package: every defect is a 401.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { SignJWT, UnsecuredJWT, base64url } from 'jose';
import { api, startMangu, assertError } from './lib/mangu.mjs';
import { bearer, signup } from './lib/accounts.mjs';

const SECRET = 'tokens-test-secret-0123456789-abcdefghijklmnop';
const key = new TextEncoder().encode(SECRET);
let srv;
let user;
let good;

before(async () => {
  srv = await startMangu({ env: { MANGU_RATE_LIMIT: 'off', MANGU_RATE_LIMIT_SIGNUP: 'off', MANGU_RATE_LIMIT_RESET: 'off', MANGU_JWT_SECRET: SECRET } });
  const s = await signup(srv);
  user = s.json.user;
  good = s.token;
});
after(() => srv?.stop());

const now = () => Math.floor(Date.now() / 1000);
const sid = () => JSON.parse(Buffer.from(good.split('.')[1], 'base64url')).sid;

function claims(over = {}) {
  return { iss: srv.url, aud: 'mangu', sub: String(user.id), role: 'reader', sid: sid(),
    jti: 'j1', iat: now(), exp: now() + 600, ...over };
}

async function sign(payload, alg = 'HS256', k = key) {
  return new SignJWT(payload).setProtectedHeader({ alg, typ: 'JWT' }).sign(k);
}

async function me(token) {
  return api(srv.url, '/api/auth/me', { headers: bearer(token) });
}

test('a token jose mints with our claims and key is accepted (the baseline)', async () => {
  const r = await me(await sign(claims()));
  assert.equal(r.status, 200, r.text);
  assert.equal(r.json.user.id, user.id);
  const decoded = JSON.parse(Buffer.from(good.split('.')[1], 'base64url'));
  for (const c of ['iss', 'aud', 'sub', 'role', 'iat', 'exp', 'jti']) assert.ok(c in decoded, c);
  assert.equal(decoded.exp - decoded.iat, 900);
});

const cases = {
  'alg none': async () => new UnsecuredJWT(claims()).encode(),
  'another algorithm (HS512)': async () => sign(claims(), 'HS512'),
  'role changed in the payload': async () => {
    const [h, , s] = good.split('.');
    const p = JSON.parse(Buffer.from(good.split('.')[1], 'base64url'));
    return `${h}.${base64url.encode(JSON.stringify({ ...p, role: 'admin' }))}.${s}`;
  },
  'signature stripped': async () => good.split('.').slice(0, 2).join('.') + '.',
  'no signature part': async () => good.split('.').slice(0, 2).join('.'),
  'wrong key': async () => sign(claims(), 'HS256', new TextEncoder().encode('x'.repeat(48))),
  expired: async () => sign(claims({ iat: now() - 1000, exp: now() - 100 })),
  'nbf in the future': async () => sign(claims({ nbf: now() + 3600 })),
  'iat in the future': async () => sign(claims({ iat: now() + 3600, exp: now() + 3900 })),
  'wrong audience': async () => sign(claims({ aud: 'someone-else' })),
  'wrong issuer': async () => sign(claims({ iss: 'https://evil.example' })),
  'lifetime longer than 15 minutes': async () => sign(claims({ exp: now() + 86400 })),
  'sub of nobody': async () => sign(claims({ sub: '987654321' })),
  'sub not a number': async () => sign(claims({ sub: '1 OR 1=1' })),
  'bad base64': async () => 'e30.%%%.abc',
  'a 10 KB token': async () => sign(claims({ pad: 'x'.repeat(10240) })),
  'garbage': async () => 'not-a-jwt',
};

for (const [name, make] of Object.entries(cases)) {
  test(`${name} is 401, never 5xx`, async () => {
    const r = await me(await make());
    assertError(assert, r, 401, ['unauthorized']);
  });
}

test('a role raised in a validly signed token is not trusted: the account decides', async () => {
  const r = await api(srv.url, '/api/admin/users', { headers: bearer(await sign(claims({ role: 'admin' }))) });
  assertError(assert, r, 403, ['forbidden']);
});

test('a bad token on a public route is just anonymous', async () => {
  const r = await api(srv.url, '/api/health', { headers: bearer('garbage') });
  assert.ok([200, 503].includes(r.status));
});
