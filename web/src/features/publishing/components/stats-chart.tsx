// Views and sales of one book per day, drawn as a small SVG: views as bars, sales as a line on
// their own scale. Hand-written rather than a chart library: two series of 30 points need about
// a hundred lines, and the libraries that would do it (recharts, chart.js) add 50-100 kB to the
// bundle. A table with the same numbers is there for screen readers.
import { useId } from 'react';
import { cn } from '@/utils/cn';
import type { DayStats } from '../schema';

const W = 340;
const H = 150;
const PAD = { top: 12, right: 26, bottom: 20, left: 28 };

const dayLabel = new Intl.DateTimeFormat(undefined, {
  month: 'short',
  day: 'numeric',
  timeZone: 'UTC',
});

function labelOf(day: string): string {
  const date = new Date(`${day}T00:00:00Z`);
  return Number.isNaN(date.getTime()) ? day : dayLabel.format(date);
}

/** A round top for an axis: 0 -> 1, 7 -> 8, 23 -> 25, 140 -> 150. */
export function niceMax(value: number): number {
  if (value <= 1) return 1;
  const magnitude = 10 ** Math.floor(Math.log10(value));
  for (const step of [1, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10]) {
    if (step * magnitude >= value) return step * magnitude;
  }
  return 10 * magnitude;
}

export function StatsChart({ days, className }: { days: DayStats[]; className?: string }) {
  const titleId = useId();
  const n = days.length;
  if (n === 0) return null;
  const maxViews = niceMax(Math.max(...days.map((d) => d.views)));
  const maxSales = niceMax(Math.max(...days.map((d) => d.purchases)));
  const plotW = W - PAD.left - PAD.right;
  const plotH = H - PAD.top - PAD.bottom;
  const slot = plotW / n;
  const barW = Math.max(2, slot * 0.62);
  const x = (i: number) => PAD.left + slot * i + slot / 2;
  const yViews = (v: number) => PAD.top + plotH - (v / maxViews) * plotH;
  const ySales = (v: number) => PAD.top + plotH - (v / maxSales) * plotH;
  const line = days
    .map((d, i) => `${i === 0 ? 'M' : 'L'}${x(i).toFixed(1)},${ySales(d.purchases).toFixed(1)}`)
    .join(' ');
  const ticks = [0, Math.floor((n - 1) / 2), n - 1].filter((v, i, all) => all.indexOf(v) === i);
  const totalViews = days.reduce((sum, d) => sum + d.views, 0);
  const totalSales = days.reduce((sum, d) => sum + d.purchases, 0);

  return (
    <figure className={cn('flex flex-col gap-3', className)} data-testid="stats-chart">
      <figcaption className="flex flex-wrap items-center gap-x-4 gap-y-1 text-xs text-ink-muted">
        <span className="inline-flex items-center gap-1.5">
          <span aria-hidden="true" className="inline-block size-2.5 rounded-sm bg-accent/60" />
          Views
        </span>
        <span className="inline-flex items-center gap-1.5">
          <span aria-hidden="true" className="inline-block h-0.5 w-3 rounded bg-positive" />
          Sales
        </span>
      </figcaption>
      <svg
        viewBox={`0 0 ${W} ${H}`}
        role="img"
        aria-labelledby={titleId}
        className="h-auto w-full overflow-visible"
      >
        <title id={titleId}>{`Last ${n} days: ${totalViews} views and ${totalSales} sales`}</title>
        {[0, 0.5, 1].map((f) => (
          <line
            key={f}
            x1={PAD.left}
            x2={W - PAD.right}
            y1={PAD.top + plotH * f}
            y2={PAD.top + plotH * f}
            className="stroke-line"
            strokeDasharray={f === 1 ? undefined : '3 4'}
          />
        ))}
        <text
          x={PAD.left - 6}
          y={PAD.top + 4}
          textAnchor="end"
          className="fill-ink-muted text-[10px]"
        >
          {maxViews}
        </text>
        <text
          x={PAD.left - 6}
          y={PAD.top + plotH + 3}
          textAnchor="end"
          className="fill-ink-muted text-[10px]"
        >
          0
        </text>
        <text x={W - PAD.right + 6} y={PAD.top + 4} className="fill-positive text-[10px]">
          {maxSales}
        </text>
        {days.map((d, i) => (
          <g key={d.day}>
            <title>{`${labelOf(d.day)}: ${d.views} views, ${d.purchases} sales`}</title>
            <rect x={x(i) - slot / 2} y={PAD.top} width={slot} height={plotH} fill="transparent" />
            <rect
              x={x(i) - barW / 2}
              y={yViews(d.views)}
              width={barW}
              height={Math.max(0, PAD.top + plotH - yViews(d.views))}
              rx={1.5}
              className="fill-accent/55"
            />
          </g>
        ))}
        <path
          d={line}
          fill="none"
          className="stroke-positive"
          strokeWidth={2}
          strokeLinejoin="round"
        />
        {days.map((d, i) =>
          d.purchases > 0 ? (
            <circle
              key={d.day}
              cx={x(i)}
              cy={ySales(d.purchases)}
              r={3}
              className="fill-positive"
            />
          ) : null,
        )}
        {ticks.map((i) => (
          <text
            key={i}
            x={x(i)}
            y={H - 4}
            textAnchor={i === 0 ? 'start' : i === n - 1 ? 'end' : 'middle'}
            className="fill-ink-muted text-[10px]"
          >
            {labelOf(days[i]?.day ?? '')}
          </text>
        ))}
      </svg>
      {totalViews === 0 && totalSales === 0 && (
        <p className="text-xs text-ink-muted">No views or sales in these days yet.</p>
      )}
      <table className="sr-only">
        <caption>Views and sales per day</caption>
        <thead>
          <tr>
            <th scope="col">Day</th>
            <th scope="col">Views</th>
            <th scope="col">Sales</th>
          </tr>
        </thead>
        <tbody>
          {days.map((d) => (
            <tr key={d.day}>
              <th scope="row">{labelOf(d.day)}</th>
              <td>{d.views}</td>
              <td>{d.purchases}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
