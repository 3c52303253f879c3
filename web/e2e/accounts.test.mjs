// Accounts in the browser: sign up, verify from the outbox link, sign out, sign in,
// edit the profile; password reset; the admin users page; a phone-sized account page.
// The outbox is read through GET /api/admin/outbox as the admin that scripts/e2e.sh
// creates (MANGU_E2E_ADMIN_EMAIL / MANGU_E2E_ADMIN_PASSWORD).
// Run: scripts/e2e.sh (from the repository root).
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { apiClient, baseUrl, launchBrowser, openPage, outDir, realProblems } from './browser.mjs';

const WAIT_MS = 15_000;
const admin = {
  email: process.env.MANGU_E2E_ADMIN_EMAIL,
  password: process.env.MANGU_E2E_ADMIN_PASSWORD,
};
const skip = admin.email && admin.password ? false : 'set MANGU_E2E_ADMIN_EMAIL and _PASSWORD';

const suffix = randomBytes(4).toString('hex');
const reader = {
  email: `reader-${suffix}@e2e.test`,
  name: 'Iris Calloway',
  password: `velvet harbor ${suffix} quietly drifts`,
  newPassword: `amber lantern ${suffix} over tides`,
};

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

// --- helpers -------------------------------------------------------------------

let adminToken;
async function adminAccessToken() {
  if (adminToken) return adminToken;
  const login = await api('/auth/login', { method: 'POST', body: admin });
  assert.equal(login.status, 200, `admin sign-in failed: ${JSON.stringify(login.body)}`);
  adminToken = login.body.access_token;
  return adminToken;
}

