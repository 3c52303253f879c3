import { RouterProvider, createMemoryHistory } from '@tanstack/react-router';
import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { mockApi } from '@/testing/api-mock';
import { jsonResponse } from '@/testing/fetch';
import { catalogHandlers } from '@/testing/fixtures/catalog';
import { healthOk } from '@/testing/fixtures/health';
import { renderWithProviders } from '@/testing/render';
import { createAppRouter } from './router';

function renderAt(path: string) {
  const router = createAppRouter({ history: createMemoryHistory({ initialEntries: [path] }) });
  return renderWithProviders(<RouterProvider router={router} />);
}

describe('router', { timeout: 20_000 }, () => {
  it('renders the storefront as the home page inside the layout', async () => {
    mockApi(catalogHandlers());
    renderAt('/');

    expect(await screen.findByRole('heading', { level: 1 })).toHaveTextContent(
      'MANGU Publishing: books to discover, buy and read',
    );
    expect(screen.getByRole('combobox', { name: 'Search books and authors' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'MANGU Publishing, home' })).toHaveAttribute(
      'href',
      '/',
    );
    expect(
      await screen.findByRole('heading', { level: 2, name: 'Cold Water' }),
    ).toBeInTheDocument();
    expect(await screen.findByRole('heading', { name: 'Trending now' })).toBeInTheDocument();
    // Genres are the subcategories, or a top-level category that has none.
    const genres = await screen.findAllByTestId('genre-tile');
    expect(genres.map((g) => g.getAttribute('href'))).toEqual([
      '/categories/fantasy',
      '/categories/crime',
    ]);
  });

  it('shows the server status on /status', async () => {
    mockApi({ 'GET /api/health': () => jsonResponse(200, healthOk) });
    renderAt('/status');

    expect(await screen.findByRole('heading', { level: 1, name: 'Status' })).toBeVisible();
    expect(await screen.findByTestId('health-status')).toHaveTextContent('ok');
    expect(document.title).toBe('Status · MANGU Publishing');
  });

  it('shows the 404 page for an unknown path', async () => {
    renderAt('/some/unknown/page');

    expect(
      await screen.findByRole('heading', { level: 1, name: 'Page not found' }),
    ).toBeInTheDocument();
    expect(screen.getByText('/some/unknown/page')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Back to the home page' })).toHaveAttribute(
      'href',
      '/',
    );
    expect(document.title).toBe('Page not found · MANGU Publishing');
  });
});
