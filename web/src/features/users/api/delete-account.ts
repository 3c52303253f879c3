// DELETE /api/users/me with the password: removes the account's personal data. The caller
// goes on to /sign-out, which ends the session (ending it here would first bounce the
// account page to sign-in).
import { useMutation } from '@tanstack/react-query';
import { z } from 'zod';
import { apiRequest } from '@/lib/api-client';

export function deleteAccount(password: string): Promise<unknown> {
  return apiRequest('/users/me', { method: 'DELETE', body: { password }, schema: z.unknown() });
}

export function useDeleteAccount() {
  return useMutation({ mutationFn: deleteAccount });
}
