// The search page: highlighted hits, "did you mean", and facets that live in the URL.
import { RouterProvider, createMemoryHistory } from '@tanstack/react-router';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { mockApi } from '@/testing/api-mock';
import { catalogHandlers } from '@/testing/fixtures/catalog';
import { renderWithProviders } from '@/testing/render';
import { createAppRouter } from '../router';

function renderAt(path: string) {
  const api = mockApi(catalogHandlers());
  const router = createAppRouter({ history: createMemoryHistory({ initialEntries: [path] }) });
  renderWithProviders(<RouterProvider router={router} />);
  const lastSearch = () => api.callsTo('GET /api/books/search').at(-1)?.search;
  return { api, router, lastSearch };
}

describe('search page', { timeout: 20_000 }, () => {
  it('shows hits with the matched words marked, and offers "did you mean"', async () => {
    const { lastSearch } = renderAt('/search?q=alcie%20wonderlnd');

    expect(
      await screen.findByRole('heading', { level: 1, name: 'Results for “alcie wonderlnd”' }),
    ).toBeVisible();
    const hit = await screen.findByTestId('search-result');
    const marks = [...hit.querySelectorAll('mark')].map((m) => m.textContent);
    expect(marks).toEqual(['Alice', 'Wonderland']);
    expect(within(hit).getByRole('link')).toHaveAttribute(
      'href',
      '/books/alices-adventures-in-wonderland',
    );
    expect(screen.getByRole('link', { name: 'alice wonderland' })).toHaveAttribute(
      'href',
      '/search?q=alice+wonderland',
    );
    expect(lastSearch()?.get('q')).toBe('alcie wonderlnd');
    expect(document.title).toBe('“alcie wonderlnd” · MANGU Publishing');
  });

  it('filters by a facet through the URL', async () => {
    const { router, lastSearch } = renderAt('/search?q=alice&page=2');

    const facets = await screen.findByTestId('search-facets');
    const category = within(facets).getByRole('group', { name: 'Category' });
    await userEvent.click(within(category).getByRole('radio', { name: /Fantasy/ }));

    await waitFor(() =>
      expect(router.state.location.search).toEqual({ q: 'alice', category: 'fantasy' }),
    );
    await waitFor(() => expect(lastSearch()?.get('category')).toBe('fantasy'));
    expect(lastSearch()?.get('offset')).toBe('0');
    expect(within(category).getByRole('radio', { name: /Fantasy/ })).toBeChecked();

    await userEvent.click(within(category).getByRole('radio', { name: 'All' }));
    await waitFor(() => expect(router.state.location.search).toEqual({ q: 'alice' }));
  });

  it('reads facet choices from the URL', async () => {
    const { lastSearch } = renderAt('/search?q=alice&language=en&price=free');

    const facets = await screen.findByTestId('search-facets');
    const price = within(facets).getByRole('group', { name: 'Price' });
    expect(within(price).getByRole('radio', { name: /Free/ })).toBeChecked();
    expect(lastSearch()?.get('language')).toBe('en');
    expect(lastSearch()?.get('price')).toBe('free');
  });

  it('asks for a query when there is none, without calling the API', async () => {
    const { api } = renderAt('/search');

    expect(
      await screen.findByRole('heading', { level: 1, name: 'Search the store' }),
    ).toBeVisible();
    expect(api.callsTo('GET /api/books/search')).toHaveLength(0);
  });
});
