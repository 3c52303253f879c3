// POST /api/auth/login: signs in with email and password.
import { useMutation } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { startSession } from '@/lib/session';
import { type SessionPayload, sessionPayloadSchema } from '@/lib/user-schema';
import type { SignInInput } from '../schema';

export function signIn(input: SignInInput): Promise<SessionPayload> {
  return api.post('/auth/login', input, { schema: sessionPayloadSchema, auth: false });
}

export function useSignIn() {
  return useMutation({
    mutationFn: signIn,
    onSuccess: startSession,
  });
}
