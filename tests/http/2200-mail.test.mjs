// 2200 mail: with MANGU_SMTP_URL the background sender delivers queued mail to a real SMTP
// server (python3-aiosmtpd on loopback) and the admin outbox shows it sent, or retried while the
// server is down; without it, mail stays pending in the outbox for the operator.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import net from 'node:net';
import readline from 'node:readline';
import { startMangu, api, poll, freePort, assertError } from './lib/mangu.mjs';
import { signup, createUser, bearer } from './lib/accounts.mjs';

// Debian's python3-aiosmtpd lives in the system Python, which may not be first on the PATH.
const python = ['/usr/bin/python3', 'python3'].find(
  (bin) => spawnSync(bin, ['-c', 'import aiosmtpd'], { stdio: 'ignore' }).status === 0,
);

const listening = (port) => new Promise((resolve) => {
  const s = net.connect(port, '127.0.0.1');
  s.on('connect', () => { s.destroy(); resolve(true); });
  s.on('error', () => resolve(false));
});

/** RFC 2047 "B" words back to text (adjacent words are joined, as the RFC says). */
const decodeWords = (s) => s.replace(/\?=\s+=\?/g, '?==?')
  .replace(/=\?UTF-8\?B\?([^?]*)\?=/gi, (_, b64) => Buffer.from(b64, 'base64').toString('utf8'));

/** Quoted-printable back to text. */
function decodeQp(s) {
  const bytes = [];
  const flat = s.replace(/=\r?\n/g, '');
  for (let i = 0; i < flat.length; i++) {
    const m = flat[i] === '=' && /^[0-9A-F]{2}$/.exec(flat.slice(i + 1, i + 3));
    if (m) {
      bytes.push(parseInt(m[0], 16));
      i += 2;
    } else {
      bytes.push(...Buffer.from(flat[i], 'utf8'));
    }
  }
  return Buffer.from(bytes).toString('utf8');
}

/** One message as aiosmtpd's Debugging handler prints it: headers (unfolded) and the body. */
function parseMessage(lines) {
  const blank = lines.indexOf('');
  const headers = {};
  let last = null;
  for (const line of lines.slice(0, blank)) {
    if (/^[ \t]/.test(line) && last) headers[last] += line;
    else {
      const i = line.indexOf(':');
      last = line.slice(0, i).toLowerCase();
      headers[last] = line.slice(i + 1).trim();
    }
  }
  return { headers, body: lines.slice(blank + 1).join('\n'), raw: lines.join('\n') };
}

/** aiosmtpd on a free loopback port, collecting what it receives. */
async function startSink() {
  const port = await freePort();
  const proc = spawn(python, ['-u', '-m', 'aiosmtpd', '-n', '-l', `127.0.0.1:${port}`],
    { stdio: ['ignore', 'pipe', 'pipe'] });
  const messages = [];
  let current = null;
  let stderr = '';
  proc.stderr.on('data', (d) => { stderr += d; });
  readline.createInterface({ input: proc.stdout }).on('line', (line) => {
    if (line.startsWith('---------- MESSAGE FOLLOWS')) current = [];
    else if (line.startsWith('------------ END MESSAGE')) {
      messages.push(parseMessage(current));
      current = null;
    } else if (current) current.push(line);
  });
  const exited = once(proc, 'exit');
  if ((await poll(() => listening(port), { ms: 10000, every: 100 })) !== true) {
    proc.kill('SIGKILL');
    throw new Error(`aiosmtpd did not start: ${stderr}`);
  }
  return {
    url: `smtp://127.0.0.1:${port}`,
    messages,
    find: (to) => messages.find((m) => m.headers.to === `<${to}>`),
    async stop() {
      if (proc.exitCode === null && proc.signalCode === null) proc.kill('SIGTERM');
      await exited;
    },
  };
}

