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
