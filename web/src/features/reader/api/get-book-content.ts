// The book's bytes, in two steps: ask for a short-lived link (GET /api/library/{book_id}/content/link
// for the owner, with the bearer token; GET /api/books/{id}/sample/link for anyone), then fetch it
// without credentials. On S3 the link is a presigned GET to the storage origin (the page CSP's
// connect-src names it, the bucket's CORS admits the site); on disk it is this server's signed
// /api/downloads path. No Authorization header ever follows a redirect to another origin.
// Reports download progress as it reads.
import { z } from 'zod';
import { ApiError, NetworkError, api } from '@/lib/api-client';

export type ContentSource = 'owned' | 'sample';
export type BookFileKind = 'epub' | 'pdf';

export const contentLinkSchema = z.object({
  url: z.string().min(1),
  expires_at: z.string(),
  content_type: z.string(),
  size: z.number(),
});
export type ContentLink = z.infer<typeof contentLinkSchema>;

export function contentLinkPath(bookId: string, source: ContentSource): string {
  const id = encodeURIComponent(bookId);
  return source === 'sample' ? `/books/${id}/sample/link` : `/library/${id}/content/link`;
}

/** Fetches what a content link points at, without cookies or tokens. */
async function fetchLink(link: ContentLink, signal: AbortSignal | undefined): Promise<Response> {
  let response: Response;
  try {
    response = await fetch(link.url, { credentials: 'omit', signal });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new NetworkError('The book could not be downloaded', { cause: error });
  }
  if (!response.ok) {
    throw new ApiError({
      status: response.status,
      code: 'download_failed',
      message: `The book could not be downloaded (status ${response.status})`,
      requestId: response.headers.get('X-Request-Id') ?? undefined,
    });
  }
  return response;
}

async function readAll(
  response: Response,
  onProgress: ((fraction: number) => void) | undefined,
): Promise<ArrayBuffer> {
  const total = Number(response.headers.get('Content-Length') ?? 0); // CORS-safelisted: readable from S3 too
  if (!response.body || !onProgress || !total) return response.arrayBuffer();

  const reader = response.body.getReader();
  const bytes = new Uint8Array(total);
  let received = 0;
  const chunks: Uint8Array[] = [];
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    if (received + value.length <= total) bytes.set(value, received);
    else chunks.push(value);
    received += value.length;
    onProgress(Math.min(1, received / total));
  }
  if (received === total && chunks.length === 0) return bytes.buffer;
  // The length header was wrong: join what actually came.
  const joined = new Uint8Array(received);
  joined.set(bytes.subarray(0, Math.min(received, total)));
  let offset = Math.min(received, total);
  for (const chunk of chunks) {
    joined.set(chunk, offset);
    offset += chunk.length;
  }
  return joined.buffer;
}

export async function getBookContent(
  bookId: string,
  source: ContentSource,
  { signal, onProgress }: { signal?: AbortSignal; onProgress?: (fraction: number) => void } = {},
): Promise<ArrayBuffer> {
  const link = await api.get(contentLinkPath(bookId, source), { schema: contentLinkSchema, signal });
  const response = await fetchLink(link, signal);
  return readAll(response, onProgress);
}

/** EPUB is a ZIP ("PK"), PDF starts "%PDF"; null for anything else. */
export function sniffKind(data: ArrayBuffer): BookFileKind | null {
  const head = new Uint8Array(data, 0, Math.min(5, data.byteLength));
  if (head[0] === 0x50 && head[1] === 0x4b) return 'epub';
  if (String.fromCharCode(...head).startsWith('%PDF')) return 'pdf';
  return null;
}
