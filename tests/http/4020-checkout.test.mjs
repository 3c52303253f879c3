// 4020 checkout and the built-in test checkout: server prices only, one order per cart, the
// pay flow end to end, free books, other users' orders, refunds revoking access, production.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { api, startMangu, assertError } from './lib/mangu.mjs';
import { bearer, createUser } from './lib/accounts.mjs';
import {
  addToCart, checkout, commerceEnv, createBook, devPay, getCart, getOrder, makeAuthor,
  ownedBookIds, reader,
} from './lib/commerce.mjs';

let srv, author, admin;
before(async () => {
  srv = await startMangu({ env: commerceEnv });
  author = await makeAuthor(srv);
  admin = await createUser(srv, 'admin');
});
after(() => srv?.stop());

async function cartWith(n, price = 1250) {
  const user = await reader(srv);
  const books = [];
  for (let i = 0; i < n; i++) {
    const b = await createBook(srv, author, { price_cents: price + i * 100 });
    assert.equal((await addToCart(srv, user.token, b.id)).status, 200);
    books.push(b);
  }
  return { user, books };
}

test('a reader buys two books in the test checkout, end to end', async () => {
  const { user, books } = await cartWith(2);
  const co = await checkout(srv, user.token);
  assert.equal(co.status, 201, co.text);
  const { order, checkout_url: url } = co.json;
  assert.equal(order.status, 'pending');
  assert.match(order.number, /^MNG-\d{4}-[0-9A-HJKMNP-TV-Z]{8}$/);
  assert.equal(order.total_cents, 1250 + 1350);
  assert.equal(order.items.length, 2);
  assert.equal(order.provider, 'dev');
  assert.match(url, new RegExp(`^${srv.url}/checkout/test/${order.id}\\?token=[0-9a-f]{32}$`));

  const page = await api(srv.url, new URL(url).pathname + new URL(url).search);
  assert.equal(page.status, 200);
  assert.match(page.headers.get('content-type'), /^text\/html/);
  assert.match(page.text, /TEST MODE/);
  assert.ok(page.text.includes(order.number));
  assert.ok(page.text.includes(`/api/payments/dev/${order.id}/pay?token=`));

  const paid = await devPay(srv, url);
  assert.equal(paid.status, 303, paid.text);
  assert.equal(paid.headers.get('location'), `${srv.url}/checkout/success?order=${order.id}`);

  const o = await getOrder(srv, user.token, order.id);
  assert.equal(o.json.order.status, 'paid');
  assert.ok(o.json.order.paid_at);
  assert.equal(o.json.order.checkout_url, null);
  assert.deepEqual(await ownedBookIds(srv, user.token), books.map((b) => b.id).sort((a, b) => a - b));
  const cart = await getCart(srv, user.token);
  assert.equal(cart.json.items.length, 0, 'bought books leave the cart');

  const again = await devPay(srv, url);
  assert.equal(again.status, 303, 'a second click answers the paid order');
  assert.equal((await ownedBookIds(srv, user.token)).length, 2);

  const mails = await api(srv.url, `/api/admin/outbox?to=${encodeURIComponent(user.email)}`, { headers: bearer(admin.token) });
  const receipts = mails.json.items.filter((m) => m.kind === 'receipt');
  assert.equal(receipts.length, 1, 'one receipt');
  assert.ok(receipts[0].subject.includes(order.number));
  assert.ok(receipts[0].body_text.includes('26.00 USD'));

  const list = await api(srv.url, '/api/orders', { headers: bearer(user.token) });
  assert.equal(list.json.total, 1);
  assert.equal(list.json.items[0].id, order.id);
});

test('prices and totals sent by the client are ignored', async () => {
  const { user, books } = await cartWith(1, 4200);
  const co = await checkout(srv, user.token, {
    total_cents: 1, subtotal_cents: 1, items: [{ book_id: books[0].id, unit_price_cents: 1, price_cents: 1 }],
  });
  assert.equal(co.status, 201, co.text);
  assert.equal(co.json.order.total_cents, 4200);
  assert.equal(co.json.order.items[0].unit_price_cents, 4200);
  const add = await api(srv.url, '/api/cart/items', {
    method: 'POST', headers: bearer(user.token), json: { book_id: books[0].id, price_cents: 1 },
  });
  assert.equal(add.json.total_cents, 4200);
});

