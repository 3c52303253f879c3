// Library and reading in the browser. An author (signed up through the API) publishes two free
// books, an EPUB and a PDF from /work/shared/testdata (demo books have no readable files yet);
// a reader claims the EPUB from its page, opens it from the library, turns pages, reloads and
// lands on the same page; a second browser context on the same account resumes there and is
// offered the first one's newer position; bookmarks and highlights survive a reload and export
// as Markdown; the PDF opens and resumes the same way; a review changes the book's rating; the
// wishlist adds and removes. Screenshots (desktop and 360 px) go to MANGU_E2E_OUT.
// Run: scripts/e2e.sh (from the repository root).
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, test } from 'node:test';
import { baseUrl, launchBrowser, openPage, outDir } from './browser.mjs';

const WAIT_MS = 20_000;
const here = dirname(fileURLToPath(import.meta.url));
const TESTDATA = process.env.MANGU_TESTDATA || resolve(here, '../../../shared/testdata');
const EPUB = join(TESTDATA, 'epub/epub3-alice-cover.epub');
const PDF = join(TESTDATA, 'pdf/linearized-2pages.pdf');

const suffix = randomBytes(4).toString('hex');
const author = {
  email: `author-${suffix}@e2e.test`,
  password: `copper lantern ${suffix} writes at dawn`,
  name: 'Opal Whitford',
};
const reader = {
  email: `reader-${suffix}@e2e.test`,
  password: `quiet meadow ${suffix} turns pages`,
  name: 'Rowan Ellery',
};

let browser;
let url;
let out;
let epubBook;
let pdfBook;
let readerToken;

// --- helpers -------------------------------------------------------------------

async function api(path, { method = 'GET', body, token, raw, headers = {} } = {}) {
  // raw: an upload target, a path on disk storage (same origin) or a presigned S3 URL
  const response = await fetch(raw ? new URL(path, url) : `${url}/api${path}`, {
    method,
    headers: {
      Accept: 'application/json',
      ...(body && !raw ? { 'Content-Type': 'application/json' } : {}),
      ...(token ? { Authorization: `Bearer ${token}` } : {}),
      ...headers,
    },
    body: body && !raw ? JSON.stringify(body) : body,
  });
  const text = await response.text();
  let json;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = text;
  }
  return { status: response.status, body: json };
}

function expectStatus(result, status, what) {
  assert.equal(result.status, status, `${what}: ${JSON.stringify(result.body)}`);
  return result.body;
}

async function signUp(person) {
  const body = { email: person.email, password: person.password, display_name: person.name };
  return expectStatus(await api('/auth/signup', { method: 'POST', body }), 201, 'sign-up')
    .access_token;
}

async function logIn(person) {
  const body = { email: person.email, password: person.password };
  return expectStatus(await api('/auth/login', { method: 'POST', body }), 200, 'login')
    .access_token;
}

/** Creates a free book as the author, uploads its manuscript and publishes it. */
async function publishFreeBook(token, { title, format, file, contentType }) {
  const book = expectStatus(
    await api('/books', {
      method: 'POST',
      token,
      body: { title, language: 'en', price_cents: 0, currency: 'USD', format },
    }),
    201,
    'create book',
  );
  const bytes = await readFile(file);
  const target = expectStatus(
    await api(`/books/${book.id}/files`, {
      method: 'POST',
      token,
      body: { kind: 'manuscript', content_type: contentType, size: bytes.length, file_name: 'm' },
    }),
    201,
    'upload target',
  );
  expectStatus(
    await api(target.upload.url, {
      method: 'PUT',
      raw: true,
      body: bytes,
      headers: target.upload.headers,
    }),
    200,
    'upload',
  );
  expectStatus(
    await api(`/books/${book.id}/files/${target.file.id}/complete`, { method: 'POST', token }),
    200,
    'complete upload',
  );
  expectStatus(await api(`/books/${book.id}/publish`, { method: 'POST', token }), 200, 'publish');
  return book;
}

/** Puts a free book in the reader's library (201, or 200 when it is there already). */
async function claim(bookId) {
  const result = await api(`/library/${bookId}`, { method: 'POST', token: readerToken });
  assert.ok([200, 201].includes(result.status), `claim ${bookId}: ${JSON.stringify(result.body)}`);
}

async function shot(page, name) {
  await page.screenshot({ path: join(out, `reading-${name}.png`) });
}

