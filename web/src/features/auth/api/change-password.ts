// POST /api/auth/change-password: the server ends the other sessions and answers
// with a fresh one for this tab.
import { useMutation } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { startSession } from '@/lib/session';
import { type SessionPayload, sessionPayloadSchema } from '@/lib/user-schema';
import type { ChangePasswordInput } from '../schema';

export function changePassword(input: ChangePasswordInput): Promise<SessionPayload> {
  return api.post('/auth/change-password', input, { schema: sessionPayloadSchema });
}

export function useChangePassword() {
  return useMutation({ mutationFn: changePassword, onSuccess: startSession });
}
