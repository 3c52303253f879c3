// 4010 coupons: admins create and edit them (validated, audited); percent and fixed amounts,
// validity windows, maximum redemptions that are never exceeded, limits to some books.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { api, randomId, startMangu, assertError } from './lib/mangu.mjs';
import { bearer, createUser } from './lib/accounts.mjs';
import {
  addToCart, checkout, commerceEnv, createBook, devPay, getCart, getOrder, makeAuthor, reader,
} from './lib/commerce.mjs';

let srv, author, admin;
before(async () => {
  srv = await startMangu({ env: commerceEnv });
  author = await makeAuthor(srv);
  admin = await createUser(srv, 'admin');
});
after(() => srv?.stop());

const code = (p = 'C') => `${p}-${randomId(4)}`.toUpperCase();
async function createCoupon(json) {
  const r = await api(srv.url, '/api/admin/coupons', { method: 'POST', headers: bearer(admin.token), json });
  assert.equal(r.status, 201, r.text);
  return r.json.coupon;
}
const apply = (token, c) => api(srv.url, '/api/cart/coupon', { method: 'POST', headers: bearer(token), json: { code: c } });
const iso = (offsetS) => new Date(Date.now() + offsetS * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');

async function cart(prices, currency = 'USD') {
  const u = await reader(srv);
  const books = [];
  for (const p of prices) {
    const b = await createBook(srv, author, { price_cents: p, currency });
    await addToCart(srv, u.token, b.id);
    books.push(b);
  }
  return { u, books };
}

test('admins create coupons; bad fields and taken codes are refused; readers cannot', async () => {
  const c = await createCoupon({ code: code('Save'), kind: 'percent', amount: 25 });
  assert.equal(c.kind, 'percent');
  assert.equal(c.active, true);
  assert.equal(c.max_redemptions, null);
  assert.deepEqual(c.book_ids, []);
  const dup = await api(srv.url, '/api/admin/coupons', { method: 'POST', headers: bearer(admin.token), json: { code: c.code.toLowerCase(), kind: 'fixed', amount: 100, currency: 'USD' } });
  assertError(assert, dup, 409, 'conflict');
  const bad = await api(srv.url, '/api/admin/coupons', {
    method: 'POST', headers: bearer(admin.token),
    json: { code: 'no spaces!', kind: 'percent', amount: 150, currency: 'USD', ends_at: 'tomorrow', book_ids: [99999999], extra: 1 },
  });
  assertError(assert, bad, 400, 'validation_failed');
  for (const f of ['code', 'amount', 'ends_at', 'extra']) assert.ok(bad.json.error.details.fields[f], `field ${f}: ${bad.text}`);
  assertError(assert, await api(srv.url, '/api/admin/coupons', { method: 'POST', headers: bearer(admin.token), json: { code: code(), kind: 'fixed', amount: 100 } }), 400, 'validation_failed');
  assertError(assert, await api(srv.url, '/api/admin/coupons', { method: 'POST', headers: bearer(admin.token), json: { code: code(), kind: 'percent', amount: 10, starts_at: iso(100), ends_at: iso(50) } }), 400, 'validation_failed');
  assertError(assert, await api(srv.url, '/api/admin/coupons', { method: 'POST', headers: bearer(admin.token), json: { code: code(), kind: 'percent', amount: 10, book_ids: [99999999] } }), 400, 'validation_failed');
  const u = await reader(srv);
  assertError(assert, await api(srv.url, '/api/admin/coupons', { method: 'POST', headers: bearer(u.token), json: { code: code(), kind: 'percent', amount: 10 } }), 403, 'forbidden');
  const list = await api(srv.url, `/api/admin/coupons?q=${encodeURIComponent(c.code.slice(0, 6))}`, { headers: bearer(admin.token) });
  assert.ok(list.json.items.some((x) => x.id === c.id));
  const one = await api(srv.url, `/api/admin/coupons/${c.id}`, { headers: bearer(admin.token) });
  assert.equal(one.json.coupon.code, c.code);
  assertError(assert, await api(srv.url, '/api/admin/coupons/99999999', { headers: bearer(admin.token) }), 404, 'not_found');
  const audit = await api(srv.url, '/api/admin/audit', { headers: bearer(admin.token) });
  assert.ok(audit.json.items.some((a) => a.action === 'coupon.create' && a.target_id === String(c.id)));
});

test('a percent coupon discounts each book, rounded half up, and is copied into the order', async () => {
  const c = await createCoupon({ code: code('PCT'), kind: 'percent', amount: 15 });
  const { u } = await cart([1000, 999]);
  const r = await apply(u.token, c.code.toLowerCase());
  assert.equal(r.status, 200, r.text);
  assert.equal(r.json.subtotal_cents, 1999);
  assert.equal(r.json.discount_cents, 150 + 150); /* 149.85 rounds to 150 */
  assert.equal(r.json.total_cents, 1699);
  assert.deepEqual(r.json.coupon, { code: c.code, kind: 'percent', amount: 15, currency: null, applies: true, problem: null });
  const co = await checkout(srv, u.token);
  assert.equal(co.json.order.discount_cents, 300);
  assert.equal(co.json.order.total_cents, 1699);
  assert.equal(co.json.order.coupon_code, c.code);
  assert.equal(co.json.order.items.reduce((s, i) => s + i.price_cents, 0), 1699);
  const removed = await api(srv.url, '/api/cart/coupon', { method: 'DELETE', headers: bearer(u.token) });
  assert.equal(removed.json.coupon, null);
  assert.equal(removed.json.total_cents, 1999);
});

test('a fixed coupon is capped at the subtotal and needs the same currency; 100 % off is free', async () => {
  const c = await createCoupon({ code: code('FIX'), kind: 'fixed', amount: 500, currency: 'USD' });
  const { u } = await cart([300, 700]);
  const r = await apply(u.token, c.code);
  assert.equal(r.json.discount_cents, 500);
  assert.equal(r.json.total_cents, 500);
  assert.equal(r.json.items.reduce((s, i) => s + i.discount_cents, 0), 500);
  const big = await createCoupon({ code: code('BIG'), kind: 'fixed', amount: 5000, currency: 'USD' });
  const r2 = await apply(u.token, big.code);
  assert.equal(r2.json.total_cents, 0);
  const co = await checkout(srv, u.token);
  assert.equal(co.json.order.status, 'paid', 'nothing to pay: fulfilled at once');
  assert.equal(co.json.order.provider, null);
  const eur = await cart([900], 'EUR');
  const r3 = await apply(eur.u.token, c.code);
  assertError(assert, r3, 409, 'conflict');
  assert.match(r3.json.error.message, /currency/);
  assert.equal((await getCart(srv, eur.u.token)).json.coupon, null, 'a refused coupon is not applied');
});

test('validity windows and unknown codes', async () => {
  const { u } = await cart([1000]);
  const expired = await createCoupon({ code: code('OLD'), kind: 'percent', amount: 10, starts_at: iso(-7200), ends_at: iso(-3600) });
  const future = await createCoupon({ code: code('NEW'), kind: 'percent', amount: 10, starts_at: iso(3600) });
  const now = await createCoupon({ code: code('NOW'), kind: 'percent', amount: 10, starts_at: iso(-60), ends_at: iso(3600) });
  const r1 = await apply(u.token, expired.code);
  assertError(assert, r1, 409, 'conflict');
  assert.match(r1.json.error.message, /expired/);
  const r2 = await apply(u.token, future.code);
  assertError(assert, r2, 409, 'conflict');
  assert.match(r2.json.error.message, /not valid yet/);
  assertError(assert, await apply(u.token, 'NO-SUCH-CODE'), 404, 'not_found');
  assertError(assert, await apply(u.token, ''), 400, 'validation_failed');
  assert.equal((await apply(u.token, now.code)).json.discount_cents, 100);
});

test('a coupon limited to some books discounts only those', async () => {
  const { u, books } = await cart([1000, 2000]);
  const c = await createCoupon({ code: code('ONE'), kind: 'percent', amount: 50, book_ids: [books[1].id] });
  const r = await apply(u.token, c.code);
  assert.equal(r.json.discount_cents, 1000);
  assert.equal(r.json.items.find((i) => i.book.id === books[0].id).discount_cents, 0);
  const other = await cart([500]);
  const r2 = await apply(other.u.token, c.code);
  assertError(assert, r2, 409, 'conflict');
  assert.match(r2.json.error.message, /does not apply/);
});

test('maximum redemptions are never exceeded, even by concurrent checkouts', async () => {
  const c = await createCoupon({ code: code('ONCE'), kind: 'percent', amount: 20, max_redemptions: 1 });
  const carts = [];
  for (let i = 0; i < 4; i++) {
    const x = await cart([1000]);
    assert.equal((await apply(x.u.token, c.code)).status, 200);
    carts.push(x);
  }
  const rs = await Promise.all(carts.map((x) => checkout(srv, x.u.token)));
  const ok = rs.filter((r) => r.status === 201);
  assert.equal(ok.length, 1, rs.map((r) => `${r.status} ${r.json?.error?.message ?? ''}`).join('; '));
  for (const r of rs.filter((x) => x.status !== 201)) assertError(assert, r, 409, 'conflict');
  const after1 = await api(srv.url, `/api/admin/coupons/${c.id}`, { headers: bearer(admin.token) });
  assert.equal(after1.json.coupon.redemptions, 1);
  const loser = carts[rs.findIndex((r) => r.status !== 201)];
  const cartNow = await getCart(srv, loser.u.token);
  assert.equal(cartNow.json.coupon.applies, false);
  assert.match(cartNow.json.coupon.problem, /used up/);

  // an order that is never paid gives its redemption back
  const winner = ok[0].json;
  await devPay(srv, winner.checkout_url, 'cancel');
  const after2 = await api(srv.url, `/api/admin/coupons/${c.id}`, { headers: bearer(admin.token) });
  assert.equal(after2.json.coupon.redemptions, 0);
  const again = await checkout(srv, loser.u.token);
  assert.equal(again.status, 201, again.text);
  assert.equal(again.json.order.discount_cents, 200);
  await devPay(srv, again.json.checkout_url);
  assert.equal((await getOrder(srv, loser.u.token, again.json.order.id)).json.order.status, 'paid');
});

test('admins edit and deactivate coupons; checkout then refuses them', async () => {
  const c = await createCoupon({ code: code('EDIT'), kind: 'percent', amount: 10 });
  const { u } = await cart([1000]);
  await apply(u.token, c.code);
  const patch = (json) => api(srv.url, `/api/admin/coupons/${c.id}`, { method: 'PATCH', headers: bearer(admin.token), json });
  const p1 = await patch({ amount: 30 });
  assert.equal(p1.status, 200, p1.text);
  assert.equal((await getCart(srv, u.token)).json.discount_cents, 300);
  assertError(assert, await patch({ kind: 'fixed' }), 400, 'validation_failed');
  assertError(assert, await patch({ nonsense: true }), 400, 'validation_failed');
  assertError(assert, await api(srv.url, '/api/admin/coupons/99999999', { method: 'PATCH', headers: bearer(admin.token), json: { amount: 5 } }), 404, 'not_found');
  assert.equal((await patch({ active: false })).json.coupon.active, false);
  const cartNow = await getCart(srv, u.token);
  assert.equal(cartNow.json.discount_cents, 0);
  assert.match(cartNow.json.coupon.problem, /no longer active/);
  const co = await checkout(srv, u.token);
  assertError(assert, co, 409, 'conflict');
  assert.match(co.json.error.message, /remove the coupon/);
  const audit = await api(srv.url, '/api/admin/audit', { headers: bearer(admin.token) });
  assert.ok(audit.json.items.some((a) => a.action === 'coupon.update' && a.target_id === String(c.id)));
});
