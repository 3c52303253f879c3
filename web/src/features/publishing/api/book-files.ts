// A book's files: GET /api/books/{id}/files (every version, newest first), and the three steps
// of an upload: ask for a target (POST .../files), send the bytes there (utils/xhr-upload.ts),
// then have the server validate them (POST .../files/{file_id}/complete).
import { queryOptions, useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { api } from '@/lib/api-client';
import {
  type BookFile,
  type CompleteAnswer,
  type FileKind,
  bookFileSchema,
  completeAnswerSchema,
  requestUploadAnswerSchema,
} from '../schema';

export function listBookFiles(bookId: number, signal?: AbortSignal): Promise<BookFile[]> {
  return api
    .get(`/books/${bookId}/files`, { schema: z.object({ items: z.array(bookFileSchema) }), signal })
    .then((answer) => answer.items);
}

export function bookFilesQueryOptions(bookId: number) {
  return queryOptions({
    queryKey: ['publishing', 'files', bookId],
    queryFn: ({ signal }) => listBookFiles(bookId, signal),
  });
}

export function useBookFiles(bookId: number | null) {
  return useQuery({ ...bookFilesQueryOptions(bookId ?? 0), enabled: bookId !== null });
}

export type UploadRequest = { kind: FileKind; fileName: string; contentType: string; size: number };

export function requestUpload(bookId: number, request: UploadRequest, signal?: AbortSignal) {
  return api.post(
    `/books/${bookId}/files`,
    {
      kind: request.kind,
      file_name: request.fileName,
      content_type: request.contentType,
      size: request.size,
    },
    { schema: requestUploadAnswerSchema, signal },
  );
}

export function completeUpload(
  bookId: number,
  fileId: number,
  signal?: AbortSignal,
): Promise<CompleteAnswer> {
  return api.post(`/books/${bookId}/files/${fileId}/complete`, undefined, {
    schema: completeAnswerSchema,
    signal,
  });
}
