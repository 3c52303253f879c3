// Commerce in the browser: a visitor puts a book in the browser's cart, signs in (the cart merges
// into the account's), adds a second book, applies a coupon an admin made, pays in the built-in
// test checkout, watches the success page turn to paid, finds both books in the library and the
// order in the history; then an admin refunds it. Screenshots at 1280 px and 360 px go to
// MANGU_E2E_OUT.
// The admin is MANGU_E2E_ADMIN_EMAIL / MANGU_E2E_ADMIN_PASSWORD, else the demo admin that
// `mangu seed --demo` makes (scripts/e2e.sh seeds it).
// Run: scripts/e2e.sh (from the repository root), or MANGU_URL=... node --test e2e/commerce.test.mjs
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
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
const admin = {
  email: process.env.MANGU_E2E_ADMIN_EMAIL || 'admin@mangu.local',
  password: process.env.MANGU_E2E_ADMIN_PASSWORD || 'mangu-demo-password',
};

const suffix = randomBytes(4).toString('hex');
const reader = {
  email: `buyer-${suffix}@e2e.test`,
  name: 'Tobias Wren',
  password: `silver orchard ${suffix} under rain`,
};
const couponCode = `E2E${suffix.toUpperCase()}`;

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

/** "$12.34" for 1234 USD, as the page shows it (the browser runs in en-US). */
function usd(cents) {
  return new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' }).format(cents / 100);
}

async function signInForm(page, email, password) {
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
}

async function waitForCartCount(page, n) {
  await page.waitForFunction(
    (want) => {
      const badge = document.querySelector('[data-testid="cart-count"]');
      return (badge ? Number(badge.textContent) : 0) === want;
    },
    n,
    { timeout: WAIT_MS },
  );
}

