import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { startSession } from '@/lib/session';
import { apiError, fieldErrors, mockApi } from '@/testing/api-mock';
import { jsonResponse } from '@/testing/fetch';
import { makeSession } from '@/testing/fixtures/users';
import { describedText, fillIn, press } from '@/testing/form';
import { renderWithProviders } from '@/testing/render';
import { ReviewForm } from './review-form';

const review = {
  id: 3,
  book_id: 12,
  rating: 4,
  title: 'Curiouser',
  body: 'A delight.',
  author: { id: 7, display_name: 'Iris Calloway' },
  verified_purchase: true,
  created_at: '2026-11-20T10:00:00Z',
  updated_at: '2026-11-20T10:00:00Z',
};

describe('ReviewForm', () => {
  it('asks for a rating before calling the API', async () => {
    const api = mockApi({});
    renderWithProviders(<ReviewForm bookId={12} />);

    await press('Post review');

    expect(await screen.findByText('Choose a rating from 1 to 5 stars.')).toBeInTheDocument();
    const star = screen.getByRole('radio', { name: '1 star' });
    expect(star).toHaveAttribute('aria-invalid', 'true');
    expect(star).toHaveFocus();
    expect(api.calls).toHaveLength(0);
  });

  it('posts the rating, title and text', async () => {
    startSession(makeSession());
    const api = mockApi({ 'POST /api/books/12/reviews': () => jsonResponse(201, review) });
    renderWithProviders(<ReviewForm bookId={12} />);

    await userEvent.click(screen.getByRole('radio', { name: '4 stars' }));
    await fillIn('Title', 'Curiouser');
    await fillIn('Your review', 'A delight.');
    await press('Post review');

    await waitFor(() => expect(api.callsTo('POST /api/books/12/reviews')).toHaveLength(1));
    expect(api.callsTo('POST /api/books/12/reviews')[0]?.body).toEqual({
      rating: 4,
      title: 'Curiouser',
      body: 'A delight.',
    });
  });

  it("shows the API's details.fields beside the fields they name", async () => {
    startSession(makeSession());
    mockApi({
      'POST /api/books/12/reviews': () =>
        fieldErrors({ rating: 'a whole number from 1 to 5', body: 'at most 10000 characters' }),
    });
    renderWithProviders(<ReviewForm bookId={12} />);

    await userEvent.click(screen.getByRole('radio', { name: '5 stars' }));
    await fillIn('Your review', 'Far too long');
    await press('Post review');

    expect(await screen.findByText('A whole number from 1 to 5')).toBeInTheDocument();
    expect(describedText(screen.getByLabelText('Your review'))).toContain(
      'At most 10000 characters',
    );
    expect(screen.getByRole('radio', { name: '5 stars' })).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByRole('alert')).toBeEmptyDOMElement();
  });

  it('explains a second review (409) and a non-owner (403) in the alert', async () => {
    startSession(makeSession());
    mockApi({
      'POST /api/books/12/reviews': () => apiError(409, 'conflict', 'already reviewed'),
    });
    renderWithProviders(<ReviewForm bookId={12} />);
    await userEvent.click(screen.getByRole('radio', { name: '3 stars' }));
    await press('Post review');
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'You have already reviewed this book. Edit your review instead.',
    );
  });

  it('edits my review with PATCH .../reviews/mine', async () => {
    startSession(makeSession());
    const api = mockApi({
      'PATCH /api/books/12/reviews/mine': () => jsonResponse(200, { ...review, rating: 2 }),
    });
    renderWithProviders(<ReviewForm bookId={12} review={review} />);

    expect(screen.getByRole('radio', { name: '4 stars' })).toBeChecked();
    await userEvent.click(screen.getByRole('radio', { name: '2 stars' }));
    await press('Save review');

    await waitFor(() => expect(api.callsTo('PATCH /api/books/12/reviews/mine')).toHaveLength(1));
    expect(api.callsTo('PATCH /api/books/12/reviews/mine')[0]?.body).toEqual({
      rating: 2,
      title: 'Curiouser',
      body: 'A delight.',
    });
  });
});