async function signIn(page, person) {
  await page.goto(`${url}/sign-in`);
  await page.getByLabel('Email').fill(person.email);
  await page.getByLabel('Password', { exact: true }).fill(person.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((u) => !u.pathname.startsWith('/sign-in'), { timeout: WAIT_MS });
}

async function newReaderPage(contextOptions = {}) {
  const opened = await openPage(browser, {
    viewport: { width: 1280, height: 800 },
    ...contextOptions,
  });
  if (process.env.MANGU_E2E_DEBUG) {
    opened.page.on('pageerror', (e) => console.error('PAGEERROR', e.message, e.stack));
    opened.page.on('console', (m) => console.error('CONSOLE', m.type(), m.text().slice(0, 300)));
  }
  await signIn(opened.page, reader);
  return opened;
}

const readerRoot = (page) => page.getByTestId('reader');

async function position(page) {
  return (await readerRoot(page).getAttribute('data-position')) ?? '';
}

/** Waits until the reader shows a position (optionally a given one, or one other than `not`). */
async function waitForPosition(page, { equals, not, prefix = '' } = {}) {
  await waitForReaderPosition(page, { equals, not, prefix }).catch(async (error) => {
    await page.screenshot({ path: join(out, `reading-failed-${Date.now()}.png`) }).catch(() => {});
    throw new Error(
      `reader position ${JSON.stringify(await position(page).catch(() => null))}, wanted ${JSON.stringify({ equals, not, prefix })}: ${error.message}`,
    );
  });
  return position(page);
}

function waitForReaderPosition(page, { equals, not, prefix }) {
  return page.waitForFunction(
    ({ equals, not, prefix }) => {
      const value = document.querySelector('[data-testid="reader"]')?.getAttribute('data-position');
      if (!value || !value.startsWith(prefix)) return false;
      if (equals !== undefined) return value === equals;
      if (not !== undefined) return value !== not;
      return true;
    },
    { equals, not, prefix },
    { timeout: WAIT_MS },
  );
}

async function turnPage(page, key = 'ArrowRight') {
  const before = await position(page);
  await page.keyboard.press(key);
  return waitForPosition(page, { not: before });
}

/** Waits for the server to hold `expected` as the book's position (saves go out within 5 s). */
async function waitForServerPosition(bookId, expected) {
  const deadline = Date.now() + WAIT_MS;
  let last;
  while (Date.now() < deadline) {
    last = expectStatus(
      await api(`/library/${bookId}/progress`, { token: readerToken }),
      200,
      'progress',
    );
    if (last.position === expected) return last;
    await new Promise((r) => setTimeout(r, 250));
  }
  assert.fail(`server position stayed ${JSON.stringify(last)}, expected ${expected}`);
}

/** Polls `check` until it answers true (the UI updates before the server has answered). */
async function eventually(check, what) {
  const deadline = Date.now() + WAIT_MS;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  assert.fail(`timed out waiting: ${what}`);
}

function cspProblems(problems) {
  return problems.filter((p) => /Content Security Policy|pageerror/i.test(p));
}

/** The book's frame (epub.js renders each section into an about:srcdoc iframe). */
function bookFrame(page) {
  const frame = page.frames().find((f) => f !== page.mainFrame() && f.url() === 'about:srcdoc');
  assert.ok(frame, 'the EPUB frame is there');
  return frame;
}

// --- set-up --------------------------------------------------------------------

before(async () => {
  url = baseUrl();
  out = outDir();
  browser = await launchBrowser();

  let authorToken = await signUp(author);
  expectStatus(
    await api('/users/me/author', {
      method: 'POST',
      token: authorToken,
      body: { name: author.name },
    }),
    201,
    'become author',
  );
  authorToken = await logIn(author); // a token that says "author"
  epubBook = await publishFreeBook(authorToken, {
    title: `Alice in the Browser ${suffix}`,
    format: 'epub',
    file: EPUB,
    contentType: 'application/epub+zip',
  });
  pdfBook = await publishFreeBook(authorToken, {
    title: `Two Page Proof ${suffix}`,
    format: 'pdf',
    file: PDF,
    contentType: 'application/pdf',
  });
  readerToken = await signUp(reader);
});

after(async () => {
  await browser?.close();
});

// --- tests ---------------------------------------------------------------------

test('a free demo book can be claimed, and read when the seed gave it a file', async (t) => {
  const free = expectStatus(await api('/books?free=true&limit=20'), 200, 'free books');
  const demo = free.items.find((b) => b.is_free && !b.authors.some((a) => a.name === author.name));
  assert.ok(demo, 'the demo seed has free books');
  await claim(demo.id);
  const content = await fetch(`${url}/api/library/${demo.id}/content`, {
    headers: { Authorization: `Bearer ${readerToken}`, Range: 'bytes=0-3' },
  });
  if (content.status === 404) {
    t.skip('demo books have no readable manuscript yet (the seed will generate EPUBs)');
    return;
  }
  assert.ok([200, 206].includes(content.status), `content answered ${content.status}`);

  const { context, page, problems } = await newReaderPage();
  try {
    await page.goto(`${url}/read/${demo.id}`);
    await waitForPosition(page);
    await turnPage(page);
    await shot(page, 'demo-book');
    assert.deepEqual(cspProblems(problems), []);
  } finally {
    await context.close();
  }
});

test('claim an EPUB, open it from the library, turn pages, reload and land on the same page; a second device resumes there and is offered newer positions', async () => {
  const first = await newReaderPage();
  const { page } = first;
  try {
    // Claim it from its page: "Add to library" opens the reader.
    await page.goto(`${url}/books/${epubBook.slug}`);
    await page.getByRole('button', { name: 'Add to library' }).click();
    await page.waitForURL(`**/read/${epubBook.id}`, { timeout: WAIT_MS });
    await waitForPosition(page, { prefix: 'epubcfi(' });

    // The library lists it; the cover opens the reader.
    await page.goto(`${url}/library`);
    const card = page.getByTestId('library-card').filter({ hasText: epubBook.title });
    await card.waitFor({ timeout: WAIT_MS });
    await shot(page, 'library');
    await card.getByRole('link', { name: `Start reading ${epubBook.title}` }).click();
    const opened = await waitForPosition(page, { prefix: 'epubcfi(' });
    assert.match(await page.title(), /Reading/);

    // Turn pages with the keyboard and the footer button.
    await turnPage(page);
    await turnPage(page);
    await turnPage(page, 'PageDown');
    const before = await position(page);
    await page.getByTestId('reader-next').click();
    const here = await waitForPosition(page, { not: before });
    assert.notEqual(here, opened);
    await shot(page, 'epub-desktop');
    const label = await page.getByTestId('reader-percent').textContent();
    assert.match(label ?? '', /\d+%/);

    // The position reaches the server within a few seconds; a reload lands on the same page.
    await waitForServerPosition(epubBook.id, here);
    await page.reload();
    assert.equal(await waitForPosition(page, { equals: here }), here);

    // A second browser (same account) resumes at that position…
    const second = await newReaderPage();
    try {
      await second.page.goto(`${url}/read/${epubBook.id}`);
      assert.equal(await waitForPosition(second.page, { equals: here }), here);
      // …and reads on.
      await turnPage(second.page);
      const further = await turnPage(second.page);
      await waitForServerPosition(epubBook.id, further);

      // The first browser, coming back to the tab, is offered the newer position.
      await page.evaluate(() => document.dispatchEvent(new Event('visibilitychange')));
      const offer = page.getByTestId('resume-offer');
      await offer.waitFor({ timeout: WAIT_MS });
      assert.match((await offer.textContent()) ?? '', /Continue where you left off/);
      await shot(page, 'resume-offer');
      await offer.getByRole('button', { name: 'Go there' }).click();
      assert.equal(await waitForPosition(page, { equals: further }), further);
      await offer.waitFor({ state: 'detached', timeout: WAIT_MS });
      assert.deepEqual(cspProblems(second.problems), []);
    } finally {
      await second.context.close();
    }
    assert.deepEqual(cspProblems(first.problems), []);
  } finally {
    await first.context.close();
  }
});

test('bookmarks and highlights with notes survive a reload and export as Markdown', async () => {
  await claim(epubBook.id);
  const { context, page, problems } = await newReaderPage({ acceptDownloads: true });
  try {
    await page.goto(`${url}/read/${epubBook.id}`);
    await waitForPosition(page, { prefix: 'epubcfi(' });

    await page.getByRole('button', { name: 'Bookmark this page' }).click();
    await page.getByRole('button', { name: 'Remove bookmark' }).waitFor({ timeout: WAIT_MS });

    // Select the start of a paragraph on the visible page.
    const view = await page.evaluate(() => {
      const c = document.querySelector('.epub-container');
      return { left: c?.scrollLeft ?? 0, width: c?.clientWidth ?? 0 };
    });
    const chosen = await bookFrame(page).evaluate(({ left, width }) => {
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const text = node.textContent ?? '';
        if (text.trim().length < 60) continue;
        const range = document.createRange();
        const start = text.search(/\S/);
        range.setStart(node, start);
        range.setEnd(node, start + 40);
        const rect = range.getBoundingClientRect();
        if (rect.width === 0 || rect.left < left || rect.right > left + width) continue;
        const selection = document.getSelection();
        selection.removeAllRanges();
        selection.addRange(range);
        return range.toString();
      }
      return null;
    }, view);
    assert.ok(chosen, 'found text to select on the page');

    const bar = page.getByTestId('selection-bar');
    await bar.waitFor({ timeout: WAIT_MS });
    await bar.getByRole('radio', { name: 'green' }).click();
    await bar.getByRole('button', { name: 'Add note' }).click();
    await bar.getByLabel('Note').fill('Remember this line');
    await bar.getByRole('button', { name: 'Highlight' }).click();
    await bar.waitFor({ state: 'detached', timeout: WAIT_MS });
    await page.locator('.mangu-highlight').first().waitFor({ state: 'attached', timeout: WAIT_MS });
    await shot(page, 'highlight');

    await page.reload();
    await waitForPosition(page, { prefix: 'epubcfi(' });
    await page.getByRole('button', { name: 'Notes and bookmarks' }).click();
    const panel = page.getByTestId('reader-panel');
    await panel.getByTestId('annotation-highlight').waitFor({ timeout: WAIT_MS });
    assert.equal(await panel.getByTestId('annotation-bookmark').count(), 1);
    const highlight = panel.getByTestId('annotation-highlight');
    assert.match((await highlight.textContent()) ?? '', /Remember this line/);
    assert.ok(
      ((await highlight.textContent()) ?? '').includes(chosen.trim().slice(0, 20)),
      'the highlight keeps its text',
    );
    await page.locator('.mangu-highlight').first().waitFor({ state: 'attached', timeout: WAIT_MS });
    await shot(page, 'notes-panel');

    const [download] = await Promise.all([
      page.waitForEvent('download', { timeout: WAIT_MS }),
      panel.getByRole('button', { name: 'Export Markdown' }).click(),
    ]);
    const markdown = await readFile(await download.path(), 'utf8');
    assert.match(markdown, /Remember this line/);
    assert.match(download.suggestedFilename(), /\.md$/);

    // Deleting a bookmark from the list.
    await panel.getByRole('button', { name: 'Delete bookmark' }).click();
    await panel.getByTestId('annotation-bookmark').waitFor({ state: 'detached', timeout: WAIT_MS });
    assert.deepEqual(cspProblems(problems), []);
  } finally {
    await context.close();
  }
});

