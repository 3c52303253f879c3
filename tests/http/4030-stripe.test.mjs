// 4030 Stripe: Checkout Sessions created against a local fake that checks what we send, and
// webhooks signed by the `stripe` package: duplicates, concurrency, any order, forged
// signatures, clock skew, secret rotation, refunds, reconciliation.
import { test, before, after, describe } from 'node:test';
import assert from 'node:assert/strict';
import { api, runMangu, startMangu, assertError } from './lib/mangu.mjs';
import { bearer, createUser } from './lib/accounts.mjs';
import {
  OLD_WEBHOOK_SECRET, WEBHOOK_SECRET, addToCart, checkout, createBook, deliver, getCart, getOrder,
  makeAuthor, ownedBookIds, reader, refundedCharge, signature, startFakeStripe, stripeEnv,
  stripeEvent,
} from './lib/commerce.mjs';

let srv, fake, author, admin;
before(async () => {
  fake = await startFakeStripe();
  srv = await startMangu({ env: stripeEnv(fake, { STRIPE_WEBHOOK_SECRET: `${WEBHOOK_SECRET},${OLD_WEBHOOK_SECRET}` }) });
  author = await makeAuthor(srv);
  admin = await createUser(srv, 'admin');
});
after(async () => {
  await srv?.stop();
  await fake?.close();
});

/** A reader with a pending Stripe order for `n` books: {user, books, order, session}. */
async function pendingOrder(n = 1, price = 1999) {
  const user = await reader(srv);
  const books = [];
  for (let i = 0; i < n; i++) {
    const b = await createBook(srv, author, { price_cents: price, title: `Stripe Book ${i} & "more"` });
    await addToCart(srv, user.token, b.id);
    books.push(b);
  }
  const co = await checkout(srv, user.token);
  assert.equal(co.status, 201, co.text);
  const session = fake.sessions.get(fake.requests.filter((r) => r.path === '/v1/checkout/sessions').at(-1)
    && new URL(co.json.checkout_url).pathname.split('/').pop());
  assert.ok(session, 'the fake made the session');
  return { user, books, order: co.json.order, session, checkoutUrl: co.json.checkout_url };
}

const orderStatus = async (p) => (await getOrder(srv, p.user.token, p.order.id)).json.order.status;
const receipts = async (email) => {
  const r = await api(srv.url, `/api/admin/outbox?to=${encodeURIComponent(email)}`, { headers: bearer(admin.token) });
  return r.json.items.filter((m) => m.kind === 'receipt').length;
};

test('checkout creates a Checkout Session with our prices, metadata and URLs', async () => {
  const p = await pendingOrder(2, 2500);
  const req = fake.requests.filter((r) => r.path === '/v1/checkout/sessions').at(-1);
  assert.equal(req.method, 'POST');
  assert.match(req.headers['content-type'], /^application\/x-www-form-urlencoded/);
  assert.equal(req.headers['idempotency-key'], `order-${p.order.id}`);
  assert.equal(req.form.mode, 'payment');
  assert.equal(req.form.client_reference_id, String(p.order.id));
  assert.equal(req.form['metadata[order_id]'], String(p.order.id));
  assert.equal(req.form['metadata[order_number]'], p.order.number);
  assert.equal(req.form.customer_email, p.user.email);
  assert.equal(req.form.success_url, `${srv.url}/checkout/success?order=${p.order.id}&session_id={CHECKOUT_SESSION_ID}`);
  assert.equal(req.form.cancel_url, `${srv.url}/checkout/cancel?order=${p.order.id}`);
  for (const i of [0, 1]) {
    assert.equal(req.form[`line_items[${i}][price_data][currency]`], 'usd');
    assert.equal(req.form[`line_items[${i}][price_data][unit_amount]`], '2500');
    assert.equal(req.form[`line_items[${i}][quantity]`], '1');
    assert.match(req.form[`line_items[${i}][price_data][product_data][name]`], /^Stripe Book \d & "more"$/);
  }
  assert.equal(p.checkoutUrl, p.session.url);
  assert.equal(p.order.provider, 'stripe');
  assert.equal(p.session.amount_total, 5000);
});

