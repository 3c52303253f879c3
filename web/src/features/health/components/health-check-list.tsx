// One row per dependency the server checked: name, driver, latency, state.
import { formatLatency } from '@/utils/format';
import type { HealthCheck } from '../schema';
import { StatusBadge } from './status-badge';

function label(name: string): string {
  return (name.charAt(0).toUpperCase() + name.slice(1)).replace(/_/g, ' ');
}

function CheckRow({ name, check }: { name: string; check: HealthCheck }) {
  return (
    <li className="flex flex-col gap-1 py-3 first:pt-0 last:pb-0">
      <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
        <span className="font-medium text-ink">{label(name)}</span>
        {check.driver && (
          <span className="rounded-md bg-surface-raised px-1.5 py-0.5 font-mono text-xs text-ink-muted">
            {check.driver}
          </span>
        )}
        <span className="ml-auto flex items-center gap-3">
          {check.latency_ms !== undefined && (
            <span className="text-sm text-ink-muted tabular-nums">
              <span className="sr-only">latency </span>
              {formatLatency(check.latency_ms)}
            </span>
          )}
          <StatusBadge status={check.status} testId={`health-check-${name}`} />
        </span>
      </div>
      {check.error && <p className="text-sm text-negative">{check.error}</p>}
    </li>
  );
}

export function HealthCheckList({ checks }: { checks: Record<string, HealthCheck> }) {
  const entries = Object.entries(checks);

  if (entries.length === 0) {
    return <p className="text-sm text-ink-muted">The server reported no dependencies.</p>;
  }
  return (
    <ul className="divide-y divide-line">
      {entries.map(([name, check]) => (
        <CheckRow key={name} name={name} check={check} />
      ))}
    </ul>
  );
}
