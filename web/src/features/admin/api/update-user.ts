// PATCH /api/admin/users/{id}: change a role, disable or enable an account.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { type User, userEnvelopeSchema } from '@/lib/user-schema';
import type { UserChange } from '../schema';

export async function updateUser(id: User['id'], change: UserChange): Promise<User> {
  const { user } = await api.patch(`/admin/users/${encodeURIComponent(String(id))}`, change, {
    schema: userEnvelopeSchema,
  });
  return user;
}

export function useUpdateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, change }: { id: User['id']; change: UserChange }) => updateUser(id, change),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['admin', 'users'] }),
  });
}
