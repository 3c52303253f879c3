// The book page, and the friendly 404 for a book the API does not know.
import { RouterProvider, createMemoryHistory } from '@tanstack/react-router';
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { mockApi } from '@/testing/api-mock';
import { catalogHandlers } from '@/testing/fixtures/catalog';
import { renderWithProviders } from '@/testing/render';
import { createAppRouter } from '../router';

function renderAt(path: string) {
  mockApi(catalogHandlers());
  const router = createAppRouter({ history: createMemoryHistory({ initialEntries: [path] }) });
  renderWithProviders(<RouterProvider router={router} />);
  return router;
}

describe('book page', { timeout: 20_000 }, () => {
  it('shows the book with its authors, price, details, categories and related books', async () => {
    renderAt('/books/cold-water');

    expect(await screen.findByRole('heading', { level: 1, name: 'Cold Water' })).toBeVisible();
    const details = screen.getByTestId('book-details');
    expect(within(details).getByRole('link', { name: 'Jonas Lindqvist' })).toHaveAttribute(
      'href',
      '/authors/jonas-lindqvist',
    );
    expect(within(details).getByRole('img', { name: 'Cover of Cold Water' })).toBeVisible();
    expect(within(details).getAllByTestId('price')[0]).toHaveTextContent('$9.99');
    const facts = within(details).getByRole('region', { name: 'Details' });
    expect(facts).toHaveTextContent('Harbour Press');
    expect(facts).toHaveTextContent('312');
    expect(facts).toHaveTextContent('978-0306406157');
    expect(within(details).getAllByRole('link', { name: 'Crime' })[0]).toHaveAttribute(
      'href',
      '/categories/crime',
    );
    expect(within(screen.getByTestId('related-books')).getAllByTestId('book-card')).toHaveLength(1);
    expect(document.title).toBe('Cold Water · MANGU Publishing');
  });

  it('shows a friendly 404 for an unknown book', async () => {
    renderAt('/books/no-such-book');

    expect(await screen.findByRole('heading', { level: 1, name: 'Book not found' })).toBeVisible();
    expect(screen.getByRole('link', { name: 'Browse books' })).toHaveAttribute('href', '/books');
    expect(document.title).toBe('Book not found · MANGU Publishing');
  });
});
