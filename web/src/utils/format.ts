// Human-readable durations for status displays.

/** 12 -> "12s", 200 -> "3m 20s", 7500 -> "2h 5m", 356400 -> "4d 3h". */
export function formatUptime(totalSeconds: number): string {
  const s = Math.max(0, Math.floor(totalSeconds));
  const days = Math.floor(s / 86_400);
  const hours = Math.floor((s % 86_400) / 3_600);
  const minutes = Math.floor((s % 3_600) / 60);
  const seconds = s % 60;

  if (days > 0) return hours > 0 ? `${days}d ${hours}h` : `${days}d`;
  if (hours > 0) return minutes > 0 ? `${hours}h ${minutes}m` : `${hours}h`;
  if (minutes > 0) return seconds > 0 ? `${minutes}m ${seconds}s` : `${minutes}m`;
  return `${seconds}s`;
}

/** 0.4 -> "0.4 ms", 0.004 -> "<0.01 ms", 12.34 -> "12 ms". */
export function formatLatency(ms: number): string {
  if (ms < 0.01) return '<0.01 ms';
  if (ms < 10) return `${Number(ms.toFixed(2))} ms`;
  return `${Math.round(ms)} ms`;
}