test('a PDF opens from the library, turns pages and resumes after a reload', async () => {
  await claim(pdfBook.id);
  const { context, page, problems } = await newReaderPage();
  try {
    await page.goto(`${url}/library?sort=title`);
    const card = page.getByTestId('library-card').filter({ hasText: pdfBook.title });
    await card.getByRole('link', { name: `Start reading ${pdfBook.title}` }).click();
    assert.equal(await waitForPosition(page, { prefix: 'page:' }), 'page:1');
    await page.locator('[data-testid="reader-page"] canvas').first().waitFor({ timeout: WAIT_MS });
    assert.equal(await turnPage(page), 'page:2');
    await shot(page, 'pdf-desktop');
    await waitForServerPosition(pdfBook.id, 'page:2');
    await page.reload();
    assert.equal(await waitForPosition(page, { equals: 'page:2' }), 'page:2');
    assert.match((await page.getByTestId('reader-percent').textContent()) ?? '', /100%/);
    assert.deepEqual(cspProblems(problems), []);
  } finally {
    await context.close();
  }
});

test('settings are remembered, and the reader works on a phone with swipes', async () => {
  await claim(epubBook.id);
  const { context, page, problems } = await openPage(browser, {
    viewport: { width: 360, height: 740 },
    isMobile: true,
    hasTouch: true,
    deviceScaleFactor: 2,
  });
  try {
    await signIn(page, reader);
    await page.goto(`${url}/read/${epubBook.id}`);
    await waitForPosition(page, { prefix: 'epubcfi(' });

    await page.getByRole('button', { name: 'Reading settings' }).click();
    await page.getByRole('radio', { name: 'Sepia' }).check({ force: true });
    await page.getByRole('button', { name: 'Larger text' }).click();
    assert.equal(await page.getByTestId('font-size').textContent(), '110%');
    await shot(page, 'settings-phone');
    await page.getByRole('button', { name: 'Close reading settings' }).click();

    // A swipe to the left turns the page.
    const before = await position(page);
    await bookFrame(page).evaluate(() => {
      const touch = (x) =>
        new Touch({
          identifier: 1,
          target: document.body,
          clientX: x,
          clientY: 300,
          screenX: x,
          screenY: 300,
        });
      const fire = (type, x) =>
        document.dispatchEvent(
          new TouchEvent(type, {
            bubbles: true,
            touches: type === 'touchend' ? [] : [touch(x)],
            changedTouches: [touch(x)],
          }),
        );
      fire('touchstart', 300);
      fire('touchend', 120);
    });
    await waitForPosition(page, { not: before });
    await shot(page, 'epub-phone');

    await page.reload();
    await waitForPosition(page, { prefix: 'epubcfi(' });
    assert.equal(await readerRoot(page).getAttribute('data-reader-theme'), 'sepia');
    const box = await readerRoot(page).boundingBox();
    assert.ok(box && box.width <= 360, 'the reader fits the phone');
    assert.deepEqual(cspProblems(problems), []);
  } finally {
    await context.close();
  }
});

