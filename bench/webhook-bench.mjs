// bench/webhook-bench.mjs: webhook throughput and latency with BENCH_CONCURRENCY concurrent
// deliveries. Run through bench/webhook.sh (which runs it under tests/run-http.sh so the scaled
// backend's PostgreSQL and Redis exist); appends one JSON line per phase to BENCH_OUT.
//
// Prepares BENCH_ORDERS pending Stripe orders (one book each, through the real API and a local
// fake Stripe), signs one checkout.session.completed per order with the stripe package, then
// delivers: phase "first" (every event new: signature, transaction, fulfilment, commit) and
// phase "redelivery" (the same events again: signature, duplicate detected, rollback).
import fs from 'node:fs';
import { performance } from 'node:perf_hooks';
import { backend, startMangu, api } from '../tests/http/lib/mangu.mjs';
import { bearer, createUser } from '../tests/http/lib/accounts.mjs';
import {
  addToCart, checkout, createBook, makeAuthor, reader, signature, startFakeStripe, stripeEnv,
  stripeEvent,
} from '../tests/http/lib/commerce.mjs';

const ORDERS = Number(process.env.BENCH_ORDERS ?? 500);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 32);
const BUYERS = 4;
const out = process.env.BENCH_OUT;

async function prepare(srv, fake) {
  const author = await makeAuthor(srv);
  const buyers = [];
  for (let i = 0; i < BUYERS; i++) buyers.push(await reader(srv));
  const events = [];
  for (let i = 0; i < ORDERS; i++) {
    const u = buyers[i % BUYERS];
    const b = await createBook(srv, author, { price_cents: 500 + (i % 50) });
    await addToCart(srv, u.token, b.id);
    const co = await checkout(srv, u.token);
    if (co.status !== 201) throw new Error(`checkout ${co.status} ${co.text}`);
    await api(srv.url, `/api/cart/items/${b.id}`, { method: 'DELETE', headers: bearer(u.token) });
    const id = new URL(co.json.checkout_url).pathname.split('/').pop();
    events.push(JSON.stringify(stripeEvent('checkout.session.completed', fake.complete(id))));
  }
  return events;
}

/** Delivers every payload once with `CONCURRENCY` workers; returns latencies (ms) and wall time. */
async function run(srv, payloads) {
  const url = `${srv.url}/api/payments/stripe/webhook`;
  const signed = payloads.map((p) => [p, signature(p)]);
  const lat = [];
  let next = 0, bad = 0;
  const worker = async () => {
    while (next < signed.length) {
      const [body, sig] = signed[next++];
      const t0 = performance.now();
      const r = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', 'stripe-signature': sig }, body });
      await r.arrayBuffer();
      lat.push(performance.now() - t0);
      if (r.status !== 200) bad++;
    }
  };
  const t0 = performance.now();
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  return { lat, wall: performance.now() - t0, bad };
}

const quantile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];

/* Client-observed figures, plus the server's own duration_ms from its access log (the time
 * inside mangu, without the client's and the kernel's queueing on a busy machine). */
function summary(phase, { lat, wall, bad }, serverMs) {
  const s = [...lat].sort((a, b) => a - b);
  const m = [...serverMs].sort((a, b) => a - b);
  return {
    backend, phase, n: s.length, concurrency: CONCURRENCY, non_200: bad,
    rps: Math.round((s.length / wall) * 1000), p50_ms: +quantile(s, 0.5).toFixed(1),
    p90_ms: +quantile(s, 0.9).toFixed(1), p99_ms: +quantile(s, 0.99).toFixed(1),
    max_ms: +s.at(-1).toFixed(1), server_p50_ms: +quantile(m, 0.5).toFixed(2),
    server_p99_ms: +quantile(m, 0.99).toFixed(2), load: fs.readFileSync('/proc/loadavg', 'utf8').split(' ')[0],
  };
}

/* The webhook requests' duration_ms logged since entry "from". */
function serverDurations(srv, from) {
  return srv.accessLogs().slice(from).filter((l) => l.path === '/api/payments/stripe/webhook').map((l) => l.duration_ms);
}

const fake = await startFakeStripe();
const srv = await startMangu({ env: stripeEnv(fake, { MANGU_THREADS: process.env.BENCH_THREADS ?? '8' }) });
try {
  const events = await prepare(srv, fake);
  const rows = [];
  for (const phase of ['first', 'redelivery']) {
    const from = srv.accessLogs().length;
    const r = await run(srv, events);
    await new Promise((res) => setTimeout(res, 300)); /* let the last log lines arrive */
    rows.push(summary(phase, r, serverDurations(srv, from)));
  }
  const admin = await createUser(srv, 'admin');
  const paid = await api(srv.url, '/api/admin/orders?status=paid&limit=1', { headers: bearer(admin.token) });
  for (const r of rows) r.orders_paid = paid.json.total;
  if (paid.json.total !== ORDERS) throw new Error(`expected ${ORDERS} paid orders, found ${paid.json.total}`);
  for (const r of rows) {
    console.log(JSON.stringify(r));
    if (out) fs.appendFileSync(out, `${JSON.stringify(r)}\n`);
  }
} finally {
  await srv.stop();
  await fake.close();
}
