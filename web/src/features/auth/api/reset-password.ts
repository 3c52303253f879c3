// POST /api/auth/reset-password: sets a new password with the mailed token; the
// server ends every session, so this tab forgets its own too.
import { useMutation } from '@tanstack/react-query';
import { z } from 'zod';
import { api } from '@/lib/api-client';
import { endSession } from '@/lib/session';
import type { ResetPasswordInput } from '../schema';

export function resetPassword(input: ResetPasswordInput): Promise<unknown> {
  return api.post('/auth/reset-password', input, { schema: z.unknown(), auth: false });
}

export function useResetPassword() {
  return useMutation({ mutationFn: resetPassword, onSuccess: endSession });
}