test('an owner reviews the book and its rating changes; the wishlist adds and removes', async () => {
  await claim(epubBook.id);
  const { context, page, problems } = await newReaderPage();
  try {
    await page.goto(`${url}/books/${epubBook.slug}`);
    const reviews = page.getByTestId('book-reviews');
    await reviews.waitFor({ timeout: WAIT_MS });
    assert.match(
      (await reviews.getByTestId('reviews-summary').textContent()) ?? '',
      /No ratings yet/,
    );

    const form = page.getByTestId('review-form');
    await form.getByRole('button', { name: 'Post review' }).click();
    await form.getByText('Choose a rating from 1 to 5 stars.').waitFor({ timeout: WAIT_MS });
    await form.getByTitle('4 stars').click();
    await form.getByLabel('Title').fill('Curiouser and curiouser');
    await form.getByLabel('Your review').fill('Read it in the browser, picked it up on my phone.');
    await form.getByRole('button', { name: 'Post review' }).click();

    await form.waitFor({ state: 'detached', timeout: WAIT_MS });
    await reviews
      .getByTestId('review')
      .filter({ hasText: 'Curiouser and curiouser' })
      .waitFor({ timeout: WAIT_MS });
    await page.waitForFunction(
      () =>
        /4\.0/.test(document.querySelector('[data-testid="reviews-summary"]')?.textContent ?? ''),
      null,
      { timeout: WAIT_MS },
    );
    const book = expectStatus(await api(`/books/${epubBook.id}`), 200, 'book');
    assert.equal(book.rating_count, 1);
    assert.equal(book.rating_avg, 4);
    await page.evaluate(() => {
      document.querySelector('[data-testid="book-reviews"]')?.scrollIntoView({ block: 'start' });
      window.scrollBy(0, -100);
    });
    await shot(page, 'review');

    // Wishlist: the heart on the book page, then the wishlist page.
    await page.evaluate(() => window.scrollTo(0, 0));
    const heart = page.getByTestId('wishlist-toggle');
    await heart.click();
    await page.getByRole('button', { name: 'Remove from wishlist' }).waitFor({ timeout: WAIT_MS });
    await page.goto(`${url}/wishlist`);
    const item = page.getByTestId('wishlist-card').filter({ hasText: epubBook.title });
    await item.waitFor({ timeout: WAIT_MS });
    await shot(page, 'wishlist');
    await item.getByRole('button', { name: `Remove ${epubBook.title} from your wishlist` }).click();
    await item.waitFor({ state: 'detached', timeout: WAIT_MS });
    await eventually(async () => {
      const list = expectStatus(await api('/wishlist', { token: readerToken }), 200, 'wishlist');
      return !list.items.some((b) => b.id === epubBook.id);
    }, 'the book leaves the wishlist on the server');

    // The home page's "Continue reading" row lists the book being read.
    await page.goto(`${url}/`);
    await page
      .getByTestId('shelf-continue')
      .getByText(epubBook.title)
      .first()
      .waitFor({ timeout: WAIT_MS });
    assert.deepEqual(cspProblems(problems), []);
  } finally {
    await context.close();
  }
});
