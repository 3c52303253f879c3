import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { getSession, startSession } from '@/lib/session';
import { fieldErrors, mockApi } from '@/testing/api-mock';
import { jsonResponse } from '@/testing/fetch';
import { makeSession, makeUser } from '@/testing/fixtures/users';
import { describedText, fillIn, press } from '@/testing/form';
import { renderWithProviders } from '@/testing/render';
import { ProfileForm } from './profile-form';

describe('ProfileForm', () => {
  it('saves the display name and bio and updates the signed-in user', async () => {
    startSession(makeSession());
    const mock = mockApi({
      'PATCH /api/users/me': ({ body }) =>
        jsonResponse(200, { user: makeUser(body as Partial<ReturnType<typeof makeUser>>) }),
    });
    renderWithProviders(<ProfileForm user={makeUser()} />);

    await fillIn('Display name', 'Iris C.');
    await fillIn('Bio', 'Reads sea stories at night.');
    await press('Save profile');

    expect(await screen.findByRole('status')).toHaveTextContent('Profile saved.');
    expect(mock.calls[0]?.body).toEqual({
      display_name: 'Iris C.',
      bio: 'Reads sea stories at night.',
    });
    expect(mock.calls[0]?.authorization).toBe('Bearer token-1');
    expect(getSession().user).toMatchObject({
      display_name: 'Iris C.',
      bio: 'Reads sea stories at night.',
    });
  });

  it('shows details.fields beside display name and bio', async () => {
    startSession(makeSession());
    mockApi({
      'PATCH /api/users/me': () =>
        fieldErrors({ display_name: 'is reserved', bio: 'must be at most 2000 characters' }),
    });
    renderWithProviders(<ProfileForm user={makeUser()} />);

    await fillIn('Display name', 'admin');
    await press('Save profile');

    const name = await screen.findByLabelText('Display name');
    await screen.findByText('Is reserved');
    expect(name).toHaveAttribute('aria-invalid', 'true');
    expect(describedText(name)).toContain('Is reserved');
    expect(describedText(screen.getByLabelText('Bio'))).toContain(
      'Must be at most 2000 characters',
    );
    expect(screen.getByRole('alert')).toBeEmptyDOMElement();
  });

  it('keeps Save disabled until something changed', () => {
    renderWithProviders(<ProfileForm user={makeUser()} />);
    expect(screen.getByRole('button', { name: 'Save profile' })).toBeDisabled();
  });
});
