import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { jsonResponse, mockFetch } from '@/testing/fetch';
import { healthDown, healthOk } from '@/testing/fixtures/health';
import { renderWithProviders } from '@/testing/render';
import { HealthPanel } from './health-panel';

describe('HealthPanel', () => {
  it('loads GET /api/health and shows the report', async () => {
    const spy = mockFetch(jsonResponse(200, healthOk));
    renderWithProviders(<HealthPanel />);

    expect(screen.getByText('Checking the server…')).toBeInTheDocument();
    expect(await screen.findByTestId('health-status')).toHaveTextContent('ok');
    expect(spy.mock.calls[0]?.[0]).toBe('/api/health');
  });

  it('shows the report a 503 carries instead of an error', async () => {
    mockFetch(jsonResponse(503, healthDown));
    renderWithProviders(<HealthPanel />);

    expect(await screen.findByTestId('health-status')).toHaveTextContent('down');
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('explains an unreachable server and retries on request', async () => {
    mockFetch(new TypeError('fetch failed'), jsonResponse(200, healthOk));
    renderWithProviders(<HealthPanel />);

    expect(await screen.findByRole('alert')).toHaveTextContent('Cannot reach the server');
    await userEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByTestId('health-status')).toHaveTextContent('ok');
  });

  it('shows the message and request id of an API error', async () => {
    mockFetch(
      jsonResponse(500, {
        error: { code: 'internal', message: 'internal error', request_id: 'req-500' },
      }),
    );
    renderWithProviders(<HealthPanel />);

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('The server answered with an error');
    expect(alert).toHaveTextContent('internal error');
    expect(alert).toHaveTextContent('req-500');
  });
});