describe('SMTP delivery', { skip: !python && 'python3-aiosmtpd is not installed' }, () => {
  let sink;
  let srv;
  let admin;
  let reader;
  const outbox = (q, token = admin.token) =>
    api(srv.url, `/api/admin/outbox${q}`, { headers: token ? bearer(token) : {} });

  before(async () => {
    sink = await startSink();
    srv = await startMangu({
      env: {
        MANGU_SMTP_URL: sink.url,
        MANGU_MAIL_FROM: 'MANGU Publishing <no-reply@books.example>',
        MANGU_RATE_LIMIT: 'off',
      },
    });
  });
  after(async () => {
    await srv?.stop();
    await sink?.stop();
  });

  test('the sender starts with the server', async () => {
    const l = await srv.waitForLog((e) => e.json?.msg === 'mail sender started');
    assert.equal(l.json.from, 'MANGU Publishing <no-reply@books.example>');
  });

  test("a sign-up's verification mail reaches the SMTP server", async () => {
    reader = await signup(srv);
    assert.equal(reader.status, 201, reader.text);
    const m = await poll(() => sink.find(reader.email), { ms: 15000, every: 100 });
    assert.ok(m && !(m instanceof Error), `no mail to ${reader.email} within 15 s`);
    assert.equal(m.headers.from, 'MANGU Publishing <no-reply@books.example>');
    assert.match(m.headers.date, /^[A-Z][a-z]{2}, \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} \+0000$/);
    assert.match(m.headers['message-id'], /^<[0-9a-f]{32}@books\.example>$/);
    assert.equal(m.headers['mime-version'], '1.0');
    assert.ok(decodeWords(m.headers.subject).length > 0);
    // a plain ASCII body goes as 7bit, where "=13..." in a token is text, not an escape
    const cte = m.headers['content-transfer-encoding'];
    const body = /quoted-printable/i.test(cte ?? '') ? decodeQp(m.body) : m.body;
    assert.match(body, /token=[A-Za-z0-9_-]{20,}/, 'the verification link is in the body');
    // the operator's link line is for outbox-only mode
    assert.ok(!srv.logs().some((e) => e.json?.msg === 'mail link' && e.json.to === reader.email));
  });

  test('a non-ASCII subject and an HTML alternative arrive intact', async () => {
    const to = `utf8-${Date.now()}@example.test`;
    const subject = 'Reçu de commande — 書籍のご購入ありがとうございます, numéro 1234567';
    const text = 'Merci ! Total : 12,00 €\nLien : https://books.example/orders/1?x=1\n';
    const r = await api(srv.url, '/api/_test/mail', {
      method: 'POST',
      json: { to, subject, text, html: '<p>Merci&nbsp;! <b>12,00 €</b></p>', kind: 'receipt' },
    });
    assert.equal(r.status, 202, r.text);
    const m = await poll(() => sink.find(to), { ms: 15000, every: 100 });
    assert.ok(m && !(m instanceof Error), `no mail to ${to}`);
    assert.match(m.headers.subject, /^=\?UTF-8\?B\?/);
    assert.equal(decodeWords(m.headers.subject), subject);
    const boundary = /boundary="([^"]+)"/.exec(m.headers['content-type'])?.[1];
    assert.match(m.headers['content-type'], /^multipart\/alternative;/);
    assert.ok(boundary);
    const parts = m.body.split(`--${boundary}`);
    assert.equal(parts.length, 4, m.raw); // preamble, text, html, closing "--"
    assert.match(parts[1], /Content-Type: text\/plain; charset=utf-8/);
    assert.equal(decodeQp(parts[1].split('\n\n').slice(1).join('\n\n')).trim(), text.trim());
    assert.match(parts[2], /Content-Type: text\/html; charset=utf-8/);
    assert.match(decodeQp(parts[2]), /<b>12,00 €<\/b>/);
  });

  test('the admin outbox lists the mail as sent', async () => {
    admin = await createUser(srv, 'admin');
    const r = await poll(async () => {
      const o = await outbox(`?to=${encodeURIComponent(reader.email.toUpperCase())}`);
      return o.json?.items?.[0]?.status === 'sent' ? o : null;
    });
    assert.ok(r && r.status === 200, `not sent: ${r?.text ?? r}`);
    assert.equal(r.json.total, 1);
    assert.equal(r.json.limit, 24);
    assert.equal(r.json.offset, 0);
    const item = r.json.items[0];
    assert.equal(item.to, reader.email);
    assert.equal(item.kind, 'verify');
    assert.equal(item.attempts, 1);
    assert.equal(item.last_error, null);
    assert.match(item.sent_at, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
    assert.match(item.created_at, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
    assert.match(item.body_text, /token=/);
    for (const k of ['id', 'subject']) assert.ok(k in item, k);

    const all = await outbox('?limit=1&offset=0');
    assert.equal(all.status, 200, all.text);
    assert.equal(all.json.items.length, 1);
    assert.ok(all.json.total >= 2, `total ${all.json.total}`); // the sign-up and the receipt
  });

  test('only admins read the outbox; bad paging is 400', async () => {
    assertError(assert, await outbox('', null), 401, 'unauthorized');
    assertError(assert, await outbox('', reader.token), 403, 'forbidden');
    assertError(assert, await outbox('?limit=0'), 400, 'validation_failed');
    assertError(assert, await outbox('?offset=-1'), 400, 'validation_failed');
  });

  test('SMTP server down: the mail waits in the outbox with the error, to be retried', async () => {
    await sink.stop();
    const to = `later-${Date.now()}@example.test`;
    const r = await api(srv.url, '/api/_test/mail', {
      method: 'POST', json: { to, subject: 'Later', text: 'Hello\n' },
    });
    assert.equal(r.status, 202, r.text);
    const o = await poll(async () => {
      const x = await outbox(`?to=${to}`);
      return x.json?.items?.[0]?.attempts === 1 ? x : null;
    });
    assert.ok(o && o.status === 200, `no failed attempt recorded: ${o?.text ?? o}`);
    const item = o.json.items[0];
    assert.equal(item.status, 'pending');
    assert.equal(item.sent_at, null);
    assert.ok(item.last_error && item.last_error.length > 0);
    const warn = await srv.waitForLog((e) => e.json?.msg === 'mail not sent; will retry' && e.json.to === to);
    assert.equal(warn.json.level, 'warn');
    assert.match(warn.json.retry_at, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
  });

  test('the server still stops promptly', async () => {
    const t0 = Date.now();
    assert.equal(await srv.stop(), 0);
    assert.ok(Date.now() - t0 < 5000, `stop took ${Date.now() - t0} ms`);
  });
});

describe('two senders on one database', { skip: !python && 'python3-aiosmtpd is not installed' }, () => {
  let sink;
  let a;
  let b;
  before(async () => {
    sink = await startSink();
    const env = { MANGU_SMTP_URL: sink.url, MANGU_RATE_LIMIT: 'off' };
    a = await startMangu({ env });
    // the second process shares the first one's database (SQLite file or PostgreSQL database)
    const shared = a.env.MANGU_DATABASE_URL ? { MANGU_DATABASE_URL: a.env.MANGU_DATABASE_URL } : {};
    b = await startMangu({ env: { ...env, ...shared }, dataDir: a.dataDir });
  });
  after(async () => {
    await b?.stop();
    await a?.stop();
    await sink?.stop();
  });

  test('each queued mail is delivered exactly once', async () => {
    const tag = Date.now();
    const tos = Array.from({ length: 12 }, (_, i) => `twice-${tag}-${i}@example.test`);
    const queued = await Promise.all(tos.map((to, i) => api((i % 2 ? a : b).url, '/api/_test/mail', {
      method: 'POST', json: { to, subject: `Once ${i}`, text: 'Hello\n' },
    })));
    for (const r of queued) assert.equal(r.status, 202, r.text);
    const all = await poll(() => tos.every((to) => sink.find(to)), { ms: 20000, every: 200 });
    assert.equal(all, true, `delivered ${sink.messages.length} of ${tos.length}`);
    await new Promise((r) => setTimeout(r, 2500)); // room for a duplicate to show up
    for (const to of tos) {
      assert.equal(sink.messages.filter((m) => m.headers.to === `<${to}>`).length, 1, to);
    }
  });
});

describe('outbox only (MANGU_SMTP_URL unset)', () => {
  let srv;
  before(async () => { srv = await startMangu({ env: { MANGU_RATE_LIMIT: 'off' } }); });
  after(() => srv?.stop());

  test('mail stays pending in the outbox and is logged as queued, without its body', async () => {
    await srv.waitForLog((e) => e.json?.msg?.startsWith('mail stays in the outbox'));
    const reader = await signup(srv);
    assert.equal(reader.status, 201, reader.text);
    const queued = await srv.waitForLog((e) => e.json?.msg === 'mail queued' && e.json.to === reader.email);
    assert.equal(queued.json.level, 'info');
    assert.equal(queued.json.kind, 'verify');
    assert.ok(queued.json.subject);
    assert.ok(!('body_text' in queued.json) && !queued.line.includes('token='));
    const admin = await createUser(srv, 'admin');
    const o = await api(srv.url, `/api/admin/outbox?to=${encodeURIComponent(reader.email)}`,
      { headers: bearer(admin.token) });
    assert.equal(o.status, 200, o.text);
    assert.equal(o.json.items.length, 1);
    assert.equal(o.json.items[0].status, 'pending');
    assert.equal(o.json.items[0].attempts, 0);
    assert.equal(o.json.items[0].sent_at, null);
  });
});