test('Stripe down at checkout: 503, and the retry reuses the order and session safely', async () => {
  const user = await reader(srv);
  const b = await createBook(srv, author, { price_cents: 700 });
  await addToCart(srv, user.token, b.id);
  fake.failWith(500, 1);
  const down = await checkout(srv, user.token);
  assertError(assert, down, 503, 'unavailable');
  const retry = await checkout(srv, user.token);
  assert.equal(retry.status, 200, retry.text);
  const orders = await api(srv.url, '/api/orders', { headers: bearer(user.token) });
  assert.equal(orders.json.total, 1, 'still one order');
  assert.equal(retry.json.order.status, 'pending');
  assert.match(retry.json.checkout_url, /^https:\/\/checkout\.stripe\.test\//);
});

test('the same checkout.session.completed 5 times in a row: all 2xx, one grant', async () => {
  const p = await pendingOrder(2);
  const ev = stripeEvent('checkout.session.completed', fake.complete(p.session.id));
  for (let i = 0; i < 5; i++) {
    const r = await deliver(srv, ev);
    assert.equal(r.status, 200, r.text);
    assert.equal(r.json.duplicate, i > 0);
  }
  assert.equal(await orderStatus(p), 'paid');
  assert.deepEqual(await ownedBookIds(srv, p.user.token), p.books.map((b) => b.id).sort((a, b) => a - b));
  assert.equal(await receipts(p.user.email), 1);
  assert.equal((await getCart(srv, p.user.token)).json.items.length, 0);
  for (const b of p.books) {
    const detail = await api(srv.url, `/api/books/${b.id}`);
    assert.equal((detail.json.book ?? detail.json).purchases_count, 1, 'counted once');
  }
});

test('the same event 5 times at once, and two different events at once: one grant', async () => {
  const p = await pendingOrder(1);
  const session = fake.complete(p.session.id);
  const ev = stripeEvent('checkout.session.completed', session);
  const rs = await Promise.all(Array.from({ length: 5 }, () => deliver(srv, ev)));
  for (const r of rs) assert.ok(r.status >= 200 && r.status < 300, `${r.status} ${r.text}`);
  assert.equal(rs.filter((r) => !r.json.duplicate).length, 1);
  assert.equal(await orderStatus(p), 'paid');
  assert.equal((await ownedBookIds(srv, p.user.token)).length, 1);
  assert.equal(await receipts(p.user.email), 1);

  const q = await pendingOrder(1);
  const s2 = fake.complete(q.session.id);
  const pair = await Promise.all([
    deliver(srv, stripeEvent('checkout.session.completed', s2)),
    deliver(srv, stripeEvent('checkout.session.async_payment_succeeded', s2)),
    deliver(srv, stripeEvent('checkout.session.completed', s2)),
  ]);
  for (const r of pair) assert.equal(r.status, 200, r.text);
  assert.equal((await ownedBookIds(srv, q.user.token)).length, 1);
  assert.equal(await receipts(q.user.email), 1, 'fulfilled once');
});

test('async payment: succeeded before completed(unpaid) ends paid; failed ends failed', async () => {
  const p = await pendingOrder(1);
  const paid = fake.complete(p.session.id);
  const unpaid = { ...paid, payment_status: 'unpaid' };
  assert.equal((await deliver(srv, stripeEvent('checkout.session.async_payment_succeeded', paid))).status, 200);
  assert.equal((await deliver(srv, stripeEvent('checkout.session.completed', unpaid))).status, 200);
  assert.equal(await orderStatus(p), 'paid');
  assert.equal((await ownedBookIds(srv, p.user.token)).length, 1);

  const q = await pendingOrder(1);
  const s = fake.complete(q.session.id, { payment_status: 'unpaid' });
  assert.equal((await deliver(srv, stripeEvent('checkout.session.completed', s))).status, 200);
  assert.equal(await orderStatus(q), 'pending', 'waits for the async payment');
  assert.equal((await deliver(srv, stripeEvent('checkout.session.async_payment_failed', s))).status, 200);
  assert.equal(await orderStatus(q), 'failed');
  assert.deepEqual(await ownedBookIds(srv, q.user.token), []);
});

test('an expired session expires its order; a late completed for it is still honoured', async () => {
  const p = await pendingOrder(1);
  const s = { ...fake.sessions.get(p.session.id), status: 'expired' };
  assert.equal((await deliver(srv, stripeEvent('checkout.session.expired', s))).status, 200);
  assert.equal(await orderStatus(p), 'expired');
  const q = await pendingOrder(1);
  const done = fake.complete(q.session.id);
  await deliver(srv, stripeEvent('checkout.session.completed', done));
  await deliver(srv, stripeEvent('checkout.session.expired', { ...done, status: 'expired' }));
  assert.equal(await orderStatus(q), 'paid', 'expired after paid changes nothing');
});

test('charge.refunded before completed (no metadata): kept, then the order ends refunded, no grant', async () => {
  const p = await pendingOrder(1);
  const s = fake.complete(p.session.id);
  const early = await deliver(srv, stripeEvent('charge.refunded', refundedCharge(s.payment_intent, s.amount_total)));
  assert.equal(early.status, 200, early.text);
  assert.equal(early.json.deferred, true);
  assert.equal((await deliver(srv, stripeEvent('checkout.session.completed', s))).status, 200);
  assert.equal(await orderStatus(p), 'refunded');
  assert.deepEqual(await ownedBookIds(srv, p.user.token), []);
  assert.equal(await receipts(p.user.email), 0);
});

test('charge.refunded before completed (with metadata): refunded at once, completed changes nothing', async () => {
  const p = await pendingOrder(1);
  const s = fake.complete(p.session.id);
  const ch = refundedCharge(s.payment_intent, s.amount_total, { metadata: { order_id: String(p.order.id) } });
  assert.equal((await deliver(srv, stripeEvent('charge.refunded', ch))).status, 200);
  assert.equal(await orderStatus(p), 'refunded');
  assert.equal((await deliver(srv, stripeEvent('checkout.session.completed', s))).status, 200);
  assert.equal(await orderStatus(p), 'refunded');
  assert.deepEqual(await ownedBookIds(srv, p.user.token), []);
});

test('refund through Stripe: asked with the payment intent, confirmed by charge.refunded', async () => {
  const p = await pendingOrder(2);
  const s = fake.complete(p.session.id);
  await deliver(srv, stripeEvent('checkout.session.completed', s));
  assert.equal((await ownedBookIds(srv, p.user.token)).length, 2);
  const r = await api(srv.url, `/api/admin/orders/${p.order.id}/refund`, { method: 'POST', headers: bearer(admin.token) });
  assert.equal(r.status, 202, r.text);
  assert.equal(r.json.refund, 'requested');
  assert.equal(r.json.order.status, 'paid', 'paid until Stripe confirms');
  const req = fake.requests.filter((x) => x.path === '/v1/refunds').at(-1);
  assert.equal(req.form.payment_intent, s.payment_intent);
  assert.equal(req.headers['idempotency-key'], `refund-${p.order.id}`);
  assert.equal((await ownedBookIds(srv, p.user.token)).length, 2);
  const partial = await deliver(srv, stripeEvent('charge.refunded', refundedCharge(s.payment_intent, s.amount_total, { refunded: false })));
  assert.equal(partial.status, 200);
  assert.equal(await orderStatus(p), 'paid', 'a partial refund changes nothing');
  const full = stripeEvent('charge.refunded', refundedCharge(s.payment_intent, s.amount_total));
  assert.equal((await deliver(srv, full)).status, 200);
  assert.equal((await deliver(srv, full)).json.duplicate, true);
  assert.equal(await orderStatus(p), 'refunded');
  assert.deepEqual(await ownedBookIds(srv, p.user.token), []);
  const o = await api(srv.url, `/api/admin/orders/${p.order.id}`, { headers: bearer(admin.token) });
  assert.equal(o.json.order.payment_intent_id, s.payment_intent);
});

test('a new checkout expires the Checkout Session of the pending order it supersedes', async () => {
  const p = await pendingOrder(1);
  const other = await createBook(srv, author, { price_cents: 700 });
  await addToCart(srv, p.user.token, other.id);
  const co = await checkout(srv, p.user.token);
  assert.equal(co.status, 201, co.text);
  assert.notEqual(co.json.order.id, p.order.id);
  assert.equal(await orderStatus(p), 'cancelled');
  assert.deepEqual(fake.expired.filter((id) => id === p.session.id), [p.session.id]);
  const req = fake.requests.find((r) => r.path === `/v1/checkout/sessions/${p.session.id}/expire`);
  assert.equal(req.method, 'POST');
  assert.equal(fake.sessions.get(p.session.id).status, 'expired', 'the old link cannot be paid');
  assert.equal(fake.sessions.get(new URL(co.json.checkout_url).pathname.split('/').pop()).status, 'open');
});

test('a superseded session Stripe says is complete is fulfilled, once, not lost', async () => {
  const p = await pendingOrder(1);
  const paid = fake.complete(p.session.id); /* paid, and its webhook has not come yet */
  const other = await createBook(srv, author, { price_cents: 800 });
  await addToCart(srv, p.user.token, other.id);
  const co = await checkout(srv, p.user.token);
  assert.equal(co.status, 201, co.text);
  assert.ok(fake.expired.includes(p.session.id), 'expiry was asked');
  assert.ok(fake.requests.some((r) => r.method === 'GET' && r.path === `/v1/checkout/sessions/${p.session.id}`));
  assert.equal(await orderStatus(p), 'paid');
  assert.deepEqual(await ownedBookIds(srv, p.user.token), [p.books[0].id]);
  const late = await deliver(srv, stripeEvent('checkout.session.completed', paid));
  assert.equal(late.status, 200, late.text);
  assert.equal(await orderStatus(p), 'paid');
  assert.deepEqual(await ownedBookIds(srv, p.user.token), [p.books[0].id]);
  assert.equal(await receipts(p.user.email), 1, 'one fulfilment, one receipt');
});

test('partial refunds: recorded as refunded_cents, the order stays paid with its books', async () => {
  const p = await pendingOrder(2, 1500);
  const s = fake.complete(p.session.id);
  await deliver(srv, stripeEvent('checkout.session.completed', s));
  const charge = (amountRefunded, refunded = false) => ({
    id: `ch_partial_${p.order.id}`, object: 'charge', payment_intent: s.payment_intent, amount: 3000,
    amount_refunded: amountRefunded, refunded, currency: 'usd', metadata: {},
  });
  const order = async () => (await getOrder(srv, p.user.token, p.order.id)).json.order;
  assert.equal((await deliver(srv, stripeEvent('charge.refunded', charge(500)))).status, 200);
  assert.equal((await order()).status, 'paid');
  assert.equal((await order()).refunded_cents, 500);
  assert.equal((await ownedBookIds(srv, p.user.token)).length, 2, 'access is kept');
  assert.equal((await deliver(srv, stripeEvent('charge.refunded', charge(1200)))).status, 200);
  assert.equal((await deliver(srv, stripeEvent('charge.refunded', charge(500)))).status, 200, 'an older event, late');
  assert.equal((await order()).refunded_cents, 1200, 'the cumulative amount, never lowered');
  assert.equal((await order()).status, 'paid');
  assert.equal((await deliver(srv, stripeEvent('charge.refunded', charge(3000, true)))).status, 200);
  const end = await order();
  assert.equal(end.status, 'refunded');
  assert.equal(end.refunded_cents, 3000);
  assert.deepEqual(await ownedBookIds(srv, p.user.token), [], 'a full refund revokes access');
});

test('a partial refund that comes before its payment is recorded once the payment is', async () => {
  const p = await pendingOrder(1, 2000);
  const s = fake.complete(p.session.id);
  const early = {
    id: `ch_early_${p.order.id}`, object: 'charge', payment_intent: s.payment_intent, amount: 2000,
    amount_refunded: 700, refunded: false, currency: 'usd', metadata: {},
  };
  const kept = await deliver(srv, stripeEvent('charge.refunded', early));
  assert.equal(kept.status, 200, kept.text);
  assert.equal(kept.json.deferred, true, 'its payment is not known yet');
  assert.equal((await deliver(srv, stripeEvent('checkout.session.completed', s))).status, 200);
  const order = (await getOrder(srv, p.user.token, p.order.id)).json.order;
  assert.equal(order.status, 'paid');
  assert.equal(order.refunded_cents, 700, 'the early partial refund is not lost');
  assert.equal((await ownedBookIds(srv, p.user.token)).length, 1, 'access is kept');
});

describe('signatures', () => {
  let p, ev, payload;
  before(async () => {
    p = await pendingOrder(1);
    ev = stripeEvent('checkout.session.completed', fake.complete(p.session.id));
    payload = JSON.stringify(ev);
  });

  const refused = async (opts, body = payload) => {
    const r = await deliver(srv, body, opts);
    assertError(assert, r, 400, 'bad_request');
    assert.equal(await orderStatus(p), 'pending', 'nothing written');
  };

  test('forged or broken signatures are 400 and write nothing', async () => {
    const good = signature(payload);
    const t = good.split(',')[0];
    await refused({ header: null });
    await refused({ header: '' });
    await refused({ header: `${t},v1=${'z'.repeat(64)}` });
    await refused({ header: `${t},v1=abc` });
    await refused({ header: good }, payload.replace('"paid"', '"paid" '));
    await refused({ header: `${t},v0=${good.split('v1=')[1]}` });
    await refused({ secret: 'whsec_not_the_right_one' });
    await refused({ header: `${good},v1=${'a'.repeat(10 * 1024)}` });
    await refused({ header: good.replace(/^t=\d+/, `t=${Number(t.slice(2)) + 1}`) });
  });

  // The exact 300 s boundary is pinned by tests/unit/pay/test_signature.c with a fixed clock;
  // here each timestamp is taken just before its delivery and kept 30 s clear of it, so a slow
  // machine cannot carry a case across the line.
  test('timestamps: 330 s off either way is refused, 270 s in the past accepted', async () => {
    const ago = (s) => Math.floor(Date.now() / 1000) - s;
    await refused({ timestamp: ago(330) });
    await refused({ timestamp: ago(-330) });
    const r = await deliver(srv, payload, { timestamp: ago(270) });
    assert.equal(r.status, 200, r.text);
    assert.equal(r.json.duplicate, false, 'none of the refused deliveries recorded the event');
    assert.equal(await orderStatus(p), 'paid', 'the same event, validly signed, is then processed');
  });

  test('during a rotation both secrets verify, and a header with two v1 values passes', async () => {
    const q = await pendingOrder(1);
    const body = JSON.stringify(stripeEvent('checkout.session.completed', fake.complete(q.session.id)));
    const t = Math.floor(Date.now() / 1000);
    const oldSig = signature(body, { secret: OLD_WEBHOOK_SECRET, timestamp: t });
    const newSig = signature(body, { secret: WEBHOOK_SECRET, timestamp: t });
    const both = `${newSig},v1=${oldSig.split('v1=')[1]}`;
    const r = await deliver(srv, body, { header: both });
    assert.equal(r.status, 200, r.text);
    const r2 = await deliver(srv, body, { header: oldSig });
    assert.equal(r2.status, 200);
    assert.equal(r2.json.duplicate, true);
    assert.equal(await orderStatus(q), 'paid');
  });
});

test('unknown event types and unknown orders are answered 200 and ignored', async () => {
  const r = await deliver(srv, stripeEvent('customer.created', { id: 'cus_1', object: 'customer' }));
  assert.equal(r.status, 200);
  assert.equal(r.json.ignored, true);
  const ghost = { id: 'cs_test_unknown', object: 'checkout.session', client_reference_id: '999999', payment_status: 'paid', payment_intent: 'pi_ghost', amount_total: 100, currency: 'usd', metadata: {} };
  assert.equal((await deliver(srv, stripeEvent('checkout.session.completed', ghost))).status, 200);
  assertError(assert, await deliver(srv, '{"not":"an event"}'), 400, 'bad_request');
});

test('a session whose amount differs from the order is not fulfilled', async () => {
  const p = await pendingOrder(1, 3000);
  const s = { ...fake.complete(p.session.id), amount_total: 1 };
  assert.equal((await deliver(srv, stripeEvent('checkout.session.completed', s))).status, 200);
  assert.equal(await orderStatus(p), 'pending');
});

test('`mangu payments reconcile` fulfils paid sessions whose webhook never came, once', async () => {
  const p = await pendingOrder(1);
  fake.complete(p.session.id);
  const run = () => runMangu(['payments', 'reconcile', '--since-hours', '1'], srv.env, { dataDir: srv.dataDir });
  const first = await run();
  assert.equal(first.code, 0, first.output);
  assert.match(first.stdout, /fulfilled [1-9]\d* order/);
  assert.equal(await orderStatus(p), 'paid');
  assert.equal((await ownedBookIds(srv, p.user.token)).length, 1);
  const second = await run();
  assert.equal(second.code, 0, second.output);
  assert.match(second.stdout, /fulfilled 0 order/);
  assert.equal(await receipts(p.user.email), 1);
  const listed = fake.requests.filter((r) => r.path === '/v1/checkout/sessions' && r.method === 'GET').at(-1);
  assert.equal(listed.query.status, 'complete');
  assert.ok(Number(listed.query['created[gte]']) > Date.now() / 1000 - 3700);
});