/** The newest link to `page` (verify-email, reset-password) mailed to `email`, on MANGU_URL. */
async function mailedLink(email, page) {
  const token = await adminAccessToken();
  const pattern = new RegExp(`/${page}\\?token=([A-Za-z0-9_\\-.~%]+)`);
  for (let attempt = 0; attempt < 50; attempt++) {
    const outbox = await api(`/admin/outbox?to=${encodeURIComponent(email)}&limit=100`, { token });
    assert.equal(outbox.status, 200, `outbox: ${JSON.stringify(outbox.body)}`);
    for (const mail of outbox.body.items) {
      const text = JSON.stringify(mail);
      const match = text.includes(email) ? pattern.exec(text) : null;
      if (match) return `${url}/${page}?token=${match[1]}`;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`no ${page} link mailed to ${email}`);
}

async function visible(locator) {
  await locator.waitFor({ state: 'visible', timeout: WAIT_MS });
  return locator;
}

async function heading(page, name) {
  return visible(page.getByRole('heading', { level: 1, name }));
}

async function shot(page, name) {
  await page.screenshot({ path: join(out, `${name}.png`), fullPage: true });
}

async function signIn(page, email, password) {
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
}

/** On a phone the account control stays on the wordmark's row (only search wraps). */
async function assertOneHeaderRow(page, control) {
  const logo = await page.getByRole('link', { name: 'MANGU Publishing, home' }).boundingBox();
  const box = await (await visible(control)).boundingBox();
  const middle = (b) => b.y + b.height / 2;
  assert.ok(Math.abs(middle(logo) - middle(box)) < 12, 'the account control wrapped to a new row');
}

async function openAccountMenu(page, name) {
  await (await visible(page.getByRole('button', { name: `Account menu for ${name}` }))).click();
}

// --- tests ---------------------------------------------------------------------

test(
  'sign up, verify by the mailed link, sign out, sign in, edit the profile',
  { skip },
  async () => {
    const { context, page, problems } = await openPage(browser, {
      viewport: { width: 1280, height: 860 },
    });
    try {
      // Sign up; a guessable password gets the server's reason beside the field.
      await page.goto(`${url}/sign-up`);
      await heading(page, 'Create your account');
      assert.equal(await page.title(), 'Create an account · MANGU Publishing');
      await shot(page, 'sign-up');

      await page.getByLabel('Email').fill(reader.email);
      await page.getByLabel('Display name').fill(reader.name);
      const password = page.getByLabel('Password', { exact: true });
      await password.fill('password1234');
      await page.getByRole('button', { name: 'Create account' }).click();
      await page.locator('input[name=password][aria-invalid=true]').waitFor({ timeout: WAIT_MS });
      const errorId = (await password.getAttribute('aria-describedby')).split(' ').at(-1);
      const verdict = (await page.locator(`[id="${errorId}"]`).innerText()).trim();
      assert.ok(verdict.length > 0, 'the password error is shown next to the field');
      await shot(page, 'sign-up-weak-password');

      await password.fill(reader.password);
      assert.equal(await password.getAttribute('aria-invalid'), null, 'editing clears the error');
      await page.getByRole('button', { name: 'Create account' }).click();
      await heading(page, 'Check your inbox');
      assert.equal(new URL(page.url()).pathname, '/verify-email');
      await visible(page.getByText(reader.email));
      await shot(page, 'verify-email-sent');

      // Verify with the link from the outbox.
      await page.goto(await mailedLink(reader.email, 'verify-email'));
      await heading(page, 'Your email is confirmed');
      await shot(page, 'verify-email-done');

      await page.getByRole('link', { name: 'Go to your account' }).click();
      await heading(page, reader.name);
      await visible(page.getByText('Verified', { exact: true }));
      await shot(page, 'account');

      // Sign out from the header menu.
      await openAccountMenu(page, reader.name);
      await page.getByRole('link', { name: 'Sign out' }).click();
      await heading(page, 'You are signed out');
      await visible(page.getByRole('link', { name: 'Sign in', exact: true }));
      await shot(page, 'signed-out');

      // A page that needs a session sends the visitor to sign in, and back afterwards.
      await page.goto(`${url}/account`);
      await heading(page, 'Sign in to MANGU');
      assert.equal(new URL(page.url()).searchParams.get('redirect'), '/account');
      await shot(page, 'sign-in');

      await signIn(page, reader.email, 'not the password at all');
      await visible(page.getByRole('alert').filter({ hasText: /./ }));
      await shot(page, 'sign-in-error');

      await signIn(page, reader.email, reader.password);
      await heading(page, reader.name);
      assert.equal(new URL(page.url()).pathname, '/account');

      // Edit the profile; it is still there after a reload (the session comes back from the cookie).
      const bio = `Reads sea stories at night. ${suffix}`;
      await page.getByLabel('Display name').fill('Iris C.');
      await page.getByLabel('Bio', { exact: true }).fill(bio);
      await page.getByRole('button', { name: 'Save profile' }).click();
      await visible(page.getByText('Profile saved.'));
      await page.reload();
      await heading(page, 'Iris C.');
      assert.equal(await page.getByLabel('Display name').inputValue(), 'Iris C.');
      assert.equal(await page.getByLabel('Bio', { exact: true }).inputValue(), bio);
      await shot(page, 'account-saved');

      assert.deepEqual(realProblems(problems), []);
    } finally {
      await context.close();
    }
  },
);

test('forgot password mails a link that sets a new password', { skip }, async () => {
  const { context, page, problems } = await openPage(browser, {
    viewport: { width: 1280, height: 800 },
  });
  try {
    await page.goto(`${url}/forgot-password`);
    await heading(page, 'Forgot your password?');
    await shot(page, 'forgot-password');
    await page.getByLabel('Email').fill(reader.email);
    await page.getByRole('button', { name: 'Send reset link' }).click();
    await visible(page.getByText('Check your inbox'));
    await shot(page, 'forgot-password-sent');

    await page.goto(await mailedLink(reader.email, 'reset-password'));
    await heading(page, 'Choose a new password');
    await page.getByLabel('New password', { exact: true }).fill(reader.newPassword);
    await shot(page, 'reset-password');
    await page.getByRole('button', { name: 'Set new password' }).click();
    await heading(page, 'Your password is changed');
    await shot(page, 'reset-password-done');

    await page.getByRole('link', { name: 'Sign in', exact: true }).last().click();
    await heading(page, 'Sign in to MANGU');
    await signIn(page, reader.email, reader.newPassword);
    await openAccountMenu(page, 'Iris C.');
    assert.deepEqual(realProblems(problems), []);
  } finally {
    await context.close();
  }
});

test('admin finds a user, and disabling asks first', { skip }, async () => {
  const { context, page, problems } = await openPage(browser, {
    viewport: { width: 1280, height: 860 },
  });
  try {
    await page.goto(`${url}/admin/users`);
    await heading(page, 'Sign in to MANGU');
    await signIn(page, admin.email, admin.password);
    await heading(page, 'Users');
    await page.getByRole('searchbox', { name: 'Search users' }).fill(reader.email);
    await page.waitForURL((current) => current.searchParams.get('q') === reader.email, {
      timeout: WAIT_MS,
    });
    const row = page.getByTestId('admin-user-row').filter({ hasText: reader.email });
    await visible(row);
    await shot(page, 'admin-users');

    await row.getByRole('button', { name: 'Disable Iris C.' }).click();
    const dialog = page.getByRole('dialog', { name: 'Disable this account?' });
    await visible(dialog);
    await shot(page, 'admin-users-confirm');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'hidden', timeout: WAIT_MS });
    await visible(row.getByText('Active', { exact: true }));

    await row.getByRole('button', { name: 'Disable Iris C.' }).click();
    await dialog.getByRole('button', { name: 'Disable account' }).click();
    await visible(row.getByText('Disabled', { exact: true }));
    await row.getByRole('button', { name: 'Enable Iris C.' }).click();
    await page
      .getByRole('dialog', { name: 'Enable this account?' })
      .getByRole('button', { name: 'Enable account' })
      .click();
    await visible(row.getByText('Active', { exact: true }));

    // The view is in the URL: a reload shows the same filtered page.
    await page.reload();
    await visible(page.getByTestId('admin-user-row').filter({ hasText: reader.email }));
    assert.equal(
      await page.getByRole('searchbox', { name: 'Search users' }).inputValue(),
      reader.email,
    );

    // On a phone the table folds into cards.
    await page.setViewportSize({ width: 360, height: 740 });
    await visible(page.getByTestId('admin-user-row').filter({ hasText: reader.email }));
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - window.innerWidth,
    );
    assert.ok(overflow <= 0, `page is ${overflow}px wider than the viewport`);
    await shot(page, 'admin-users-360');
    assert.deepEqual(realProblems(problems), []);
  } finally {
    await context.close();
  }
});

test('account page fits a 360px phone in the light theme', { skip }, async () => {
  const { context, page, problems } = await openPage(browser, {
    viewport: { width: 360, height: 740 },
    colorScheme: 'light',
  });
  try {
    await context.addInitScript(() => window.localStorage.setItem('mangu-theme', 'light'));
    await page.goto(`${url}/sign-in?redirect=%2Faccount`);
    assert.equal(await page.locator('html').getAttribute('data-theme'), 'light');
    await heading(page, 'Sign in to MANGU');
    await assertOneHeaderRow(page, page.getByRole('banner').getByRole('link', { name: 'Sign in' }));
    await shot(page, 'sign-in-360-light');
    await signIn(page, reader.email, reader.newPassword);
    await heading(page, 'Iris C.');
    await assertOneHeaderRow(page, page.getByRole('button', { name: 'Account menu for Iris C.' }));
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - window.innerWidth,
    );
    assert.ok(overflow <= 0, `page is ${overflow}px wider than the viewport`);
    await shot(page, 'account-360-light');
    assert.deepEqual(realProblems(problems), []);
  } finally {
    await context.close();
  }
});
