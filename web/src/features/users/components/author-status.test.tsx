import { screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { getAccessToken, getSession, startSession } from '@/lib/session';
import { mockApi } from '@/testing/api-mock';
import { jsonResponse } from '@/testing/fetch';
import { makeSession, makeUser } from '@/testing/fixtures/users';
import { fillIn, press } from '@/testing/form';
import { renderInRouter } from '@/testing/render-route';
import { AuthorStatus } from './author-status';

const author = { id: 3, slug: 'iris-calloway', name: 'Iris Calloway' };
const asAuthor = makeUser({ role: 'author', author });

describe('AuthorStatus', () => {
  it('makes a reader an author, then refreshes for a token with the new role', async () => {
    startSession(makeSession({ access_token: 'reader-token' }));
    const mock = mockApi({
      'POST /api/users/me/author': () => jsonResponse(201, { user: asAuthor, author }),
      'POST /api/auth/refresh': () =>
        jsonResponse(200, makeSession({ access_token: 'author-token' }, asAuthor)),
    });
    renderInRouter(<AuthorStatus user={makeUser()} />);

    await fillIn('Author bio', 'Writes about the sea.');
    await press('Become an author');

    await screen.findByRole('button', { name: 'Become an author' });
    await vi.waitFor(() => expect(getAccessToken()).toBe('author-token'));
    expect(mock.callsTo('POST /api/users/me/author')[0]?.body).toEqual({
      name: 'Iris Calloway',
      bio: 'Writes about the sea.',
    });
    expect(getSession().user?.role).toBe('author');
  });

  it('links an author to their author page', async () => {
    renderInRouter(<AuthorStatus user={asAuthor} />);

    expect(await screen.findByRole('link', { name: 'View your author page' })).toHaveAttribute(
      'href',
      '/authors/iris-calloway',
    );
  });
});