test('buy two books with a coupon in the test checkout; the admin refunds the order', async () => {
  // An admin makes the coupon; a new reader signs up; three paid USD books to buy.
  const adminLogin = await api('/auth/login', { method: 'POST', body: admin });
  assert.equal(adminLogin.status, 200, `admin sign-in: ${JSON.stringify(adminLogin.body)}`);
  const adminToken = adminLogin.body.access_token;
  const coupon = await api('/admin/coupons', {
    method: 'POST',
    token: adminToken,
    body: { code: couponCode, kind: 'percent', amount: 25 },
  });
  assert.equal(coupon.status, 201, `coupon: ${JSON.stringify(coupon.body)}`);

  const signup = await api('/auth/signup', {
    method: 'POST',
    body: { email: reader.email, password: reader.password, display_name: reader.name },
  });
  assert.equal(signup.status, 201, `sign-up: ${JSON.stringify(signup.body)}`);
  const readerToken = signup.body.access_token;

  const catalog = await api('/books?limit=60&sort=popular');
  const paid = catalog.body.items.filter((b) => !b.is_free && b.currency === 'USD');
  assert.ok(paid.length >= 3, 'the demo catalog has paid USD books');
  const [first, second, third] = paid;

  const { context, page, problems } = await openPage(browser, { viewport: DESKTOP });
  try {
    // A visitor adds the first book: it waits in the browser's cart.
    await page.goto(`${url}/books/${first.slug}`);
    await visible(page.getByRole('heading', { level: 1, name: first.title }));
    await page.getByRole('button', { name: 'Add to cart' }).click();
    await visible(page.getByText('Added to your cart. Sign in when you are ready to pay.'));
    await waitForCartCount(page, 1);
    await shot(page, 'commerce-book-added-visitor');
    await page.getByTestId('cart-button').click();
    await visible(page.getByRole('heading', { level: 1, name: 'Your cart' }));
    await visible(page.getByRole('link', { name: 'Sign in to check out' }));
    await shot(page, 'commerce-cart-visitor-desktop');

    // Signing in merges it into the account's cart.
    await page.getByRole('link', { name: 'Sign in to check out' }).click();
    await signInForm(page, reader.email, reader.password);
    await visible(page.getByRole('heading', { level: 1, name: 'Your cart' }));
    await visible(page.getByTestId('cart-line').filter({ hasText: first.title }));
    const merged = await api('/cart', { token: readerToken });
    assert.deepEqual(
      merged.body.items.map((i) => i.book.id),
      [first.id],
      'the browser cart joined the server cart',
    );
    assert.equal(await page.evaluate(() => localStorage.getItem('mangu-cart')), null);

    // The second book, signed in.
    await page.goto(`${url}/books/${second.slug}`);
    await page.getByRole('button', { name: 'Add to cart' }).click();
    await visible(page.getByTestId('view-cart'));
    await waitForCartCount(page, 2);
    await page.getByTestId('view-cart').click();
    await visible(page.getByTestId('cart-line').filter({ hasText: second.title }));
    assert.equal(await page.getByTestId('cart-line').count(), 2);

    // A wrong code is refused; the admin's code (typed in lower case) applies.
    await page.getByLabel('Coupon code').fill('NOPE-NOT-A-CODE');
    await page.getByRole('button', { name: 'Apply' }).click();
    await visible(page.getByText('There is no coupon with that code.'));
    await page.getByLabel('Coupon code').fill(couponCode.toLowerCase());
    await page.getByRole('button', { name: 'Apply' }).click();
    await visible(page.getByTestId('applied-coupon'));

    // The totals on the page are the server's.
    const priced = (await api('/cart', { token: readerToken })).body;
    assert.ok(priced.discount_cents > 0, 'the coupon takes something off');
    assert.equal(await page.getByTestId('cart-subtotal').textContent(), usd(priced.subtotal_cents));
    assert.equal(
      await page.getByTestId('cart-discount').textContent(),
      `−${usd(priced.discount_cents)}`,
    );
    assert.equal(await page.getByTestId('cart-total').textContent(), usd(priced.total_cents));
    await shot(page, 'commerce-cart-desktop');

    // Check out: the built-in test checkout (served by the server) takes over.
    await page.getByRole('button', { name: 'Check out' }).click();
    await page.waitForURL(/\/checkout\/test\/\d+\?token=/, { timeout: WAIT_MS });
    const checkoutUrl = new URL(page.url());
    const orderId = Number(checkoutUrl.pathname.split('/').pop());
    await visible(page.getByText('TEST MODE'));
    await shot(page, 'commerce-test-checkout');

    // Another device already on the success page waits, then turns to paid when the payment
    // lands.
    const other = await openPage(browser, { viewport: DESKTOP });
    const waiting = other.page;
    await waiting.goto(
      `${url}/sign-in?redirect=${encodeURIComponent(`/checkout/success?order=${orderId}`)}`,
    );
    await signInForm(waiting, reader.email, reader.password);
    await visible(waiting.getByRole('heading', { name: 'Confirming your payment…' }));
    await shot(waiting, 'commerce-success-waiting');

    await page.getByRole('button', { name: /^Pay / }).click();
    await page.waitForURL(/\/checkout\/success\?order=\d+/, { timeout: WAIT_MS });
    await visible(waiting.getByRole('heading', { name: 'Thank you — it’s yours' }));
    assert.equal(await waiting.locator('[data-status]').getAttribute('data-status'), 'paid');
    await other.context.close();
    await visible(page.getByRole('heading', { name: 'Thank you — it’s yours' }));
    const orderNumber = await page.getByTestId('order-number').first().textContent();
    assert.match(orderNumber, /^MNG-/);
    assert.equal(await page.getByTestId('order-total').textContent(), usd(priced.total_cents));
    await waitForCartCount(page, 0);
    await shot(page, 'commerce-success-paid-desktop');

    // Both books are in the library.
    await page.getByRole('link', { name: 'Go to your library' }).click();
    await page.waitForURL(/\/library/, { timeout: WAIT_MS });
    for (const book of [first, second]) {
      await visible(page.getByText(book.title, { exact: true }).first());
    }
    const library = await api('/library', { token: readerToken });
    const owned = library.body.items.map((entry) => entry.book.id);
    assert.ok(owned.includes(first.id) && owned.includes(second.id), 'both books are owned');

    // The order history and the receipt.
    await page.goto(`${url}/orders`);
    const row = await visible(page.getByTestId('order-row').filter({ hasText: orderNumber }));
    assert.match(await row.textContent(), /Paid/);
    await shot(page, 'commerce-orders-desktop');
    await row.click();
    await visible(page.getByRole('heading', { level: 1, name: orderNumber }));
    assert.equal(await page.getByTestId('order-line').count(), 2);
    assert.match(
      await page.getByTestId('order-discount').textContent(),
      new RegExp(`${usd(priced.discount_cents).replace('$', '\\$')}`),
    );
    await shot(page, 'commerce-receipt-desktop');

    // The book page now offers to read it, not to buy it.
    await page.getByTestId('order-line').filter({ hasText: first.title }).getByRole('link').click();
    await visible(page.getByRole('heading', { level: 1, name: first.title }));
    await visible(page.getByTestId('read-now'));
    assert.equal(await page.getByRole('button', { name: 'Add to cart' }).count(), 0);
    assert.deepEqual(realProblems(problems), []);
  } finally {
    await context.close();
  }

  // A phone: the cart with one book, the history and the receipt.
  const phone = await openPage(browser, { viewport: PHONE, isMobile: true, hasTouch: true });
  try {
    const { page } = phone;
    await page.goto(`${url}/sign-in?redirect=/books/${third.slug}`);
    await signInForm(page, reader.email, reader.password);
    await visible(page.getByRole('heading', { level: 1, name: third.title }));
    await page.getByRole('button', { name: 'Add to cart' }).click();
    await waitForCartCount(page, 1);
    await assertFits(page);
    await shot(page, 'commerce-book-phone');
    await page.getByTestId('cart-button').click();
    await visible(page.getByTestId('cart-total'));
    await assertFits(page);
    await shot(page, 'commerce-cart-phone');
    await page.goto(`${url}/orders`);
    await visible(page.getByTestId('order-row').first());
    await assertFits(page);
    await shot(page, 'commerce-orders-phone');
    await page.getByTestId('order-row').first().click();
    await visible(page.getByTestId('order-number'));
    await assertFits(page);
    await shot(page, 'commerce-receipt-phone');
    assert.deepEqual(realProblems(phone.problems), []);
  } finally {
    await phone.context.close();
  }

  // The admin: the order in the list, refunded after confirming; the coupon in its list.
  const desk = await openPage(browser, { viewport: DESKTOP });
  try {
    const { page } = desk;
    await page.goto(`${url}/sign-in?redirect=/admin/orders`);
    await signInForm(page, admin.email, admin.password);
    await visible(page.getByRole('heading', { level: 1, name: 'Orders' }));
    await page.getByLabel('Search orders').fill(reader.email);
    const row = await visible(
      page.getByTestId('admin-order-row').filter({ hasText: 'Paid' }).first(),
    );
    await shot(page, 'commerce-admin-orders-desktop');
    await row.getByRole('button', { name: /^Refund order/ }).click();
    const dialog = await visible(page.getByRole('dialog', { name: 'Refund this order?' }));
    await dialog.getByRole('button', { name: 'Refund' }).click();
    await visible(page.getByText(/was refunded and its books taken back/));
    await visible(page.getByTestId('admin-order-row').filter({ hasText: 'Refunded' }).first());
    const library = await api('/library', { token: readerToken });
    const owned = library.body.items.map((entry) => entry.book.id);
    assert.ok(
      !owned.includes(first.id) && !owned.includes(second.id),
      'the refund took the books back',
    );

    await page.goto(`${url}/admin/coupons?q=${couponCode}`);
    const couponRow = await visible(page.getByTestId('coupon-row').filter({ hasText: couponCode }));
    assert.match(await couponRow.textContent(), /25% off/);
    await shot(page, 'commerce-admin-coupons-desktop');
    await couponRow.getByRole('button', { name: `Deactivate coupon ${couponCode}` }).click();
    await visible(couponRow.getByText('Inactive'));
    assert.deepEqual(realProblems(desk.problems), []);
  } finally {
    await desk.context.close();
  }

  // The admin pages on a phone.
  const deskPhone = await openPage(browser, { viewport: PHONE, isMobile: true, hasTouch: true });
  try {
    const { page } = deskPhone;
    await page.goto(`${url}/sign-in?redirect=/admin/orders`);
    await signInForm(page, admin.email, admin.password);
    await visible(page.getByTestId('admin-order-row').first());
    await assertFits(page);
    await shot(page, 'commerce-admin-orders-phone');
    await page.goto(`${url}/admin/coupons`);
    await visible(page.getByTestId('coupon-row').first());
    await assertFits(page);
    await shot(page, 'commerce-admin-coupons-phone');
    assert.deepEqual(realProblems(deskPhone.problems), []);
  } finally {
    await deskPhone.context.close();
  }
});
