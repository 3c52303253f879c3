// Shared set-up for the browser tests: Debian's Chromium driven by playwright-core.
// MANGU_URL is the running server (required); screenshots go to MANGU_E2E_OUT.
import { mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const here = dirname(fileURLToPath(import.meta.url));

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export function baseUrl() {
  const url = process.env.MANGU_URL;
  if (!url)
    throw new Error('set MANGU_URL to the running server, e.g. MANGU_URL=http://127.0.0.1:8080');
  return url.replace(/\/+$/, '');
}

export function outDir() {
  const dir = resolve(process.env.MANGU_E2E_OUT || join(here, 'out'));
  mkdirSync(dir, { recursive: true });
  return dir;
}

export function launchBrowser() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
  });
}

/**
 * Opens a page in a fresh context and records page errors and console errors,
 * so a test can assert the page ran cleanly.
 */
export async function openPage(browser, contextOptions = {}) {
  const context = await browser.newContext({ colorScheme: 'dark', ...contextOptions });
  const page = await context.newPage();
  const problems = [];

  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  return { context, page, problems };
}

/** A JSON client of the API of the server at "url": answers { status, body }. */
export function apiClient(url) {
  return async function api(path, { method = 'GET', body, token } = {}) {
    const response = await fetch(`${url}/api${path}`, {
      method,
      headers: {
        Accept: 'application/json',
        ...(body ? { 'Content-Type': 'application/json' } : {}),
        ...(token ? { Authorization: `Bearer ${token}` } : {}),
      },
      body: body ? JSON.stringify(body) : undefined,
    });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : undefined };
  };
}

/** Waits until "locator" is visible and returns it. */
export async function visible(locator, timeout = 20_000) {
  await locator.waitFor({ state: 'visible', timeout });
  return locator;
}

/** Chrome logs every failed fetch; a 401/4xx the page expects is not a problem. */
export function realProblems(problems) {
  return problems.filter((line) => !/status of 4\d\d/.test(line));
}

/** Fails when the page is wider than its viewport (a horizontal scroll bar on a phone). */
export async function assertFits(page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - innerWidth);
  if (overflow > 0) throw new Error(`page is ${overflow}px wider than the viewport`);
}
