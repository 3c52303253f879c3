import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { getAccessToken, startSession } from '@/lib/session';
import { fieldErrors, mockApi } from '@/testing/api-mock';
import { jsonResponse } from '@/testing/fetch';
import { makeSession } from '@/testing/fixtures/users';
import { fillIn, press } from '@/testing/form';
import { renderWithProviders } from '@/testing/render';
import { ChangePasswordForm } from './change-password-form';

async function change(current: string, next: string) {
  await fillIn('Current password', current);
  await fillIn('New password', next);
  await press('Change password');
}

describe('ChangePasswordForm', () => {
  it('maps details.fields to the current and new password fields', async () => {
    startSession(makeSession());
    mockApi({
      'POST /api/auth/change-password': () =>
        fieldErrors({ current_password: 'is not your current password' }),
    });
    renderWithProviders(<ChangePasswordForm />);

    await change('wrong one here', 'amber lantern over tides');

    expect(await screen.findByText('Is not your current password')).toBeInTheDocument();
    expect(screen.getByLabelText('Current password')).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByLabelText('New password')).not.toHaveAttribute('aria-invalid');
  });

  it("shows the server's password verdict under the new password", async () => {
    startSession(makeSession());
    mockApi({
      'POST /api/auth/change-password': () =>
        fieldErrors({ password: 'this is a top-10 password' }),
    });
    renderWithProviders(<ChangePasswordForm />);

    await change('velvet harbor quietly drifts', 'qwertyuiop123');

    expect(await screen.findByText('This is a top-10 password')).toBeInTheDocument();
    expect(screen.getByLabelText('New password')).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByRole('alert')).toBeEmptyDOMElement();
  });

  it('takes the fresh session the server answers with', async () => {
    startSession(makeSession({ access_token: 'old' }));
    const mock = mockApi({
      'POST /api/auth/change-password': () =>
        jsonResponse(200, makeSession({ access_token: 'new' })),
    });
    renderWithProviders(<ChangePasswordForm />);

    await change('velvet harbor quietly drifts', 'amber lantern over tides');

    expect(await screen.findByRole('status')).toHaveTextContent('Password changed');
    expect(mock.calls[0]?.body).toEqual({
      current_password: 'velvet harbor quietly drifts',
      new_password: 'amber lantern over tides',
    });
    expect(mock.calls[0]?.authorization).toBe('Bearer old');
    expect(getAccessToken()).toBe('new');
    expect(screen.getByLabelText('Current password')).toHaveValue('');
  });
});
