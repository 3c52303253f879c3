// POST /api/auth/verify-email with the token from the mailed link, and
// POST /api/auth/resend-verification for a new link.
import { queryOptions, useMutation, useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { api } from '@/lib/api-client';
import { ensureSession, updateSessionUser } from '@/lib/session';
import { type User, userEnvelopeSchema } from '@/lib/user-schema';

export async function verifyEmail(token: string): Promise<User> {
  // Let the start-up restore land first, or its older copy of the user (unverified)
  // would replace the one this call returns.
  await ensureSession();
  const { user } = await api.post(
    '/auth/verify-email',
    { token },
    { schema: userEnvelopeSchema, auth: false },
  );
  updateSessionUser(user);
  return user;
}

/**
 * A query rather than a mutation: the token is single-use, and the query cache makes
 * sure a page that renders twice (StrictMode, back and forward) posts it only once.
 */
export function verifyEmailQueryOptions(token: string) {
  return queryOptions({
    queryKey: ['auth', 'verify-email', token],
    queryFn: () => verifyEmail(token),
    retry: false,
    staleTime: Infinity,
    gcTime: Infinity,
    refetchOnWindowFocus: false,
    refetchOnReconnect: false,
  });
}

export function useVerifyEmail(token: string) {
  return useQuery(verifyEmailQueryOptions(token));
}

export function resendVerification(): Promise<unknown> {
  return api.post('/auth/resend-verification', {}, { schema: z.unknown() });
}

export function useResendVerification() {
  return useMutation({ mutationFn: resendVerification });
}
