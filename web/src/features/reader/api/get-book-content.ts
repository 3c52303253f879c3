// The book's bytes: GET /api/library/{book_id}/content for the owner (the bearer token is needed,
// so it is fetched rather than linked), or the public GET /api/books/{id}/sample. Both may answer
// 302 to a short-lived storage URL, which fetch follows. Reports download progress as it reads.
import { apiFetch } from '@/lib/api-client';

export type ContentSource = 'owned' | 'sample';
export type BookFileKind = 'epub' | 'pdf';

export function contentPath(bookId: string, source: ContentSource): string {
  const id = encodeURIComponent(bookId);
  return source === 'sample' ? `/books/${id}/sample` : `/library/${id}/content`;
}

async function readAll(
  response: Response,
  onProgress: ((fraction: number) => void) | undefined,
): Promise<ArrayBuffer> {
  const total = Number(response.headers.get('Content-Length') ?? 0);
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
  const response = await apiFetch(contentPath(bookId, source), { signal });
  return readAll(response, onProgress);
}

/** EPUB is a ZIP ("PK"), PDF starts "%PDF"; null for anything else. */
export function sniffKind(data: ArrayBuffer): BookFileKind | null {
  const head = new Uint8Array(data, 0, Math.min(5, data.byteLength));
  if (head[0] === 0x50 && head[1] === 0x4b) return 'epub';
  if (String.fromCharCode(...head).startsWith('%PDF')) return 'pdf';
  return null;
}