test('checking out the same cart twice, in a row or at once, makes one order', async () => {
  const { user, books } = await cartWith(2);
  const first = await checkout(srv, user.token);
  const second = await checkout(srv, user.token);
  assert.equal(first.status, 201);
  assert.equal(second.status, 200, second.text);
  assert.equal(second.json.order.id, first.json.order.id);
  assert.equal(second.json.checkout_url, first.json.checkout_url);

  const other = await cartWith(2);
  const both = await Promise.all([checkout(srv, other.user.token), checkout(srv, other.user.token)]);
  for (const r of both) assert.ok([200, 201].includes(r.status), r.text);
  assert.equal(both[0].json.order.id, both[1].json.order.id, 'one order for one cart');
  const pays = await Promise.all(both.map((r) => devPay(srv, r.json.checkout_url)));
  for (const p of pays) assert.equal(p.status, 303);
  const orders = await api(srv.url, '/api/orders', { headers: bearer(other.user.token) });
  assert.equal(orders.json.items.filter((o) => o.status === 'paid').length, 1);
  assert.equal((await ownedBookIds(srv, other.user.token)).length, 2, 'no double grant');
  void books;
});

test('a changed cart makes a new order and cancels the old pending one', async () => {
  const { user } = await cartWith(1);
  const first = await checkout(srv, user.token);
  const extra = await createBook(srv, author, { price_cents: 500 });
  await addToCart(srv, user.token, extra.id);
  const second = await checkout(srv, user.token);
  assert.equal(second.status, 201);
  assert.notEqual(second.json.order.id, first.json.order.id);
  const old = await getOrder(srv, user.token, first.json.order.id);
  assert.equal(old.json.order.status, 'cancelled');
  assertError(assert, await devPay(srv, first.json.checkout_url), 409, 'conflict');
});

test('an empty cart, an unpublished or owned book cannot be checked out', async () => {
  const user = await reader(srv);
  assertError(assert, await checkout(srv, user.token), 409, 'conflict');
  const b = await createBook(srv, author);
  await addToCart(srv, user.token, b.id);
  const un = await api(srv.url, `/api/books/${b.id}/unpublish`, { method: 'POST', headers: bearer(author.token) });
  assert.equal(un.status, 200, un.text);
  const cart = await getCart(srv, user.token);
  assert.equal(cart.json.items[0].available, false);
  assert.equal(cart.json.total_cents, 0);
  const r = await checkout(srv, user.token);
  assertError(assert, r, 409, 'conflict');
  assert.match(r.json.error.message, /no longer for sale/);
});

test('another user\'s order is 404, and so are the test checkout buttons without its token', async () => {
  const { user } = await cartWith(1);
  const co = await checkout(srv, user.token);
  const id = co.json.order.id;
  const stranger = await reader(srv);
  assertError(assert, await getOrder(srv, stranger.token, id), 404, 'not_found');
  assertError(assert, await getOrder(srv, stranger.token, 999999), 404, 'not_found');
  assertError(assert, await api(srv.url, `/api/orders/abc`, { headers: bearer(user.token) }), 404, 'not_found');
  assertError(assert, await api(srv.url, `/api/payments/dev/${id}/pay`, { method: 'POST', headers: bearer(stranger.token) }), 404, 'not_found');
  assertError(assert, await api(srv.url, `/api/payments/dev/${id}/pay?token=${'0'.repeat(32)}`, { method: 'POST' }), 404, 'not_found');
  assertError(assert, await api(srv.url, `/checkout/test/${id}`), 404, 'not_found');
  assertError(assert, await api(srv.url, `/checkout/test/${id}?token=${'0'.repeat(32)}`), 404, 'not_found');
  const list = await api(srv.url, '/api/orders', { headers: bearer(stranger.token) });
  assert.equal(list.json.total, 0);
  assert.equal((await getOrder(srv, stranger.token, id)).status, 404);
  // the buyer may use the API with their own token (the web client's own test checkout page)
  const paid = await api(srv.url, `/api/payments/dev/${id}/pay`, { method: 'POST', headers: bearer(user.token) });
  assert.equal(paid.status, 200, paid.text);
  assert.equal(paid.json.order.status, 'paid');
});

test('cancel in the test checkout closes the order; pay afterwards is refused', async () => {
  const { user } = await cartWith(1);
  const co = await checkout(srv, user.token);
  const c = await devPay(srv, co.json.checkout_url, 'cancel');
  assert.equal(c.status, 303);
  assert.equal(c.headers.get('location'), `${srv.url}/checkout/cancel?order=${co.json.order.id}`);
  assert.equal((await getOrder(srv, user.token, co.json.order.id)).json.order.status, 'cancelled');
  assertError(assert, await devPay(srv, co.json.checkout_url), 409, 'conflict');
  assert.deepEqual(await ownedBookIds(srv, user.token), []);
  assert.equal((await getCart(srv, user.token)).json.items.length, 1, 'the cart stays for another try');
});

