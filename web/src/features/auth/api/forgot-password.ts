// POST /api/auth/forgot-password: always 202, whether or not the email has an account.
import { useMutation } from '@tanstack/react-query';
import { z } from 'zod';
import { api } from '@/lib/api-client';

export function forgotPassword(email: string): Promise<unknown> {
  return api.post('/auth/forgot-password', { email }, { schema: z.unknown(), auth: false });
}

export function useForgotPassword() {
  return useMutation({ mutationFn: forgotPassword });
}
