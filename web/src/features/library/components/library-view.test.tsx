import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { startSession } from '@/lib/session';
import { mockApi } from '@/testing/api-mock';
import { jsonResponse } from '@/testing/fetch';
import { bookSummary, freeBook } from '@/testing/fixtures/catalog';
import { makeSession } from '@/testing/fixtures/users';
import { renderInRouter } from '@/testing/render-route';
import { LibraryView } from './library-view';

function entry(book: Record<string, unknown>, progress: number, position: string | null) {
  return {
    book,
    source: 'free',
    progress,
    position,
    position_device: position ? 'laptop' : null,
    position_device_name: position ? 'Laptop' : null,
    last_read_at: position ? '2026-11-25T10:00:00Z' : null,
    added_at: '2026-11-20T10:00:00Z',
    downloads: 1,
  };
}

describe('LibraryView', () => {
  it('lists my books with their progress and asks the API for the chosen order', async () => {
    startSession(makeSession());
    const api = mockApi({
      'GET /api/library': () =>
        jsonResponse(200, {
          items: [entry(freeBook, 0.37, 'epubcfi(/6/4)'), entry(bookSummary(), 0, null)],
          total: 2,
          limit: 100,
          offset: 0,
        }),
    });
    const onSortChange = vi.fn();
    renderInRouter(<LibraryView sort="last_read" onSortChange={onSortChange} />);

    expect(await screen.findAllByTestId('library-card')).toHaveLength(2);
    expect(screen.getByRole('progressbar', { name: '37% read' })).toHaveAttribute(
      'aria-valuenow',
      '37',
    );
    expect(screen.getByRole('progressbar', { name: 'Not started' })).toBeInTheDocument();
    expect(screen.getAllByTestId('last-device').map((p) => p.textContent)).toEqual([
      'Last read on Laptop',
    ]);
    expect(
      screen.getByRole('link', { name: "Continue reading Alice's Adventures in Wonderland" }),
    ).toHaveAttribute('href', '/read/7');
    expect(api.calls[0]?.search.get('sort')).toBe('last_read');

    await userEvent.selectOptions(screen.getByLabelText('Sort by'), 'title');
    expect(onSortChange).toHaveBeenCalledWith('title');
  });

  it('invites an empty library to the store', async () => {
    startSession(makeSession());
    mockApi({
      'GET /api/library': () => jsonResponse(200, { items: [], total: 0, limit: 100, offset: 0 }),
    });
    renderInRouter(<LibraryView sort="added" onSortChange={() => undefined} />);
    expect(await screen.findByText('Your library is empty')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Browse free books' })).toHaveAttribute(
      'href',
      '/books?price=free',
    );
  });
});
