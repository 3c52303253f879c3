// 4040 a webhook while the database is down is answered 5xx (so Stripe retries), and the
// redelivery after recovery is processed once. Scaled: PostgreSQL is stopped and restarted.
// Embedded: another process holds SQLite's write lock past the busy timeout.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fault, poll, scaled, startMangu } from './lib/mangu.mjs';
import {
  addToCart, checkout, createBook, deliver, getOrder, makeAuthor, ownedBookIds, reader,
  startFakeStripe, stripeEnv, stripeEvent,
} from './lib/commerce.mjs';

let srv, fake;
before(async () => {
  fake = await startFakeStripe();
  srv = await startMangu({ env: stripeEnv(fake, { MANGU_DB_STATEMENT_TIMEOUT_MS: '500' }) });
});
after(async () => {
  if (scaled) await fault('MANGU_TEST_PG_START').catch(() => {});
  await srv?.stop();
  await fake?.close();
});

/** Holds SQLite's write lock from another process until release() is called. */
async function lockSqlite(file) {
  const p = spawn('sqlite3', [file], { stdio: ['pipe', 'pipe', 'pipe'] });
  p.stdin.write('PRAGMA busy_timeout=5000;\nBEGIN IMMEDIATE;\nSELECT \'locked\';\n');
  await new Promise((resolve, reject) => {
    p.stdout.on('data', (d) => { if (String(d).includes('locked')) resolve(); });
    p.on('error', reject);
    p.on('exit', (c) => reject(new Error(`sqlite3 exited ${c}`)));
  });
  return async () => {
    p.stdin.end('ROLLBACK;\n.quit\n');
    await new Promise((r) => p.on('close', r));
  };
}

async function goDown() {
  if (scaled) {
    await fault('MANGU_TEST_PG_STOP');
    return () => fault('MANGU_TEST_PG_START');
  }
  return lockSqlite(path.join(srv.dataDir, 'mangu.db'));
}

test('webhook while the database is down: 5xx, then the redelivery is processed once', async () => {
  const author = await makeAuthor(srv);
  const book = await createBook(srv, author, { price_cents: 1500 });
  const user = await reader(srv);
  await addToCart(srv, user.token, book.id);
  const co = await checkout(srv, user.token);
  assert.equal(co.status, 201, co.text);
  const sessionId = new URL(co.json.checkout_url).pathname.split('/').pop();
  const ev = stripeEvent('checkout.session.completed', fake.complete(sessionId));

  const up = await goDown();
  let down;
  try {
    down = await deliver(srv, ev);
  } finally {
    await up();
  }
  assert.ok(down.status >= 500 && down.status < 600, `expected 5xx, got ${down.status} ${down.text}`);

  // Stripe retries until the database answers again.
  const ok = await poll(async () => {
    const r = await deliver(srv, ev);
    return r.status === 200 ? r : null;
  }, { ms: 30000, every: 500 });
  assert.ok(ok, 'the redelivery succeeded after recovery');
  assert.equal(ok.json.duplicate, false, 'the failed delivery recorded nothing');
  const again = await deliver(srv, ev);
  assert.equal(again.json.duplicate, true);
  assert.equal((await getOrder(srv, user.token, co.json.order.id)).json.order.status, 'paid');
  assert.deepEqual(await ownedBookIds(srv, user.token), [book.id]);
});
