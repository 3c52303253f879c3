// POST /api/users/me/author: creates the caller's author profile; their role becomes
// author. The access token still says "reader", so the session is refreshed for a
// token with the new role.
import { useMutation } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { refreshSession, updateSessionUser } from '@/lib/session';
import { type Author, type AuthorInput, becomeAuthorResponseSchema } from '../schema';

export async function becomeAuthor(input: AuthorInput): Promise<Author> {
  const body = {
    ...(input.name.trim() ? { name: input.name.trim() } : {}),
    ...(input.bio.trim() ? { bio: input.bio.trim() } : {}),
  };
  const { user, author } = await api.post('/users/me/author', body, {
    schema: becomeAuthorResponseSchema,
  });
  updateSessionUser(user);
  await refreshSession().catch(() => null);
  return author;
}

export function useBecomeAuthor() {
  return useMutation({ mutationFn: becomeAuthor });
}
