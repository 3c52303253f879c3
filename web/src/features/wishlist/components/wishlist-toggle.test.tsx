import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { startSession } from '@/lib/session';
import { mockApi } from '@/testing/api-mock';
import { jsonResponse } from '@/testing/fetch';
import { bookSummary } from '@/testing/fixtures/catalog';
import { makeSession } from '@/testing/fixtures/users';
import { renderInRouter } from '@/testing/render-route';
import { WishlistToggle } from './wishlist-toggle';

const book = bookSummary();

describe('WishlistToggle', () => {
  it('adds the book, then takes it off again', async () => {
    startSession(makeSession());
    let items: unknown[] = [];
    const api = mockApi({
      'GET /api/wishlist': () =>
        jsonResponse(200, { items, total: items.length, limit: 100, offset: 0 }),
      'PUT /api/wishlist/1': () => {
        items = [book];
        return new Response(null, { status: 204 });
      },
      'DELETE /api/wishlist/1': () => {
        items = [];
        return new Response(null, { status: 204 });
      },
    });
    renderInRouter(<WishlistToggle book={book} />);

    const add = await screen.findByRole('button', { name: 'Add to wishlist' });
    await waitFor(() => expect(add).toBeEnabled());
    await userEvent.click(add);
    const remove = await screen.findByRole('button', { name: 'Remove from wishlist' });
    expect(remove).toHaveAttribute('aria-pressed', 'true');
    await waitFor(() => expect(api.callsTo('PUT /api/wishlist/1')).toHaveLength(1));

    await userEvent.click(remove);
    await screen.findByRole('button', { name: 'Add to wishlist' });
    await waitFor(() => expect(api.callsTo('DELETE /api/wishlist/1')).toHaveLength(1));
  });

  it('sends visitors to sign in', async () => {
    mockApi({});
    renderInRouter(<WishlistToggle book={book} />, '/books/cold-water');
    expect(
      await screen.findByRole('link', { name: 'Sign in to add to your wishlist' }),
    ).toHaveAttribute('href', expect.stringContaining('/sign-in?redirect=') as string);
  });
});
