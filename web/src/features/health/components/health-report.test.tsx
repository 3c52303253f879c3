import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { healthDegraded, healthDown, healthOk } from '@/testing/fixtures/health';
import { healthSchema } from '../schema';
import { HealthReport } from './health-report';

function renderReport(body: unknown) {
  return render(<HealthReport health={healthSchema.parse(body)} />);
}

describe('HealthReport', () => {
  it('shows an ok server with each dependency, version and uptime', () => {
    renderReport(healthOk);

    expect(screen.getByTestId('health-status')).toHaveTextContent(/^ok$/);
    expect(screen.getByRole('status')).toHaveTextContent('All systems are running.');
    const rows = within(screen.getByRole('list')).getAllByRole('listitem');
    expect(rows).toHaveLength(2);
    expect(rows[0]).toHaveTextContent(/Database.*sqlite.*0\.4 ms.*up/);
    expect(rows[1]).toHaveTextContent(/Cache.*memory.*0\.01 ms.*up/);
    expect(screen.getByText('0.1.0')).toBeInTheDocument();
    expect(screen.getByText('12s')).toHaveAttribute('datetime', 'PT12S');
  });

  it('shows a degraded server and the failing dependency with its error', () => {
    renderReport(healthDegraded);

    expect(screen.getByTestId('health-status')).toHaveTextContent(/^degraded$/);
    expect(screen.getByRole('status')).toHaveTextContent(/reduced service/);
    expect(screen.getByTestId('health-check-cache')).toHaveTextContent('down');
    expect(screen.getByTestId('health-check-database')).toHaveTextContent('up');
    expect(screen.getByText('connection refused')).toBeInTheDocument();
    expect(screen.getByText('2h 5m')).toBeInTheDocument();
  });

  it('shows a down server', () => {
    renderReport(healthDown);

    expect(screen.getByTestId('health-status')).toHaveTextContent(/^down$/);
    expect(screen.getByRole('status')).toHaveTextContent(
      /Overall status: down\. .*cannot serve requests/,
    );
    expect(screen.getByTestId('health-check-database')).toHaveTextContent('down');
    expect(screen.getByText('could not connect to server')).toBeInTheDocument();
    expect(screen.getByText('1d 1h')).toBeInTheDocument();
  });

  it('says so when the server reports no dependencies', () => {
    renderReport({ ...healthOk, checks: {} });

    expect(screen.getByText('The server reported no dependencies.')).toBeInTheDocument();
  });
});
