import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { startSession } from '@/lib/session';
import { apiError, mockApi } from '@/testing/api-mock';
import { jsonResponse } from '@/testing/fetch';
import { makeSession } from '@/testing/fixtures/users';
import { renderInRouter } from '@/testing/render-route';
import { BookReviews } from './book-reviews';

const book = { id: 12, title: 'Alice', rating_avg: 4.5, rating_count: 2 };

function review(id: number, authorId: number, name: string) {
  return {
    id,
    book_id: 12,
    rating: 5,
    title: `Title ${id}`,
    body: 'Text',
    author: { id: authorId, display_name: name },
    verified_purchase: false,
    created_at: '2026-11-20T10:00:00Z',
    updated_at: '2026-11-20T10:00:00Z',
  };
}

const page = (items: unknown[]) => ({ items, total: items.length, limit: 100, offset: 0 });

describe('BookReviews', () => {
  it('shows the form to an owner who has not reviewed yet', async () => {
    startSession(makeSession());
    mockApi({
      'GET /api/books/12/reviews': () => jsonResponse(200, page([review(1, 99, 'Someone')])),
      'GET /api/library/12': () => jsonResponse(200, {}),
    });
    renderInRouter(<BookReviews book={book} />);
    expect(await screen.findByRole('form', { name: 'Write a review' })).toBeInTheDocument();
    expect(screen.getByText('Title 1')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Report' })).toBeInTheDocument();
  });

  it('shows my review with edit and delete instead of the form', async () => {
    startSession(makeSession());
    mockApi({
      'GET /api/books/12/reviews': () => jsonResponse(200, page([review(2, 7, 'Iris')])),
      'GET /api/library/12': () => jsonResponse(200, {}),
    });
    renderInRouter(<BookReviews book={book} />);
    expect(await screen.findByText('Your review')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Edit' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Delete' })).toBeInTheDocument();
    expect(screen.queryByRole('form', { name: 'Write a review' })).not.toBeInTheDocument();
  });

  it('tells readers who do not own the book that only owners review', async () => {
    startSession(makeSession());
    mockApi({
      'GET /api/books/12/reviews': () => jsonResponse(200, page([])),
      'GET /api/library/12': () => apiError(404, 'not_found', 'not in your library'),
    });
    renderInRouter(<BookReviews book={book} />);
    expect(
      await screen.findByText('Only readers who have this book in their library can review it.'),
    ).toBeInTheDocument();
    expect(screen.queryByRole('form')).not.toBeInTheDocument();
  });
});
