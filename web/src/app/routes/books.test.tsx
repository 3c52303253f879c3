// The browse page keeps its filters, sort and page in the URL, and asks the API for exactly that.
import { RouterProvider, createMemoryHistory } from '@tanstack/react-router';
import { screen, waitFor } from '@testing-library/react';
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
  const lastList = () => api.callsTo('GET /api/books').at(-1)?.search;
  return { api, router, lastList };
}

describe('browse page', { timeout: 20_000 }, () => {
  it('reads filters and sort from the URL into the controls and the API call', async () => {
    const { lastList } = renderAt('/books?price=free&sort=price_asc&language=fr&page=2');

    expect(await screen.findByRole('heading', { level: 1, name: 'Browse books' })).toBeVisible();
    expect(screen.getByLabelText('Price')).toHaveValue('free');
    expect(screen.getByLabelText('Sort by')).toHaveValue('price_asc');
    await waitFor(() => expect(lastList()?.get('free')).toBe('true'));
    expect(lastList()?.get('sort')).toBe('price_asc');
    expect(lastList()?.get('language')).toBe('fr');
    expect(lastList()?.get('offset')).toBe('24');
    expect(lastList()?.get('limit')).toBe('24');
  });

  it('writes a changed filter to the URL and goes back to the first page', async () => {
    const { router, lastList } = renderAt('/books?sort=rating&page=3');

    await userEvent.selectOptions(await screen.findByLabelText('Language'), 'es');

    await waitFor(() =>
      expect(router.state.location.search).toEqual({ sort: 'rating', language: 'es' }),
    );
    await waitFor(() => expect(lastList()?.get('language')).toBe('es'));
    expect(lastList()?.get('offset')).toBe('0');
  });

  it('writes the sort to the URL, leaving the default out', async () => {
    const { router } = renderAt('/books?sort=title');

    await userEvent.selectOptions(await screen.findByLabelText('Sort by'), 'price_desc');
    await waitFor(() => expect(router.state.location.search).toEqual({ sort: 'price_desc' }));
    await userEvent.selectOptions(screen.getByLabelText('Sort by'), 'newest');
    await waitFor(() => expect(router.state.location.search).toEqual({}));
  });

  it('removes a filter from its chip', async () => {
    const { router } = renderAt('/books?price=under-5&format=pdf');

    await userEvent.click(await screen.findByRole('button', { name: 'Remove filter: Under $5' }));
    await waitFor(() => expect(router.state.location.search).toEqual({ format: 'pdf' }));
    await userEvent.click(screen.getByRole('button', { name: 'Clear all' }));
    await waitFor(() => expect(router.state.location.search).toEqual({}));
  });

  it('sends a price band as the API price range', async () => {
    const { lastList } = renderAt('/books?price=5-10');

    await waitFor(() => expect(lastList()?.get('price_min')).toBe('500'));
    expect(lastList()?.get('price_max')).toBe('999');
    expect(lastList()?.has('free')).toBe(false);
  });

  it('drops values the URL should not hold instead of failing', async () => {
    const { lastList } = renderAt('/books?sort=cheapest&page=-4&format=mobi&price=1');

    expect(await screen.findByRole('heading', { level: 1, name: 'Browse books' })).toBeVisible();
    await waitFor(() => expect(lastList()?.get('sort')).toBe('newest'));
    expect(lastList()?.get('offset')).toBe('0');
    expect(lastList()?.has('format')).toBe(false);
  });

  it('lists the books with links to their pages', async () => {
    renderAt('/books');

    const list = await screen.findByRole('list', { name: 'Books' });
    expect(list.querySelectorAll('[data-testid=book-card]')).toHaveLength(2);
    expect(screen.getByText('2', { selector: 'span' })).toBeInTheDocument();
  });
});
