// Publishing in the browser: a new author starts a book, drops an EPUB on the manuscript zone and
// picks a cover image, watching real upload progress (the network is throttled so the bars have
// time to move), sees the form filled from the EPUB (asked before the title they typed is
// replaced, and keeping it), saves, publishes, and finds the book in the catalog with its thumbnail. Screenshots
// at 1280 px and 360 px go to MANGU_E2E_OUT.
// Run: scripts/e2e.sh (from the repository root), or MANGU_URL=... node --test e2e/publishing.test.mjs
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import {
  apiClient,
  assertFits,
  baseUrl,
  launchBrowser,
  openPage,
  outDir,
  realProblems,
  visible,
} from './browser.mjs';

const WAIT_MS = 20_000;
const DESKTOP = { width: 1280, height: 900 };
const PHONE = { width: 360, height: 740 };
const here = fileURLToPath(new URL('.', import.meta.url));
const EPUB = resolve(
  process.env.MANGU_TESTDATA || resolve(here, '../../../shared/testdata'),
  'epub/epub3-alice-cover.epub',
);

const suffix = randomBytes(4).toString('hex');
const author = {
  email: `author-${suffix}@e2e.test`,
  name: 'Odile Fairweather',
  password: `copper kettle ${suffix} sings at dawn`,
};
const workingTitle = `Alice, working title ${suffix}`;

let browser;
let url;
let api;
let out;

before(async () => {
  url = baseUrl();
  api = apiClient(url);
  out = outDir();
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
});

async function shot(page, name) {
  await page.screenshot({ path: join(out, `${name}.png`), fullPage: true });
}

/**
 * Slows uploads to ~80 KB/s so the progress bars are seen moving: the 530 KB EPUB takes about
 * 7 s (at 160 KB/s a loaded machine once missed its 3 s window).
 */
async function throttleUploads(page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: 20,
    downloadThroughput: -1,
    uploadThroughput: 80 * 1024,
  });
  return cdp;
}

/** A 600x900 PNG cover drawn in the page's canvas. */
async function makeCover(page) {
  const base64 = await page.evaluate(async (title) => {
    const canvas = new OffscreenCanvas(600, 900);
    const g = canvas.getContext('2d');
    const sky = g.createLinearGradient(0, 0, 0, 900);
    sky.addColorStop(0, '#1d3b53');
    sky.addColorStop(1, '#c8553d');
    g.fillStyle = sky;
    g.fillRect(0, 0, 600, 900);
    g.fillStyle = '#f6e7c8';
    g.beginPath();
    g.arc(300, 360, 150, 0, Math.PI * 2);
    g.fill();
    g.font = 'bold 54px serif';
    g.textAlign = 'center';
    g.fillText(title, 300, 700);
    g.font = '30px serif';
    g.fillText('LEWIS CARROLL', 300, 770);
    const blob = await canvas.convertToBlob({ type: 'image/png' });
    const bytes = new Uint8Array(await blob.arrayBuffer());
    let binary = '';
    for (const b of bytes) binary += String.fromCharCode(b);
    return btoa(binary);
  }, 'ALICE');
  return Buffer.from(base64, 'base64');
}

/** Drops a file on an element the way a browser drag-and-drop does. */
async function dropFile(page, selector, { name, mimeType, buffer }) {
  const dataTransfer = await page.evaluateHandle(
    ({ name, mimeType, base64 }) => {
      const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
      const transfer = new DataTransfer();
      transfer.items.add(new File([bytes], name, { type: mimeType }));
      return transfer;
    },
    { name, mimeType, base64: buffer.toString('base64') },
  );
  await page.dispatchEvent(selector, 'dragover', { dataTransfer });
  await page.dispatchEvent(selector, 'drop', { dataTransfer });
}

/** Waits until the named progress bar shows a value strictly between 0 and 100. */
async function seeProgressMoving(page, label) {
  const bar = page.getByRole('progressbar', { name: label });
  await visible(bar);
  await page.waitForFunction(
    (name) => {
      const el = document.querySelector(`[role="progressbar"][aria-label="${name}"]`);
      const v = Number(el?.getAttribute('aria-valuenow'));
      return v > 0 && v < 100;
    },
    label,
    { timeout: WAIT_MS },
  );
  return bar;
}

