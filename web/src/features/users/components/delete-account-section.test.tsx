import { screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { getSession, startSession } from '@/lib/session';
import { fieldErrors, mockApi } from '@/testing/api-mock';
import { makeSession } from '@/testing/fixtures/users';
import { fillIn, press } from '@/testing/form';
import { renderWithProviders } from '@/testing/render';
import { DeleteAccountSection } from './delete-account-section';

describe('DeleteAccountSection', () => {
  it('asks for the password in a warning dialog before deleting', async () => {
    startSession(makeSession());
    const mock = mockApi({ 'DELETE /api/users/me': () => new Response(null, { status: 204 }) });
    const onDeleted = vi.fn();
    renderWithProviders(<DeleteAccountSection onDeleted={onDeleted} />);

    await press('Delete account…');
    const dialog = screen.getByRole('dialog', { name: 'Delete your account?' });
    expect(dialog).toHaveTextContent('This is permanent.');

    await press('Delete my account');
    expect(mock.calls).toHaveLength(0);
    expect(screen.getByLabelText('Your password')).toHaveAttribute('aria-invalid', 'true');

    await fillIn('Your password', 'velvet harbor quietly drifts');
    await press('Delete my account');

    await vi.waitFor(() => expect(onDeleted).toHaveBeenCalled());
    expect(mock.calls[0]).toMatchObject({
      method: 'DELETE',
      body: { password: 'velvet harbor quietly drifts' },
    });
  });

  it('shows a wrong password beside the field and keeps the session', async () => {
    startSession(makeSession());
    mockApi({
      'DELETE /api/users/me': () =>
        fieldErrors({ current_password: 'this is not your current password' }),
    });
    renderWithProviders(<DeleteAccountSection onDeleted={vi.fn()} />);

    await press('Delete account…');
    await fillIn('Your password', 'nope nope nope');
    await press('Delete my account');

    expect(await screen.findByText('This is not your current password')).toBeInTheDocument();
    expect(screen.getByLabelText('Your password')).toHaveAttribute('aria-invalid', 'true');
    expect(getSession().status).toBe('signed-in');
  });

  it('cancels without calling the API', async () => {
    const mock = mockApi({});
    renderWithProviders(<DeleteAccountSection onDeleted={vi.fn()} />);

    await press('Delete account…');
    await press('Cancel');

    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(mock.calls).toHaveLength(0);
  });
});
