// Helpers for the commerce tests: books to sell (through the catalog API), carts, checkouts,
// a local fake of Stripe's API that records what mangu sends, and webhook deliveries signed by
// the `stripe` package itself.
import http from 'node:http';
import { once } from 'node:events';
import Stripe from 'stripe';
import { api, randomId } from './mangu.mjs';
import { bearer, login, signup } from './accounts.mjs';

export const WEBHOOK_SECRET = 'whsec_test_mangu_current_0123456789';
export const OLD_WEBHOOK_SECRET = 'whsec_test_mangu_previous_987654321';
export const SECRET_KEY = 'sk_test_mangu_fake_0123456789abcdef';
const stripe = new Stripe(SECRET_KEY);

/**
 * Server settings every commerce test wants: no rate limits in the way, and the built-in test
 * checkout even when the caller's environment has Stripe settings (only MANGU_* are scrubbed).
 */
export const commerceEnv = {
  STRIPE_SECRET_KEY: undefined,
  STRIPE_SECRET_KEY_FILE: undefined,
  STRIPE_WEBHOOK_SECRET: undefined,
  STRIPE_WEBHOOK_SECRET_FILE: undefined,
  STRIPE_API_BASE: undefined,
  MANGU_RATE_LIMIT: 'off',
  MANGU_RATE_LIMIT_SIGNUP: 'off',
  MANGU_RATE_LIMIT_LOGIN: 'off',
};

/** Settings that switch mangu to Stripe, pointed at `fake`. */
export function stripeEnv(fake, over = {}) {
  return {
    ...commerceEnv,
    STRIPE_SECRET_KEY: SECRET_KEY,
    STRIPE_WEBHOOK_SECRET: WEBHOOK_SECRET,
    STRIPE_API_BASE: fake.url,
    ...over,
  };
}

/** A reader account with an author profile, signed in again so the token says "author". */
export async function makeAuthor(srv) {
  const s = await signup(srv);
  if (s.status !== 201) throw new Error(`signup: ${s.status} ${s.text}`);
  const r = await api(srv.url, '/api/users/me/author', {
    method: 'POST', headers: bearer(s.token), json: { name: `Author ${randomId(3)}` },
  });
  if (r.status !== 201) throw new Error(`become author: ${r.status} ${r.text}`);
  const l = await login(srv, s.email);
  return { ...s, token: l.token, author: r.json.author ?? r.json.user?.author };
}

/** A published book (unless publish: false) made through the catalog API. */
export async function createBook(srv, author, opts = {}) {
  const { price_cents = 999, currency = 'USD', publish = true } = opts;
  const title = opts.title ?? `Book ${randomId(4)}`;
  const r = await api(srv.url, '/api/books', {
    method: 'POST', headers: bearer(author.token),
    json: { title, language: 'en', price_cents, currency, format: 'epub' },
  });
  if (r.status !== 201) throw new Error(`create book: ${r.status} ${r.text}`);
  const book = r.json.book ?? r.json;
  if (publish) {
    const p = await api(srv.url, `/api/books/${book.id}/publish`, { method: 'POST', headers: bearer(author.token) });
    if (p.status !== 200) throw new Error(`publish book: ${p.status} ${p.text}`);
  }
  return { id: book.id, slug: book.slug, title, price_cents, currency };
}

/** A signed-up reader: {token, email, ...}. */
export async function reader(srv) {
  const s = await signup(srv);
  if (s.status !== 201) throw new Error(`signup: ${s.status} ${s.text}`);
  return s;
}

export const getCart = (srv, token) => api(srv.url, '/api/cart', { headers: bearer(token) });
export const addToCart = (srv, token, bookId) =>
  api(srv.url, '/api/cart/items', { method: 'POST', headers: bearer(token), json: { book_id: bookId } });
export const checkout = (srv, token, json) =>
  api(srv.url, '/api/checkout', { method: 'POST', headers: bearer(token), ...(json ? { json } : {}) });
export const getOrder = (srv, token, id) => api(srv.url, `/api/orders/${id}`, { headers: bearer(token) });
export const library = (srv, token) => api(srv.url, '/api/library?limit=100', { headers: bearer(token) });

/** The ids of the books the user may read now (the library API, whatever its item shape). */
export async function ownedBookIds(srv, token) {
  const r = await library(srv, token);
  if (r.status !== 200) throw new Error(`library: ${r.status} ${r.text}`);
  return r.json.items.map((e) => e.book_id ?? e.book?.id).sort((a, b) => a - b);
}

/** Pays a test-checkout order the way its page's Pay button does (form POST with the token). */
export async function devPay(srv, checkoutUrl, action = 'pay') {
  const u = new URL(checkoutUrl);
  const id = u.pathname.split('/').pop();
  return api(srv.url, `/api/payments/dev/${id}/${action}?token=${u.searchParams.get('token')}`, {
    method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: '',
  });
}

// ---- Stripe: a fake API and signed events --------------------------------------------------

/**
 * A node:http stand-in for api.stripe.com. Records every request ({method, path, headers, form})
 * and answers Checkout Sessions (create, list, get, expire: recorded in `expired`; a session not
 * open is refused as Stripe does), refunds, and replays for a repeated
 * Idempotency-Key as Stripe does. `failWith(status, n)` makes the next n requests fail.
 */
