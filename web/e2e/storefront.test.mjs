// The storefront against the demo catalog (`mangu seed --demo`): home → search with the
// typeahead → book page → author page → category page, the browse filters in the URL, and the
// look on a 360px phone and in the light theme. A screenshot of each page goes to MANGU_E2E_OUT.
// Run: MANGU_URL=http://127.0.0.1:8080 node --test e2e/storefront.test.mjs (from web/)
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { baseUrl, launchBrowser, openPage, outDir } from './browser.mjs';

const WAIT_MS = 15_000;
const DESKTOP = { width: 1280, height: 860 };
const PHONE = { width: 360, height: 740 };
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

async function visible(locator) {
  await locator.waitFor({ state: 'visible', timeout: WAIT_MS });
  return locator;
}

/** Scrolls the page through so lazy covers load, then takes a full-page screenshot. */
async function snapshot(page, name, { fullPage = true } = {}) {
  if (fullPage) {
    await page.evaluate(async () => {
      for (let y = 0; y < document.body.scrollHeight; y += 600) {
        window.scrollTo(0, y);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      window.scrollTo(0, 0);
    });
    await page
      .waitForFunction(() => [...document.images].every((img) => img.complete), null, {
        timeout: 5_000,
      })
      .catch(() => undefined);
  }
  await page.screenshot({ path: join(out, `${name}.png`), fullPage });
}

async function assertFits(page) {
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - window.innerWidth,
  );
  assert.ok(overflow <= 0, `page is ${overflow}px wider than the viewport`);
}

function combobox(page) {
  return page.getByRole('combobox', { name: 'Search books and authors' });
}

/** Types into the header search and moves with ArrowDown to the option named `title`. */
async function highlightSuggestion(page, text, title) {
  const box = combobox(page);
  await box.fill('');
  await box.pressSequentially(text, { delay: 20 });
  const option = page.getByRole('option', { name: title }).first();
  await visible(option);
  const id = await option.getAttribute('id');
  for (let i = 0; i < 12; i++) {
    await box.press('ArrowDown');
    if ((await box.getAttribute('aria-activedescendant')) === id) return option;
  }
  throw new Error(`ArrowDown never reached the suggestion '${title}'`);
}

