import { RouterProvider, createMemoryHistory } from '@tanstack/react-router';
import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { jsonResponse, mockFetch } from '@/testing/fetch';
import { healthOk } from '@/testing/fixtures/health';
import { renderWithProviders } from '@/testing/render';
import { createAppRouter } from './router';

function renderAt(path: string) {
  const router = createAppRouter({ history: createMemoryHistory({ initialEntries: [path] }) });
  return renderWithProviders(<RouterProvider router={router} />);
}

describe('router', () => {
  it('renders the home page inside the layout', async () => {
    mockFetch(jsonResponse(200, healthOk));
    renderAt('/');

    expect(await screen.findByRole('heading', { level: 1 })).toHaveTextContent(
      'Stories worth staying up for.',
    );
    expect(screen.getByRole('searchbox', { name: 'Search books and authors' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'MANGU Publishing, home' })).toHaveAttribute(
      'href',
      '/',
    );
    expect(await screen.findByTestId('health-status')).toHaveTextContent('ok');
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
