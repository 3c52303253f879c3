// Helpers for tests that need accounts: sign up, sign in, admins, and the mail links the
// server logs in outbox mode.
import fs from 'node:fs';
import path from 'node:path';
import { api, randomId, runMangu, tempDir } from './mangu.mjs';

export const PASSWORD = 'violet-harbour-lantern-42';

export function uniqueEmail(prefix = 'user') {
  return `${prefix}-${randomId(4)}@example.test`;
}

/** The refresh cookie's value from a response, or null. */
export function refreshCookie(res) {
  const raw = res.headers.getSetCookie?.() ?? [];
  for (const c of raw) {
    const m = /^mangu_refresh=([^;]*)/.exec(c);
    if (m) return m[1];
  }
  return null;
}

export function setCookieHeader(res) {
  return (res.headers.getSetCookie?.() ?? []).find((c) => c.startsWith('mangu_refresh=')) ?? '';
}

export async function signup(srv, over = {}) {
  const body = { email: uniqueEmail(), password: PASSWORD, display_name: 'Test Reader', ...over };
  const r = await api(srv.url, '/api/auth/signup', { method: 'POST', json: body });
  return { ...r, email: body.email, password: body.password, token: r.json?.access_token, cookie: refreshCookie(r) };
}

export async function login(srv, email, password = PASSWORD) {
  const r = await api(srv.url, '/api/auth/login', { method: 'POST', json: { email, password } });
  return { ...r, token: r.json?.access_token, cookie: refreshCookie(r) };
}

export function bearer(token) {
  return { authorization: `Bearer ${token}` };
}

export async function refresh(srv, cookie) {
  const r = await api(srv.url, '/api/auth/refresh', {
    method: 'POST',
    headers: cookie ? { cookie: `mangu_refresh=${cookie}` } : {},
  });
  return { ...r, token: r.json?.access_token, cookie: refreshCookie(r) };
}

/** Creates an account with `mangu user create` against the server's own database. */
export async function createUser(srv, role, email = uniqueEmail(role)) {
  const dir = tempDir('mangu-pw-');
  const file = path.join(dir, 'pw');
  fs.writeFileSync(file, `${PASSWORD}\n`);
  const r = await runMangu(['user', 'create', '--email', email, '--role', role, '--password-file', file,
    '--name', `Test ${role}`], srv.env, { dataDir: srv.dataDir });
  fs.rmSync(dir, { recursive: true, force: true });
  if (r.code !== 0) throw new Error(`user create failed (${r.code}): ${r.stderr}`);
  const l = await login(srv, email);
  if (l.status !== 200) throw new Error(`login as new ${role} failed: ${l.status} ${l.text}`);
  return { email, token: l.token, cookie: l.cookie, user: l.json.user };
}

/** The last link the server logged for `kind` ("verify", "reset") sent to `to`. */
export async function mailLink(srv, kind, to) {
  const entry = await srv.waitForLog(
    (l) => l.json?.msg === 'mail link' && l.json.kind === kind && l.json.to === to.toLowerCase(),
  );
  const all = srv.logs().filter((l) => l.json?.msg === 'mail link' && l.json.kind === kind &&
    l.json.to === to.toLowerCase());
  return new URL((all.at(-1) ?? entry).json.url);
}
