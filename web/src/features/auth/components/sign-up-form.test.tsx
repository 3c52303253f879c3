import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { getSession } from '@/lib/session';
import { apiError, fieldErrors, mockApi } from '@/testing/api-mock';
import { jsonResponse } from '@/testing/fetch';
import { makeSession } from '@/testing/fixtures/users';
import { describedText, fillIn, press } from '@/testing/form';
import { renderWithProviders } from '@/testing/render';
import { SignUpForm } from './sign-up-form';

async function fillAndSubmit(password = 'velvet harbor quietly drifts') {
  await fillIn('Email', 'iris@example.com');
  await fillIn('Display name', 'Iris Calloway');
  await fillIn('Password', password);
  await press('Create account');
}

describe('SignUpForm', () => {
  it('shows the server verdict on the password beside the field', async () => {
    mockApi({
      'POST /api/auth/signup': () =>
        fieldErrors({ password: 'this is similar to a commonly used password' }),
    });
    renderWithProviders(<SignUpForm onSignedUp={vi.fn()} />);

    await fillAndSubmit('password1234');

    const password = screen.getByLabelText('Password');
    expect(await screen.findByText('This is similar to a commonly used password')).toBeVisible();
    expect(password).toHaveAttribute('aria-invalid', 'true');
    expect(describedText(password)).toContain('This is similar to a commonly used password');
    expect(password).toHaveFocus();
    expect(screen.getByLabelText('Email')).not.toHaveAttribute('aria-invalid');
    expect(screen.getByRole('alert')).toBeEmptyDOMElement();
  });

  it('puts each field error next to its own field', async () => {
    mockApi({
      'POST /api/auth/signup': () =>
        apiError(409, 'conflict', 'email already registered', {
          fields: { email: 'an account with this email already exists' },
        }),
    });
    renderWithProviders(<SignUpForm onSignedUp={vi.fn()} />);

    await fillAndSubmit();

    const email = screen.getByLabelText('Email');
    await vi.waitFor(() => expect(email).toHaveAttribute('aria-invalid', 'true'));
    expect(describedText(email)).toContain('An account with this email already exists');
    expect(screen.getByLabelText('Password')).not.toHaveAttribute('aria-invalid');
  });

  it('clears a field error when the field is edited', async () => {
    mockApi({ 'POST /api/auth/signup': () => fieldErrors({ password: 'too guessable' }) });
    renderWithProviders(<SignUpForm onSignedUp={vi.fn()} />);
    await fillAndSubmit('password1234');
    await screen.findByText('Too guessable');

    await userEvent.type(screen.getByLabelText('Password'), 'x');

    expect(screen.queryByText('Too guessable')).not.toBeInTheDocument();
    expect(screen.getByLabelText('Password')).not.toHaveAttribute('aria-invalid');
  });

  it('shows errors that belong to no field in the alert region', async () => {
    mockApi({
      'POST /api/auth/signup': () =>
        apiError(429, 'rate_limited', 'slow down', undefined, { 'Retry-After': '42' }),
    });
    renderWithProviders(<SignUpForm onSignedUp={vi.fn()} />);

    await fillAndSubmit();

    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Too many attempts. Try again in 42 seconds.',
    );
  });

  it('checks the obvious before calling the API', async () => {
    const mock = mockApi({});
    renderWithProviders(<SignUpForm onSignedUp={vi.fn()} />);

    await fillIn('Password', 'short');
    await press('Create account');

    expect(mock.calls).toHaveLength(0);
    expect(screen.getByLabelText('Email')).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByLabelText('Email')).toHaveFocus();
    expect(screen.getByLabelText('Display name')).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByText('Use at least 10 characters.')).toBeInTheDocument();
  });

  it('updates the strength meter while typing', async () => {
    renderWithProviders(<SignUpForm onSignedUp={vi.fn()} />);
    const meter = screen.getByRole('meter', { name: 'Password strength' });

    await userEvent.type(screen.getByLabelText('Password'), 'abc');
    expect(meter).toHaveAttribute('aria-valuetext', 'Too short');
    await fillIn('Password', 'password1234');
    expect(meter).toHaveAttribute('aria-valuetext', 'Too weak');
    await fillIn('Password', 'velvet harbor quietly drifts');
    expect(meter).toHaveAttribute('aria-valuetext', 'Strong');
  });

  it('sends the account and starts the session', async () => {
    const mock = mockApi({ 'POST /api/auth/signup': () => jsonResponse(201, makeSession()) });
    const onSignedUp = vi.fn();
    renderWithProviders(<SignUpForm onSignedUp={onSignedUp} />);

    await fillAndSubmit();

    await vi.waitFor(() => expect(onSignedUp).toHaveBeenCalled());
    expect(mock.calls[0]?.body).toEqual({
      email: 'iris@example.com',
      display_name: 'Iris Calloway',
      password: 'velvet harbor quietly drifts',
    });
    expect(getSession().status).toBe('signed-in');
  });
});
