// GET /api/books/{id} as the book's author: drafts included (others get 404 for a draft).
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { type EditableBook, editableBookSchema } from '../schema';

export function getEditableBook(id: number, signal?: AbortSignal): Promise<EditableBook> {
  return api.get(`/books/${id}`, { schema: editableBookSchema, signal });
}

export function editableBookQueryOptions(id: number) {
  return queryOptions({
    queryKey: ['publishing', 'book', id],
    queryFn: ({ signal }) => getEditableBook(id, signal),
    staleTime: 0,
  });
}

export function useEditableBook(id: number | null) {
  return useQuery({ ...editableBookQueryOptions(id ?? 0), enabled: id !== null });
}
