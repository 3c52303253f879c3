import { RouterProvider, createMemoryHistory } from '@tanstack/react-router';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { StrictMode } from 'react';
import { beforeAll, describe, expect, it } from 'vitest';
import { getSession } from '@/lib/session';
import { apiError, mockApi } from '@/testing/api-mock';
import { jsonResponse } from '@/testing/fetch';
import { makeSession, makeUser } from '@/testing/fixtures/users';
import { fillIn, press } from '@/testing/form';
import { renderWithProviders } from '@/testing/render';
import { createAppRouter } from '../router';

// These pages load their code lazily. Load it once up front, so that the waits below measure
// the pages and not Vitest transforming their modules on a busy machine.
beforeAll(async () => {
  await Promise.all([
    import('@/features/auth/components/auth-card'),
    import('@/features/auth/components/change-password-form'),
    import('@/features/auth/components/resend-verification-button'),
    import('@/features/auth/components/sign-in-form'),
    import('@/features/users/components/account-overview'),
    import('@/features/users/components/account-section'),
    import('@/features/users/components/author-status'),
    import('@/features/users/components/delete-account-section'),
    import('@/features/users/components/profile-form'),
  ]);
}, 120_000);

function renderAt(path: string) {
  const router = createAppRouter({ history: createMemoryHistory({ initialEntries: [path] }) });
  renderWithProviders(
    <StrictMode>
      <RouterProvider router={router} />
    </StrictMode>,
  );
  return router;
}

/** A browser that signed in before: the refresh cookie brings the session back. */
function signedInBefore(user = makeUser()) {
  window.localStorage.setItem('mangu-session', '1');
  return { 'POST /api/auth/refresh': () => jsonResponse(200, makeSession({}, user)) };
}

describe('pages that need a signed-in user', () => {
  it('send signed-out visitors to sign in with a redirect back', async () => {
    const mock = mockApi({});
    const router = renderAt('/account');

    expect(
      await screen.findByRole('heading', { level: 1, name: 'Sign in to MANGU' }),
    ).toBeVisible();
    expect(router.state.location.pathname).toBe('/sign-in');
    expect(router.state.location.search).toEqual({ redirect: '/account' });
    expect(mock.callsTo('POST /api/auth/refresh')).toHaveLength(0);
  });

  it('open for a session restored from the refresh cookie, refreshing once', async () => {
    const mock = mockApi(signedInBefore());
    renderAt('/account');

    expect(await screen.findByRole('heading', { level: 1, name: 'Iris Calloway' })).toBeVisible();
    expect(screen.getByRole('heading', { name: 'Delete account' })).toBeVisible();
    expect(mock.callsTo('POST /api/auth/refresh')).toHaveLength(1);
  });

  it('go back to the redirect after signing in', async () => {
    mockApi({ 'POST /api/auth/login': () => jsonResponse(200, makeSession()) });
    const router = renderAt('/sign-in?redirect=%2Faccount%23password');

    await fillIn('Email', 'iris@example.com');
    await fillIn('Password', 'velvet harbor quietly drifts');
    await press('Sign in');

    expect(await screen.findByRole('heading', { level: 1, name: 'Iris Calloway' })).toBeVisible();
    expect(router.state.location.pathname).toBe('/account');
  });

  it('never redirect to another site', async () => {
    mockApi({ 'POST /api/auth/login': () => jsonResponse(200, makeSession()) });
    const router = renderAt('/sign-in?redirect=%2F%2Fevil.example%2Fx');

    await fillIn('Email', 'iris@example.com');
    await fillIn('Password', 'velvet harbor quietly drifts');
    await press('Sign in');

    await screen.findByRole('button', { name: 'Account menu for Iris Calloway' });
    expect(router.state.location.pathname).toBe('/');
  });

  it('keep the admin page for admins', async () => {
    mockApi(signedInBefore(makeUser({ role: 'reader' })));
    renderAt('/admin/users');

    expect(await screen.findByRole('heading', { level: 1, name: 'Admins only' })).toBeVisible();
  });
});

describe('verify email', () => {
  it('posts the token from the link once and shows the result', async () => {
    const mock = mockApi({
      'POST /api/auth/verify-email': () => jsonResponse(200, { user: makeUser() }),
    });
    renderAt('/verify-email?token=tok-123');

    expect(
      await screen.findByRole('heading', { level: 1, name: 'Your email is confirmed' }),
    ).toBeVisible();
    expect(mock.callsTo('POST /api/auth/verify-email')).toHaveLength(1);
    expect(mock.calls[0]?.body).toEqual({ token: 'tok-123' });
  });

  it('explains a used or expired link', async () => {
    mockApi({
      'POST /api/auth/verify-email': () =>
        apiError(400, 'invalid_token', 'this link is invalid or has expired'),
    });
    renderAt('/verify-email?token=old');

    expect(
      await screen.findByRole('heading', { level: 1, name: 'This link did not work' }),
    ).toBeVisible();
    expect(screen.getByRole('alert')).toHaveTextContent('This link is invalid or has expired');
  });
});

describe('header account menu', () => {
  it('offers sign-in to visitors', async () => {
    mockApi({});
    renderAt('/forgot-password');

    expect(await screen.findByRole('link', { name: 'Sign in' })).toHaveAttribute(
      'href',
      '/sign-in',
    );
  });

  it('opens a menu for the signed-in user and signs out from it', async () => {
    const mock = mockApi({
      ...signedInBefore(makeUser({ role: 'admin', display_name: 'Ada Admin' })),
      'POST /api/auth/logout': () => new Response(null, { status: 204 }),
    });
    renderAt('/forgot-password');

    const button = await screen.findByRole('button', { name: 'Account menu for Ada Admin' });
    expect(button).toHaveAttribute('aria-expanded', 'false');
    await userEvent.click(button);
    expect(button).toHaveAttribute('aria-expanded', 'true');
    expect(screen.getByRole('link', { name: 'Manage users' })).toHaveAttribute(
      'href',
      '/admin/users',
    );

    await userEvent.keyboard('{Escape}');
    expect(button).toHaveAttribute('aria-expanded', 'false');
    expect(button).toHaveFocus();

    await userEvent.click(button);
    await userEvent.click(screen.getByRole('link', { name: 'Sign out' }));

    const panel = await screen.findByRole('heading', { level: 1, name: 'You are signed out' });
    expect(panel).toBeVisible();
    expect(mock.callsTo('POST /api/auth/logout')).toHaveLength(1);
    expect(getSession().status).toBe('signed-out');
    expect(within(screen.getByRole('banner')).getByRole('link', { name: 'Sign in' })).toBeVisible();
  });
});

describe('delete account', () => {
  it('deletes after the warning and the password, then signs out', async () => {
    const mock = mockApi({
      ...signedInBefore(),
      'DELETE /api/users/me': () => new Response(null, { status: 204 }),
      'POST /api/auth/logout': () => new Response(null, { status: 204 }),
    });
    const router = renderAt('/account');

    await userEvent.click(await screen.findByRole('button', { name: 'Delete account…' }));
    await fillIn('Your password', 'velvet harbor quietly drifts');
    await press('Delete my account');

    expect(
      await screen.findByRole('heading', { level: 1, name: 'Your account is deleted' }),
    ).toBeVisible();
    expect(router.state.location.pathname).toBe('/sign-out');
    expect(mock.callsTo('DELETE /api/users/me')[0]?.body).toEqual({
      password: 'velvet harbor quietly drifts',
    });
    expect(getSession().status).toBe('signed-out');
  });
});