export async function startFakeStripe() {
  const requests = [];
  const sessions = new Map();
  const replies = new Map();
  const expired = []; /* session ids POSTed to /v1/checkout/sessions/{id}/expire, in order */
  let failures = [];
  const server = http.createServer(async (req, res) => {
    const chunks = [];
    for await (const c of req) chunks.push(c);
    const raw = Buffer.concat(chunks).toString('utf8');
    const url = new URL(req.url, 'http://fake');
    const form = Object.fromEntries(new URLSearchParams(raw));
    requests.push({ method: req.method, path: url.pathname, query: Object.fromEntries(url.searchParams), headers: req.headers, form, raw });
    const send = (status, json) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(json));
    };
    if (failures.length) return send(failures.shift(), { error: { type: 'api_error', message: 'injected failure' } });
    if (req.headers.authorization !== `Bearer ${SECRET_KEY}`) {
      return send(401, { error: { type: 'invalid_request_error', message: 'Invalid API Key provided' } });
    }
    const key = req.headers['idempotency-key'];
    if (key && replies.has(key)) return send(...replies.get(key));
    const answer = route(req.method, url, form);
    if (key) replies.set(key, answer);
    send(...answer);
  });

  function route(method, url, form) {
    if (method === 'POST' && url.pathname === '/v1/checkout/sessions') {
      const id = `cs_test_${randomId(12)}`;
      let amount = 0;
      for (let i = 0; form[`line_items[${i}][price_data][unit_amount]`] !== undefined; i++) {
        amount += Number(form[`line_items[${i}][price_data][unit_amount]`]) * Number(form[`line_items[${i}][quantity]`]);
      }
      const s = {
        id, object: 'checkout.session', mode: form.mode, status: 'open', payment_status: 'unpaid',
        client_reference_id: form.client_reference_id, customer_email: form.customer_email ?? null,
        metadata: { order_id: form['metadata[order_id]'], order_number: form['metadata[order_number]'] },
        amount_total: amount, currency: form['line_items[0][price_data][currency]'],
        payment_intent: null, url: `https://checkout.stripe.test/c/pay/${id}`,
        success_url: form.success_url, cancel_url: form.cancel_url, created: Math.floor(Date.now() / 1000),
      };
      sessions.set(id, s);
      return [200, s];
    }
    const one = url.pathname.match(/^\/v1\/checkout\/sessions\/([^/]+)(\/expire)?$/);
    if (one && (method === 'POST') === Boolean(one[2])) {
      const s = sessions.get(one[1]);
      if (!s) return [404, { error: { type: 'invalid_request_error', code: 'resource_missing', message: `No such checkout.session: '${one[1]}'` } }];
      if (!one[2]) return [200, { ...s }];
      expired.push(s.id);
      if (s.status !== 'open') {
        return [400, { error: { type: 'invalid_request_error', message: 'Only Checkout Sessions with a status in ["open"] can be expired.' } }];
      }
      s.status = 'expired';
      return [200, { ...s }];
    }
    if (method === 'POST' && url.pathname === '/v1/refunds') {
      return [200, { id: `re_${randomId(12)}`, object: 'refund', status: 'pending', payment_intent: form.payment_intent, metadata: { order_id: form['metadata[order_id]'] } }];
    }
    if (method === 'GET' && url.pathname === '/v1/checkout/sessions') {
      const gte = Number(url.searchParams.get('created[gte]') ?? 0);
      const limit = Number(url.searchParams.get('limit') ?? 10);
      let all = [...sessions.values()].filter((s) => s.status === url.searchParams.get('status') && s.created >= gte).reverse();
      const after = url.searchParams.get('starting_after');
      if (after) all = all.slice(all.findIndex((s) => s.id === after) + 1);
      return [200, { object: 'list', data: all.slice(0, limit), has_more: all.length > limit, url: '/v1/checkout/sessions' }];
    }
    return [404, { error: { type: 'invalid_request_error', message: `no fake for ${method} ${url.pathname}` } }];
  }

  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return {
    url: `http://127.0.0.1:${server.address().port}`,
    requests,
    sessions,
    expired,
    failWith(status, n = 1) { failures = Array(n).fill(status); },
    /** Marks a session paid as Stripe does at the end of Checkout; returns the session object. */
    complete(id, { payment_status = 'paid', payment_intent = `pi_${randomId(12)}` } = {}) {
      const s = sessions.get(id);
      if (!s) throw new Error(`no fake session ${id}`);
      Object.assign(s, { status: 'complete', payment_status, payment_intent });
      return { ...s };
    },
    close: () => new Promise((r) => server.close(r)),
  };
}

/** A Stripe Event object around `object`. */
export function stripeEvent(type, object, id = `evt_${randomId(12)}`) {
  return {
    id, object: 'event', api_version: '2024-06-20', created: Math.floor(Date.now() / 1000),
    livemode: false, pending_webhooks: 1, type, data: { object },
  };
}

/** A charge.refunded charge for `paymentIntent` (no metadata unless given). */
export function refundedCharge(paymentIntent, amount, { refunded = true, metadata = {} } = {}) {
  return {
    id: `ch_${randomId(12)}`, object: 'charge', payment_intent: paymentIntent, amount,
    amount_refunded: refunded ? amount : Math.floor(amount / 2), refunded, currency: 'usd', metadata,
  };
}

/** The Stripe-Signature header the stripe package makes for `payload`. */
export function signature(payload, { secret = WEBHOOK_SECRET, timestamp } = {}) {
  return stripe.webhooks.generateTestHeaderString({ payload, secret, ...(timestamp ? { timestamp } : {}) });
}

/**
 * POSTs an event (object or raw string) to the webhook, signed unless `header` is given
 * (null: no header at all).
 */
export async function deliver(srv, ev, opts = {}) {
  const payload = typeof ev === 'string' ? ev : JSON.stringify(ev);
  const header = 'header' in opts ? opts.header : signature(payload, opts);
  const headers = { 'content-type': 'application/json' };
  if (header !== null) headers['stripe-signature'] = header;
  return api(srv.url, '/api/payments/stripe/webhook', { method: 'POST', headers, body: payload, timeout: 20000 });
}