test('a free book goes straight to the library, without a payment', async () => {
  const user = await reader(srv);
  const free = await createBook(srv, author, { price_cents: 0 });
  await addToCart(srv, user.token, free.id);
  const co = await checkout(srv, user.token);
  assert.equal(co.status, 201, co.text);
  assert.equal(co.json.order.status, 'paid');
  assert.equal(co.json.order.total_cents, 0);
  assert.equal(co.json.order.provider, null);
  assert.equal(co.json.checkout_url, `${srv.url}/checkout/success?order=${co.json.order.id}`);
  assert.deepEqual(await ownedBookIds(srv, user.token), [free.id]);
  const lib = await api(srv.url, '/api/library', { headers: bearer(user.token) });
  assert.equal(lib.json.items[0].source, 'free');
  assertError(assert, await addToCart(srv, user.token, free.id), 409, 'conflict');
});

test('an admin refund revokes the library access it granted', async () => {
  const { user, books } = await cartWith(2);
  const co = await checkout(srv, user.token);
  await devPay(srv, co.json.checkout_url);
  assert.equal((await ownedBookIds(srv, user.token)).length, 2);
  assertError(assert, await api(srv.url, `/api/admin/orders/${co.json.order.id}/refund`, { method: 'POST', headers: bearer(user.token) }), 403, 'forbidden');
  const r = await api(srv.url, `/api/admin/orders/${co.json.order.id}/refund`, { method: 'POST', headers: bearer(admin.token) });
  assert.equal(r.status, 200, r.text);
  assert.equal(r.json.order.status, 'refunded');
  assert.equal(r.json.refund, 'refunded');
  assert.ok(r.json.order.refunded_at);
  assert.deepEqual(await ownedBookIds(srv, user.token), []);
  for (const b of books) // nor can it be read
    assertError(assert, await api(srv.url, `/api/library/${b.id}/content/link`, { headers: bearer(user.token) }), 403, 'forbidden');
  assertError(assert, await api(srv.url, `/api/admin/orders/${co.json.order.id}/refund`, { method: 'POST', headers: bearer(admin.token) }), 409, 'conflict');
  const audit = await api(srv.url, '/api/admin/audit', { headers: bearer(admin.token) });
  assert.ok(audit.json.items.some((a) => a.action === 'order.refund' && a.target_id === String(co.json.order.id)));
  // buying again restores access
  for (const b of books) await addToCart(srv, user.token, b.id);
  const again = await checkout(srv, user.token);
  await devPay(srv, again.json.checkout_url);
  assert.equal((await ownedBookIds(srv, user.token)).length, 2);
  // only paid orders can be refunded
  const pending = await cartWith(1);
  const p = await checkout(srv, pending.user.token);
  assertError(assert, await api(srv.url, `/api/admin/orders/${p.json.order.id}/refund`, { method: 'POST', headers: bearer(admin.token) }), 409, 'conflict');
});

test('admins list every order with filters; readers cannot', async () => {
  const all = await api(srv.url, '/api/admin/orders?limit=5', { headers: bearer(admin.token) });
  assert.equal(all.status, 200, all.text);
  assert.ok(all.json.total >= 5);
  assert.equal(all.json.items.length, 5);
  assert.ok('email' in all.json.items[0] && 'user_id' in all.json.items[0]);
  const refunded = await api(srv.url, '/api/admin/orders?status=refunded', { headers: bearer(admin.token) });
  assert.ok(refunded.json.items.length >= 1);
  assert.ok(refunded.json.items.every((o) => o.status === 'refunded'));
  assertError(assert, await api(srv.url, '/api/admin/orders?status=weird', { headers: bearer(admin.token) }), 400, 'validation_failed');
  const one = await api(srv.url, `/api/admin/orders/${all.json.items[0].id}`, { headers: bearer(admin.token) });
  assert.equal(one.status, 200);
  const reader1 = await reader(srv);
  assertError(assert, await api(srv.url, '/api/admin/orders', { headers: bearer(reader1.token) }), 403, 'forbidden');
  assertError(assert, await api(srv.url, '/api/orders'), 401, 'unauthorized');
});

test('production has no test checkout', async () => {
  const prod = await startMangu({
    env: { ...commerceEnv, MANGU_ENV: 'production', MANGU_JWT_SECRET: 'x'.repeat(40) },
  });
  try {
    const a = await makeAuthor(prod);
    const b = await createBook(prod, a, { price_cents: 900 });
    const u = await reader(prod);
    await addToCart(prod, u.token, b.id);
    const r = await checkout(prod, u.token);
    assertError(assert, r, 503, 'unavailable');
    assertError(assert, await api(prod.url, '/checkout/test/1?token=abc'), 404, 'not_found');
    assertError(assert, await api(prod.url, '/api/payments/dev/1/pay', { method: 'POST', headers: bearer(u.token) }), 404, 'not_found');
  } finally {
    await prod.stop();
  }
});