test('an author publishes an EPUB with a cover and finds it in the catalog', async () => {
  // The author's account and author profile, through the API.
  const signup = await api('/auth/signup', {
    method: 'POST',
    body: { email: author.email, password: author.password, display_name: author.name },
  });
  assert.equal(signup.status, 201, `sign-up: ${JSON.stringify(signup.body)}`);
  const profile = await api('/users/me/author', {
    method: 'POST',
    token: signup.body.access_token,
    body: { name: author.name },
  });
  assert.equal(profile.status, 201, `author profile: ${JSON.stringify(profile.body)}`);

  const { context, page, problems } = await openPage(browser, { viewport: DESKTOP });
  // Where the browser sends the bytes: this server on disk storage, the bucket on S3.
  const uploads = [];
  page.on('requestfinished', async (request) => {
    if (request.method() === 'PUT')
      uploads.push({
        origin: new URL(request.url()).origin,
        status: (await request.response())?.status(),
      });
  });
  try {
    await page.goto(`${url}/sign-in?redirect=/publish`);
    await page.getByLabel('Email').fill(author.email);
    await page.getByLabel('Password', { exact: true }).fill(author.password);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();

    // Your books: empty, with the header's Publish link.
    await visible(page.getByRole('heading', { level: 1, name: 'Your books' }));
    await visible(page.getByText('Your shelf is empty'));
    assert.ok(await page.getByTestId('publish-link').isVisible());
    await shot(page, 'publish-empty-desktop');
    await page.getByRole('link', { name: 'New book', exact: true }).click();
    await visible(page.getByRole('heading', { level: 1, name: 'New book' }));

    // The author types a working title and a price before any file.
    await page.getByLabel('Title', { exact: true }).fill(workingTitle);
    await page.getByLabel('Price').fill('3.99');

    // Drop the EPUB: the draft is created, the bytes go up with a moving bar, the server checks.
    const cdp = await throttleUploads(page);
    const epub = await readFile(EPUB);
    await dropFile(page, '[data-testid="manuscript-drop-zone"]', {
      name: 'epub3-alice-cover.epub',
      mimeType: 'application/epub+zip',
      buffer: epub,
    });
    await seeProgressMoving(page, 'Manuscript upload');
    await page
      .getByTestId('manuscript-card')
      .screenshot({ path: join(out, 'publish-upload-progress.png') });
    assert.match(page.url(), /\/publish\/books\/\d+$/, 'the URL names the new draft');

    // The EPUB's title differs from the one typed: the author is asked first.
    const dialog = await visible(
      page.getByRole('dialog', { name: 'Use the details from your manuscript?' }),
    );
    const dialogText = await dialog.textContent();
    assert.match(dialogText, new RegExp(workingTitle));
    assert.match(dialogText, /Alice's Adventures in Wonderland/);
    await shot(page, 'publish-prefill-ask');
    // The author keeps their own title (which also keeps this book apart from the demo
    // catalog's Alice, which other browser tests search for).
    await dialog.getByRole('checkbox', { name: /^Title/ }).uncheck();
    await dialog.getByRole('button', { name: 'Keep mine' }).click();
    await page.getByRole('dialog').waitFor({ state: 'hidden', timeout: WAIT_MS });

    // Prefilled from the EPUB without asking: language, format and the Fantasy category.
    assert.equal(await page.locator('input[name="title"]').inputValue(), workingTitle);
    assert.equal(await page.locator('select[name="language"]').inputValue(), 'en-US');
    assert.ok(await page.getByRole('radio', { name: 'EPUB' }).isChecked());
    assert.ok(await page.getByRole('checkbox', { name: /^Fantasy/ }).isChecked());
    assert.equal(await page.getByLabel('Price').inputValue(), '3.99', 'the typed price stays');
    await visible(page.getByText('Manuscript checked.', { exact: false }));

    // The cover, chosen with the file picker, with its own progress and a preview.
    const cover = await makeCover(page);
    await page
      .getByLabel('Cover file')
      .setInputFiles({ name: 'alice-cover.png', mimeType: 'image/png', buffer: cover });
    await seeProgressMoving(page, 'Cover upload').catch(() => undefined); // a small file may finish first
    await page.waitForFunction(
      () =>
        document
          .querySelector('[data-testid="cover-preview"] img')
          ?.getAttribute('src')
          ?.startsWith('/static/'),
      null,
      { timeout: WAIT_MS },
    );
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: 0,
      downloadThroughput: -1,
      uploadThroughput: -1,
    });

    // Save, then publish.
    await page.getByRole('button', { name: 'Save draft' }).click();
    await visible(page.getByText('Draft saved.'));
    assert.equal(await page.getByTestId('save-state').textContent(), 'Saved · draft');
    await page.getByRole('button', { name: 'Publish', exact: true }).click();
    await visible(page.getByText('Published. Readers can find and buy the book now.'));
    assert.equal(await page.getByTestId('book-status').textContent(), 'Published');

    // The version list has both files.
    const versions = await visible(page.getByTestId('file-versions'));
    await page.waitForFunction(
      () => document.querySelectorAll('[data-testid="file-versions"] li').length >= 2,
      null,
      { timeout: WAIT_MS },
    );
    const versionText = await versions.textContent();
    assert.match(versionText, /Manuscript v1/);
    assert.match(versionText, /Cover v1/);
    await shot(page, 'publish-editor-desktop');

    // Your books lists it as published.
    await page.getByRole('link', { name: '← Your books' }).click();
    const row = await visible(page.getByTestId('my-book-row').filter({ hasText: workingTitle }));
    assert.match(await row.textContent(), /Published/);
    await shot(page, 'publish-my-books-desktop');

    // The catalog: newest first, with the uploaded thumbnail.
    await page.goto(`${url}/books?sort=newest`);
    const card = await visible(
      page.getByTestId('book-card').filter({ hasText: workingTitle }).first(),
    );
    const img = card.locator('img');
    await img.scrollIntoViewIfNeeded();
    await page.waitForFunction(
      (el) => el.complete && el.naturalWidth > 0,
      await img.elementHandle(),
      { timeout: WAIT_MS },
    );
    assert.match(await img.getAttribute('src'), /^\/static\//, 'the card shows the uploaded cover');
    await card.getByRole('link').click();
    await visible(page.getByRole('heading', { level: 1, name: workingTitle }));
    await visible(page.getByRole('button', { name: 'Add to cart' }));
    await shot(page, 'publish-book-page-desktop');

    assert.deepEqual(realProblems(problems), []);
    const storage = process.env.MANGU_E2E_BACKEND === 'scaled' ? 'not this server' : url;
    assert.ok(uploads.length >= 2, `manuscript and cover PUTs: ${JSON.stringify(uploads)}`);
    for (const u of uploads) {
      assert.ok(u.status >= 200 && u.status < 300, JSON.stringify(u));
      if (storage === url) assert.equal(u.origin, url);
      else assert.notEqual(u.origin, url, 'uploads go straight to S3');
    }
  } finally {
    await context.close();
  }

  // The same pages on a phone.
  const phone = await openPage(browser, { viewport: PHONE, isMobile: true, hasTouch: true });
  try {
    const { page } = phone;
    await page.goto(`${url}/sign-in?redirect=/publish`);
    await page.getByLabel('Email').fill(author.email);
    await page.getByLabel('Password', { exact: true }).fill(author.password);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await visible(page.getByTestId('my-book-row').first());
    await assertFits(page);
    await shot(page, 'publish-my-books-phone');
    await page
      .getByRole('link', { name: /^Edit / })
      .first()
      .click();
    await visible(page.getByTestId('stats-chart'));
    await assertFits(page);
    await shot(page, 'publish-editor-phone');
    await page.goto(`${url}/publish/books/new`);
    await visible(page.getByRole('heading', { level: 1, name: 'New book' }));
    await assertFits(page);
    await shot(page, 'publish-new-phone');
    assert.deepEqual(realProblems(phone.problems), []);
  } finally {
    await phone.context.close();
  }
});
