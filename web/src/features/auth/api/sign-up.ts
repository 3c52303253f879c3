// POST /api/auth/signup: creates the account and signs it in.
import { useMutation } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { startSession } from '@/lib/session';
import { type SessionPayload, sessionPayloadSchema } from '@/lib/user-schema';
import type { SignUpInput } from '../schema';

export function signUp(input: SignUpInput): Promise<SessionPayload> {
  return api.post('/auth/signup', input, { schema: sessionPayloadSchema, auth: false });
}

export function useSignUp() {
  return useMutation({
    mutationFn: signUp,
    onSuccess: startSession,
  });
}
