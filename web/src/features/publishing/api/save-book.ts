// POST /api/books (a new draft), PATCH /api/books/{id}, and publish / unpublish.
import { type QueryClient, useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { type BookInput, type EditableBook, editableBookSchema } from '../schema';

export function createBook(input: BookInput): Promise<EditableBook> {
  return api.post('/books', input, { schema: editableBookSchema });
}

export function updateBook(id: number, input: BookInput): Promise<EditableBook> {
  return api.patch(`/books/${id}`, input, { schema: editableBookSchema });
}

export function setPublished(id: number, publish: boolean): Promise<EditableBook> {
  return api.post(`/books/${id}/${publish ? 'publish' : 'unpublish'}`, undefined, {
    schema: editableBookSchema,
  });
}

/** A saved book replaces the cached copy; lists and the storefront's copies go stale. */
export function bookSaved(queryClient: QueryClient, book: EditableBook): void {
  queryClient.setQueryData(['publishing', 'book', book.id], book);
  void queryClient.invalidateQueries({ queryKey: ['publishing', 'my-books'] });
  void queryClient.invalidateQueries({ queryKey: ['books'] });
}

export function useCreateBook() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createBook,
    onSuccess: (book) => bookSaved(queryClient, book),
  });
}

export function useUpdateBook() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, input }: { id: number; input: BookInput }) => updateBook(id, input),
    onSuccess: (book) => bookSaved(queryClient, book),
  });
}

export function useSetPublished() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, publish }: { id: number; publish: boolean }) => setPublished(id, publish),
    onSuccess: (book) => bookSaved(queryClient, book),
  });
}
