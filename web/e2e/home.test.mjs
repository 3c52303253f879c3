// The status page shows the server's health; unknown paths show the client's 404.
// (The storefront itself, home page included, is e2e/storefront.test.mjs.)
// Run: MANGU_URL=http://127.0.0.1:8080 node --test e2e/*.test.mjs (from web/)
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { baseUrl, launchBrowser, openPage, outDir } from './browser.mjs';

const WAIT_MS = 15_000;
let browser;
let url;
let out;

before(async () => {
  url = baseUrl();
  out = outDir();
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
});

function healthStatus(page, word) {
  return page.locator('[data-testid=health-status]', { hasText: new RegExp(`^${word}$`) });
}

test('status page shows the server is ok', async () => {
  const { context, page, problems } = await openPage(browser, {
    viewport: { width: 1280, height: 800 },
  });
  try {
    await page.goto(`${url}/status`);
    await healthStatus(page, 'ok').waitFor({ timeout: WAIT_MS });
    assert.equal(await page.title(), 'Status · MANGU Publishing');
    assert.equal(await page.locator('html').getAttribute('data-theme'), 'dark');
    await assertVisible(page.getByRole('combobox', { name: 'Search books and authors' }));
    await assertVisible(page.getByRole('link', { name: 'MANGU Publishing, home' }));
    await page.screenshot({ path: join(out, 'status.png'), fullPage: true });
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});

test('status page fits a 360px phone in the light theme', async () => {
  const { context, page, problems } = await openPage(browser, {
    viewport: { width: 360, height: 740 },
    colorScheme: 'light',
  });
  try {
    // dark is the default look; a stored choice selects the light theme
    await context.addInitScript(() => localStorage.setItem('mangu-theme', 'light'));
    await page.goto(`${url}/status`);
    await healthStatus(page, 'ok').waitFor({ timeout: WAIT_MS });
    assert.equal(await page.locator('html').getAttribute('data-theme'), 'light');
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - window.innerWidth,
    );
    assert.ok(overflow <= 0, `page is ${overflow}px wider than the viewport`);
    await page.screenshot({ path: join(out, 'status-360-light.png'), fullPage: true });
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});

test('theme toggle switches themes and remembers the choice', async () => {
  const { context, page } = await openPage(browser);
  try {
    await page.goto(`${url}/status`);
    await healthStatus(page, 'ok').waitFor({ timeout: WAIT_MS });
    await page.getByRole('button', { name: 'Switch to light theme' }).click();
    assert.equal(await page.locator('html').getAttribute('data-theme'), 'light');
    await page.reload();
    assert.equal(await page.locator('html').getAttribute('data-theme'), 'light');
    await assertVisible(page.getByRole('button', { name: 'Switch to dark theme' }));
  } finally {
    await context.close();
  }
});

test('unknown client route shows the 404 page and links home', async () => {
  const { context, page, problems } = await openPage(browser);
  try {
    await page.goto(`${url}/some/unknown/page`);
    const notFound = page.locator('[data-testid=not-found]');
    await notFound.waitFor({ timeout: WAIT_MS });
    await assertVisible(page.getByRole('heading', { level: 1, name: 'Page not found' }));
    assert.match(await notFound.innerText(), /\/some\/unknown\/page/);
    assert.equal(await page.title(), 'Page not found · MANGU Publishing');
    await page.screenshot({ path: join(out, 'not-found.png'), fullPage: true });

    await page.getByRole('link', { name: 'Back to the home page' }).click();
    await page.locator('[data-testid=featured-hero]').waitFor({ timeout: WAIT_MS });
    assert.equal(new URL(page.url()).pathname, '/');
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});

async function assertVisible(locator) {
  await locator.waitFor({ state: 'visible', timeout: WAIT_MS });
}
