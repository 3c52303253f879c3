// Where to open a book, and when to offer another device's position. The server keeps the
// latest position of all my devices and which device wrote it; this browser remembers what it
// last saved itself. If the latest writer is another device and its position is not ours, it is
// newer than what we saved (ours would otherwise be the latest), so we offer to jump there.
import { type Progress } from '../schema';

const PREFIX = 'mangu-reader-position:';

/** What this browser last saved for a book, and the remote position it last answered. */
export type LocalRecord = { position: string; progress: number; answered?: string | null };

export type RemotePosition = {
  position: string;
  progress: number;
  deviceName: string | null;
  updatedAt: string | null;
};

export type ResumeDecision =
  | { kind: 'start' }
  | { kind: 'open'; position: string }
  | { kind: 'offer'; position: string; remote: RemotePosition };

function remoteKey(server: Progress): string {
  return `${server.device_id ?? ''}@${server.updated_at ?? ''}@${server.position ?? ''}`;
}

/** Another device's position worth offering, or null. */
export function remoteToOffer(
  server: Progress | null | undefined,
  local: LocalRecord | null,
  deviceId: string,
): RemotePosition | null {
  if (!server?.position || !server.device_id) return null;
  if (server.device_id === deviceId) return null;
  if (local && local.position === server.position) return null;
  if (local?.answered && local.answered === remoteKey(server)) return null;
  return {
    position: server.position,
    progress: server.progress,
    deviceName: server.device_name ?? null,
    updatedAt: server.updated_at ?? null,
  };
}

/** Opening a book: start, resume at the server's position, or open here and offer the other. */
export function decideResume(
  server: Progress | null | undefined,
  local: LocalRecord | null,
  deviceId: string,
): ResumeDecision {
  if (!local) {
    // This browser never read the book: go where the reader is, wherever that was.
    return server?.position ? { kind: 'open', position: server.position } : { kind: 'start' };
  }
  const remote = remoteToOffer(server, local, deviceId);
  if (remote) return { kind: 'offer', position: local.position, remote };
  if (server?.position && server.device_id === deviceId) {
    return { kind: 'open', position: server.position };
  }
  return { kind: 'open', position: local.position };
}

/** The answer to an offer, so the same remote position is not offered again. */
export function answeredKey(server: Progress): string {
  return remoteKey(server);
}

export function readLocalRecord(bookKey: string): LocalRecord | null {
  try {
    const value: unknown = JSON.parse(window.localStorage.getItem(PREFIX + bookKey) ?? 'null');
    if (!value || typeof value !== 'object') return null;
    const { position, progress, answered } = value as Record<string, unknown>;
    if (typeof position !== 'string' || typeof progress !== 'number') return null;
    return { position, progress, answered: typeof answered === 'string' ? answered : null };
  } catch {
    return null;
  }
}

export function writeLocalRecord(bookKey: string, record: LocalRecord): void {
  try {
    window.localStorage.setItem(PREFIX + bookKey, JSON.stringify(record));
  } catch {
    /* storage off: offers fall back to "open where the server is" */
  }
}
