// Helpers for the catalog tests (1000-1099): a server with rate limits off, authors, admins,
// and books made through the API.
import { api, startMangu, randomId } from './mangu.mjs';
import { bearer, createUser, login, signup } from './accounts.mjs';

export { bearer };

/** A server for catalog tests: no rate limits (the tests make many calls from one address). */
export function startCatalog(env = {}) {
  return startMangu({
    env: {
      MANGU_RATE_LIMIT: 'off',
      MANGU_RATE_LIMIT_LOGIN: 'off',
      MANGU_RATE_LIMIT_SIGNUP: 'off',
      ...env,
    },
  });
}

/** A reader account: {token, email, user}. */
export async function reader(srv) {
  const s = await signup(srv, { display_name: `Reader ${randomId(2)}` });
  if (s.status !== 201) throw new Error(`signup: ${s.status} ${s.text}`);
  return { token: s.token, email: s.email, user: s.json.user };
}

/** An account with an author profile named `name`: {token, author: {id, slug, name}, user}. */
export async function author(srv, name = `Author ${randomId(3)}`) {
  const s = await reader(srv);
  const r = await api(srv.url, '/api/users/me/author', {
    method: 'POST', headers: bearer(s.token), json: { name },
  });
  if (r.status !== 201) throw new Error(`become author: ${r.status} ${r.text}`);
  const l = await login(srv, s.email); // a token that carries the new role
  return { token: l.token, author: r.json.author, user: l.json.user, email: s.email };
}

/** An admin account: {token, user}. */
export async function admin(srv) {
  return createUser(srv, 'admin');
}

export const BOOK = {
  title: 'A Book',
  language: 'en',
  price_cents: 999,
  currency: 'USD',
  format: 'epub',
};

/** POST /api/books; returns the response. */
export function createBook(srv, token, over = {}) {
  return api(srv.url, '/api/books', { method: 'POST', headers: bearer(token), json: { ...BOOK, ...over } });
}

/** A published book: creates, publishes, returns the detail JSON. Throws on failure. */
export async function publishedBook(srv, token, over = {}) {
  const c = await createBook(srv, token, over);
  if (c.status !== 201) throw new Error(`create book: ${c.status} ${c.text}`);
  const p = await api(srv.url, `/api/books/${c.json.id}/publish`, { method: 'POST', headers: bearer(token) });
  if (p.status !== 200) throw new Error(`publish: ${p.status} ${p.text}`);
  return p.json;
}

/** Creates a category as `adminToken`; returns its JSON. */
export async function category(srv, adminToken, body) {
  const r = await api(srv.url, '/api/categories', { method: 'POST', headers: bearer(adminToken), json: body });
  if (r.status !== 201) throw new Error(`create category: ${r.status} ${r.text}`);
  return r.json;
}

/** GET as anonymous (or with `token`); returns the api() result. */
export function get(srv, path, token, headers = {}) {
  return api(srv.url, path, { headers: { ...(token ? bearer(token) : {}), ...headers } });
}
