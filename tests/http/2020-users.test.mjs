// Profiles, roles and administration: nobody reaches another user's data or raises their role.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { api, startMangu, assertError } from './lib/mangu.mjs';
import { PASSWORD, bearer, createUser, login, refresh, signup } from './lib/accounts.mjs';

let srv;
let admin;
before(async () => {
  srv = await startMangu({ env: { MANGU_RATE_LIMIT: 'off', MANGU_RATE_LIMIT_SIGNUP: 'off', MANGU_RATE_LIMIT_RESET: 'off' } });
  admin = await createUser(srv, 'admin');
});
after(() => srv?.stop());

const patchMe = (token, json) => api(srv.url, '/api/users/me', { method: 'PATCH', headers: bearer(token), json });

test('a user edits their display name and bio', async () => {
  const s = await signup(srv);
  const r = await patchMe(s.token, { display_name: 'Ada Reader', bio: 'Reads at night.' });
  assert.equal(r.status, 200, r.text);
  assert.equal(r.json.user.display_name, 'Ada Reader');
  const me = await api(srv.url, '/api/auth/me', { headers: bearer(s.token) });
  assert.equal(me.json.user.bio, 'Reads at night.');
});

test('role, email_verified and ids cannot be set through the profile', async () => {
  const s = await signup(srv);
  for (const body of [{ role: 'admin' }, { email_verified: true }, { id: 1 }, { display_name: 'X', role: 'admin' }]) {
    const r = await patchMe(s.token, body);
    assertError(assert, r, 400, ['validation_failed']);
  }
  const me = await api(srv.url, '/api/auth/me', { headers: bearer(s.token) });
  assert.equal(me.json.user.role, 'reader');
  assert.equal(me.json.user.email_verified, false);
  assert.equal(me.json.user.display_name, 'Test Reader');
});

test('readers cannot reach admin routes; admins can', async () => {
  const s = await signup(srv);
  assertError(assert, await api(srv.url, '/api/admin/users', { headers: bearer(s.token) }), 403, ['forbidden']);
  assertError(assert, await api(srv.url, `/api/admin/users/${admin.user.id}`, {
    method: 'PATCH', headers: bearer(s.token), json: { role: 'reader' },
  }), 403, ['forbidden']);
  const list = await api(srv.url, '/api/admin/users?limit=5', { headers: bearer(admin.token) });
  assert.equal(list.status, 200, list.text);
  assert.ok(list.json.total >= 2);
  assert.equal(list.json.limit, 5);
  const me = await api(srv.url, '/api/auth/me', { headers: bearer(admin.token) });
  assert.equal(me.json.user.role, 'admin');
});

test('admin search, role filter and paging bounds', async () => {
  const s = await signup(srv, { display_name: 'Zebulon Findme' });
  const found = await api(srv.url, '/api/admin/users?q=zebulon', { headers: bearer(admin.token) });
  assert.equal(found.json.total, 1);
  assert.equal(found.json.items[0].id, s.json.user.id);
  const pct = await api(srv.url, '/api/admin/users?q=%25', { headers: bearer(admin.token) });
  assert.equal(pct.json.total, 0, '% is matched literally');
  const admins = await api(srv.url, '/api/admin/users?role=admin', { headers: bearer(admin.token) });
  assert.ok(admins.json.items.every((u) => u.role === 'admin'));
  for (const q of ['limit=0', 'limit=101', 'offset=-1', 'limit=abc', 'role=root']) {
    assertError(assert, await api(srv.url, `/api/admin/users?${q}`, { headers: bearer(admin.token) }), 400,
      ['validation_failed']);
  }
});

test('an admin changes a role and disables a user: sessions end, audit rows are written', async () => {
  const s = await signup(srv);
  const id = s.json.user.id;
  const up = await api(srv.url, `/api/admin/users/${id}`, {
    method: 'PATCH', headers: bearer(admin.token), json: { role: 'author' },
  });
  assert.equal(up.status, 200, up.text);
  assert.equal(up.json.user.role, 'author');
  assertError(assert, await refresh(srv, s.cookie), 401, ['unauthorized']);
  const again = await login(srv, s.email);
  assert.equal(again.json.user.role, 'author');
  const off = await api(srv.url, `/api/admin/users/${id}`, {
    method: 'PATCH', headers: bearer(admin.token), json: { disabled: true },
  });
  assert.equal(off.json.user.disabled, true);
  assertError(assert, await api(srv.url, '/api/auth/me', { headers: bearer(again.token) }), 401, ['unauthorized']);
  assertError(assert, await login(srv, s.email), 403, ['forbidden']);
  const audit = await api(srv.url, '/api/admin/audit', { headers: bearer(admin.token) });
  const rows = audit.json.items.filter((a) => a.target_id === String(id));
  assert.equal(rows.length, 2);
  assert.deepEqual(rows[1].before, { disabled: false, role: 'reader' });
  assert.deepEqual(rows[1].after, { disabled: false, role: 'author' });
  assert.equal(rows[0].actor_user_id, admin.user.id);
});

test('bad admin input changes nothing', async () => {
  const s = await signup(srv);
  for (const body of [{ role: 'root' }, { disabled: 'yes' }, { email: 'x@y.z' }]) {
    assertError(assert, await api(srv.url, `/api/admin/users/${s.json.user.id}`, {
      method: 'PATCH', headers: bearer(admin.token), json: body,
    }), 400, ['validation_failed']);
  }
  assertError(assert, await api(srv.url, '/api/admin/users/99999999', {
    method: 'PATCH', headers: bearer(admin.token), json: { role: 'author' },
  }), 404, ['not_found']);
  assertError(assert, await api(srv.url, `/api/admin/users/${admin.user.id}`, {
    method: 'PATCH', headers: bearer(admin.token), json: { disabled: true },
  }), 409, ['conflict']);
  const me = await api(srv.url, '/api/auth/me', { headers: bearer(s.token) });
  assert.equal(me.json.user.role, 'reader');
});

test('a reader becomes an author with a profile', async () => {
  const s = await signup(srv, { display_name: 'Émile Novelist' });
  const r = await api(srv.url, '/api/users/me/author', { method: 'POST', headers: bearer(s.token), json: { bio: 'Writes.' } });
  assert.equal(r.status, 201, r.text);
  assert.equal(r.json.user.role, 'author');
  assert.match(r.json.author.slug, /^emile-novelist/);
  const twice = await api(srv.url, '/api/users/me/author', { method: 'POST', headers: bearer(s.token), json: {} });
  assertError(assert, twice, 409, ['conflict']);
});

test('deleting my account needs my password and removes my data', async () => {
  const s = await signup(srv);
  const wrong = await api(srv.url, '/api/users/me', { method: 'DELETE', headers: bearer(s.token), json: { password: 'nope-nope-nope' } });
  assertError(assert, wrong, 400, ['validation_failed']);
  const del = await api(srv.url, '/api/users/me', { method: 'DELETE', headers: bearer(s.token), json: { password: PASSWORD } });
  assert.equal(del.status, 204);
  assertError(assert, await api(srv.url, '/api/auth/me', { headers: bearer(s.token) }), 401, ['unauthorized']);
  assert.equal((await login(srv, s.email)).status, 401);
  const list = await api(srv.url, `/api/admin/users?q=${encodeURIComponent(s.email)}`, { headers: bearer(admin.token) });
  assert.equal(list.json.total, 0);
});

test('user create refuses a weak password and a duplicate, with exit code 2', async () => {
  await assert.rejects(createUser(srv, 'admin', admin.email), /2\)/);
});
