// Sends a file's bytes to an upload target with XMLHttpRequest, because fetch() reports no upload
// progress and XHR's upload.onprogress does. The target comes from POST /api/books/{id}/files:
// a presigned S3 PUT or the server's own signed /api/uploads URL. Its headers are signed, so
// they are sent exactly, except those the browser sets itself (Content-Length).
import { ApiError, NetworkError } from '@/lib/api-client';
import type { UploadTarget } from '../schema';

export type UploadProgress = { loaded: number; total: number };

/** Headers a page may not set; the browser sends the right values itself. */
const BROWSER_SET = new Set(['content-length', 'host', 'connection', 'accept-encoding']);

/** The server's JSON error, or an S3 XML error, as an ApiError. */
function errorOf(xhr: XMLHttpRequest): ApiError {
  const requestId = xhr.getResponseHeader('X-Request-Id') ?? undefined;
  try {
    const body = JSON.parse(xhr.responseText) as {
      error?: { code?: string; message?: string; details?: Record<string, unknown> };
    };
    if (body.error?.code) {
      return new ApiError({
        status: xhr.status,
        code: body.error.code,
        message: body.error.message ?? 'The upload was refused',
        details: body.error.details,
        requestId,
      });
    }
  } catch {
    /* not JSON: S3 answers XML */
  }
  const s3 = /<Message>([^<]*)<\/Message>/.exec(xhr.responseText ?? '');
  return new ApiError({
    status: xhr.status,
    code: 'upload_failed',
    message: s3?.[1] ?? `The upload failed with status ${xhr.status}`,
    requestId,
  });
}

export function uploadWithProgress(
  target: UploadTarget,
  body: Blob,
  onProgress: (progress: UploadProgress) => void,
  signal?: AbortSignal,
): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(new DOMException('The upload was cancelled', 'AbortError'));
      return;
    }
    const xhr = new XMLHttpRequest();
    xhr.open(target.method || 'PUT', target.url);
    for (const [name, value] of Object.entries(target.headers)) {
      if (!BROWSER_SET.has(name.toLowerCase())) xhr.setRequestHeader(name, value);
    }
    xhr.upload.onprogress = (event) => {
      onProgress({
        loaded: event.loaded,
        total: event.lengthComputable && event.total > 0 ? event.total : body.size,
      });
    };
    xhr.onload = () => {
      signal?.removeEventListener('abort', abort);
      if (xhr.status >= 200 && xhr.status < 300) {
        onProgress({ loaded: body.size, total: body.size });
        resolve();
      } else {
        reject(errorOf(xhr));
      }
    };
    xhr.onerror = () => {
      signal?.removeEventListener('abort', abort);
      reject(new NetworkError('The upload could not reach the server'));
    };
    xhr.onabort = () => {
      signal?.removeEventListener('abort', abort);
      reject(new DOMException('The upload was cancelled', 'AbortError'));
    };
    const abort = () => xhr.abort();
    signal?.addEventListener('abort', abort);
    xhr.send(body);
  });
}

/** The file's type, or one guessed from its name when the browser does not know it (.epub). */
export function contentTypeOf(file: File): string {
  if (file.type) return file.type;
  const name = file.name.toLowerCase();
  if (name.endsWith('.epub')) return 'application/epub+zip';
  if (name.endsWith('.pdf')) return 'application/pdf';
  if (name.endsWith('.jpg') || name.endsWith('.jpeg')) return 'image/jpeg';
  if (name.endsWith('.png')) return 'image/png';
  if (name.endsWith('.webp')) return 'image/webp';
  return 'application/octet-stream';
}

/** 1536 -> "1.5 KB", 3_400_000 -> "3.2 MB". */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ['KB', 'MB', 'GB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${value >= 10 ? Math.round(value) : value.toFixed(1)} ${units[unit]}`;
}
