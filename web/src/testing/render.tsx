// Render helpers: components get a fresh query client that never retries.
import { QueryClient } from '@tanstack/react-query';
import { type RenderResult, render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { AppProvider } from '@/app/provider';

export function createTestQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: { queries: { retry: false, gcTime: Infinity }, mutations: { retry: false } },
  });
}

export function renderWithProviders(
  ui: ReactElement,
  queryClient = createTestQueryClient(),
): RenderResult {
  return render(<AppProvider queryClient={queryClient}>{ui}</AppProvider>);
}
