import { screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { getAccessToken } from '@/lib/session';
import { apiError, mockApi } from '@/testing/api-mock';
import { jsonResponse } from '@/testing/fetch';
import { makeSession } from '@/testing/fixtures/users';
import { fillIn, press } from '@/testing/form';
import { renderInRouter } from '@/testing/render-route';
import { SignInForm } from './sign-in-form';

async function signIn(password = 'velvet harbor quietly drifts') {
  await fillIn('Email', 'iris@example.com');
  await fillIn('Password', password);
  await press('Sign in');
}

describe('SignInForm', () => {
  it('shows a refused sign-in in the alert region, not on a field', async () => {
    mockApi({
      'POST /api/auth/login': () =>
        apiError(401, 'invalid_credentials', 'invalid email or password'),
    });
    renderInRouter(<SignInForm onSignedIn={vi.fn()} />);

    await signIn('wrong password!');

    expect(await screen.findByRole('alert')).toHaveTextContent('Invalid email or password');
    expect(screen.getByLabelText('Password')).not.toHaveAttribute('aria-invalid');
  });

  it('explains an unreachable server', async () => {
    mockApi({ 'POST /api/auth/login': () => Promise.reject(new TypeError('fetch failed')) });
    renderInRouter(<SignInForm onSignedIn={vi.fn()} />);

    await signIn();

    expect(await screen.findByRole('alert')).toHaveTextContent('Cannot reach the server');
  });

  it('signs in, keeping the token in memory only', async () => {
    mockApi({
      'POST /api/auth/login': () => jsonResponse(200, makeSession({ access_token: 'abc' })),
    });
    const onSignedIn = vi.fn();
    renderInRouter(<SignInForm onSignedIn={onSignedIn} />);

    await signIn();

    await vi.waitFor(() => expect(onSignedIn).toHaveBeenCalled());
    expect(getAccessToken()).toBe('abc');
    expect(Object.values({ ...window.localStorage })).not.toContain('abc');
  });

  it('links to the forgotten-password page', async () => {
    renderInRouter(<SignInForm onSignedIn={vi.fn()} />);

    expect(await screen.findByRole('link', { name: 'Forgot password?' })).toHaveAttribute(
      'href',
      '/forgot-password',
    );
  });
});