test('home → search with the typeahead → book → author → category', async () => {
  const { context, page, problems } = await openPage(browser, { viewport: DESKTOP });
  try {
    // Home: the featured hero, curated shelves, genres and authors.
    await page.goto(`${url}/`);
    const heroTitle = await visible(page.locator('[data-testid=featured-hero] h2'));
    const title = (await heroTitle.innerText()).trim();
    assert.ok(title.length > 0, 'the hero shows a featured book');
    await visible(page.locator('[data-testid=shelf-trending] [data-testid=book-card]').first());
    await visible(page.locator('[data-testid=shelf-new] [data-testid=book-card]').first());
    await visible(page.locator('[data-testid=shelf-top-rated] [data-testid=book-card]').first());
    await visible(page.locator('[data-testid=genre-tile]').first());
    await visible(page.locator('[data-testid=author-card]').first());
    assert.equal(await page.title(), 'MANGU Publishing');
    await snapshot(page, 'home');

    // Typeahead: suggestions appear while typing; arrows move; Escape closes; Enter searches.
    const query = title.slice(0, Math.max(4, title.length - 2));
    await highlightSuggestion(page, query, title);
    const box = combobox(page);
    assert.equal(await box.getAttribute('aria-expanded'), 'true');
    await snapshot(page, 'typeahead', { fullPage: false });
    await box.press('Escape');
    assert.equal(await box.getAttribute('aria-expanded'), 'false');
    await box.press('Enter');
    await page.waitForURL((u) => u.pathname === '/search', { timeout: WAIT_MS });
    assert.equal(new URL(page.url()).searchParams.get('q'), query);
    const firstHit = await visible(page.locator('[data-testid=search-result]').first());
    assert.ok((await firstHit.locator('mark').count()) > 0, 'the first hit marks the match');
    await visible(page.locator('[data-testid=search-facets]'));
    await snapshot(page, 'search');

    // Book page, reached by picking the suggestion with the keyboard.
    await highlightSuggestion(page, query, title);
    await combobox(page).press('Enter');
    await page.waitForURL((u) => u.pathname.startsWith('/books/'), { timeout: WAIT_MS });
    await visible(page.getByRole('heading', { level: 1, name: title }));
    const details = page.locator('[data-testid=book-details]');
    await visible(details.getByRole('img', { name: `Cover of ${title}` }));
    assert.match(
      await details.getByTestId('price').first().innerText(),
      /^(Free|\D*\d[\d.,]*\D*)$/,
    );
    // Buying is the cart's (features/cart): a button, or a link once the book is in the cart.
    await visible(
      details
        .locator('button, a')
        .filter({ hasText: /Add to cart|Add to library|View cart/ })
        .first(),
    );
    await visible(details.getByRole('link', { name: 'Read sample' }));
    await visible(details.getByRole('region', { name: 'Details' }));
    assert.equal(await page.title(), `${title} · MANGU Publishing`);
    await snapshot(page, 'book');

    // Author page, from the byline.
    const authorLink = details.locator('a[href^="/authors/"]').first();
    const authorName = (await authorLink.innerText()).trim();
    await authorLink.click();
    await visible(page.getByRole('heading', { level: 1, name: authorName }));
    const authorPage = page.locator('[data-testid=author-page]');
    await visible(authorPage.getByRole('link', { name: title }));
    await snapshot(page, 'author');

    // Category page, from the book's categories.
    await page.goBack();
    await visible(page.getByRole('heading', { level: 1, name: title }));
    const categoryLink = page
      .getByRole('region', { name: 'Categories' })
      .locator('a[href^="/categories/"]')
      .first();
    const categoryName = (await categoryLink.innerText()).trim();
    await categoryLink.click();
    await visible(page.getByRole('heading', { level: 1, name: categoryName }));
    await visible(page.locator('[data-testid=category-page] [data-testid=book-card]').first());
    await visible(page.getByRole('navigation', { name: 'Breadcrumb' }));
    await snapshot(page, 'category');

    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});

test('search forgives typos and offers "did you mean"', async () => {
  const { context, page, problems } = await openPage(browser, { viewport: DESKTOP });
  try {
    await page.goto(`${url}/search?q=alcie%20wonderlnd`);
    const hit = page
      .locator('[data-testid=search-result]')
      .filter({ hasText: "Alice's Adventures in Wonderland" });
    await visible(hit);
    assert.ok((await hit.locator('mark').count()) > 0);
    await visible(page.getByTestId('did-you-mean'));
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});

test('browse keeps filters and sort in the URL', async () => {
  const { context, page, problems } = await openPage(browser, { viewport: DESKTOP });
  try {
    await page.goto(`${url}/books`);
    await visible(page.getByRole('heading', { level: 1, name: 'Browse books' }));
    await visible(page.locator('[data-testid=book-card]').first());

    await page.getByLabel('Price').selectOption('free');
    await page.waitForURL((u) => u.searchParams.get('price') === 'free', { timeout: WAIT_MS });
    await page.getByLabel('Sort by').selectOption('title');
    await page.waitForURL((u) => u.searchParams.get('sort') === 'title', { timeout: WAIT_MS });
    await page.waitForFunction(
      () => {
        const prices = [
          ...document.querySelectorAll('[data-testid=book-card] [data-testid=price]'),
        ];
        return prices.length > 0 && prices.every((p) => p.textContent === 'Free');
      },
      null,
      { timeout: WAIT_MS },
    );
    await visible(page.getByRole('button', { name: 'Remove filter: Free' }));

    await page.reload();
    await visible(page.locator('[data-testid=book-card]').first());
    assert.equal(await page.getByLabel('Price').inputValue(), 'free');
    assert.equal(await page.getByLabel('Sort by').inputValue(), 'title');
    await snapshot(page, 'browse');
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});

test('the storefront fits a 360px phone, in the light theme', async () => {
  const { context, page, problems } = await openPage(browser, {
    viewport: PHONE,
    colorScheme: 'light',
  });
  try {
    await context.addInitScript(() => localStorage.setItem('mangu-theme', 'light'));
    await page.goto(`${url}/`);
    await visible(page.locator('[data-testid=featured-hero] h2'));
    await visible(page.locator('[data-testid=shelf-trending] [data-testid=book-card]').first());
    assert.equal(await page.locator('html').getAttribute('data-theme'), 'light');
    await assertFits(page);
    await snapshot(page, 'home-360-light');

    await page.locator('[data-testid=shelf-trending] [data-testid=book-card] a').first().click();
    await visible(page.locator('[data-testid=book-details] h1'));
    await assertFits(page);
    await snapshot(page, 'book-360-light');

    await page.goto(`${url}/search?q=the`);
    await visible(page.locator('[data-testid=search-result]').first());
    await page.getByRole('button', { name: /^Filter results/ }).click();
    await visible(page.getByTestId('search-facets'));
    await assertFits(page);
    await snapshot(page, 'search-360-light');
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});

test('the storefront in the light theme on a desktop', async () => {
  const { context, page, problems } = await openPage(browser, {
    viewport: DESKTOP,
    colorScheme: 'light',
  });
  try {
    await context.addInitScript(() => localStorage.setItem('mangu-theme', 'light'));
    await page.goto(`${url}/`);
    await visible(page.locator('[data-testid=shelf-trending] [data-testid=book-card]').first());
    await snapshot(page, 'home-light');
    await page.locator('[data-testid=genre-tile]').first().click();
    await visible(page.locator('[data-testid=category-page] [data-testid=book-card]').first());
    await snapshot(page, 'category-light');
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});

test('an unknown book gets a friendly 404', async () => {
  const { context, page } = await openPage(browser, { viewport: DESKTOP });
  try {
    await page.goto(`${url}/books/no-such-book-anywhere`);
    await visible(page.getByRole('heading', { level: 1, name: 'Book not found' }));
    await visible(page.getByRole('link', { name: 'Browse books' }));
    assert.equal(await page.title(), 'Book not found · MANGU Publishing');
    await snapshot(page, 'book-not-found', { fullPage: false });
  } finally {
    await context.close();
  }
});
