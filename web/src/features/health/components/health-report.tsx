// The server's health report: overall state, each dependency, version and uptime.
import { formatUptime } from '@/utils/format';
import type { Health, HealthStatus } from '../schema';
import { HealthCheckList } from './health-check-list';
import { StatusBadge } from './status-badge';

const summaries: Record<HealthStatus, string> = {
  ok: 'All systems are running.',
  degraded: 'Running with reduced service. Some features may be slow or missing.',
  down: 'The server cannot serve requests right now.',
};

export function HealthReport({ health }: { health: Health }) {
  return (
    <div className="flex flex-col gap-6">
      <div className="flex flex-wrap items-center gap-x-4 gap-y-2">
        <StatusBadge status={health.status} size="lg" testId="health-status" />
        <p role="status" className="min-w-48 flex-1 text-ink-muted">
          <span className="sr-only">Overall status: {health.status}. </span>
          {summaries[health.status]}
        </p>
      </div>

      <div>
        <h3 className="mb-3 text-xs font-semibold tracking-[0.2em] text-ink-muted uppercase">
          Dependencies
        </h3>
        <HealthCheckList checks={health.checks} />
      </div>

      <dl className="grid grid-cols-2 gap-4 border-t border-line pt-5 text-sm">
        <div>
          <dt className="text-ink-muted">Version</dt>
          <dd className="mt-1 font-mono text-ink">{health.version}</dd>
        </div>
        <div>
          <dt className="text-ink-muted">Uptime</dt>
          <dd className="mt-1 text-ink tabular-nums">
            <time dateTime={`PT${Math.floor(health.uptime_s)}S`}>
              {formatUptime(health.uptime_s)}
            </time>
          </dd>
        </div>
      </dl>
    </div>
  );
}
