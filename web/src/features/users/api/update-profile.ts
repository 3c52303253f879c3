// PATCH /api/users/me: display name and bio.
import { useMutation } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { updateSessionUser } from '@/lib/session';
import { type User, userEnvelopeSchema } from '@/lib/user-schema';
import type { ProfileInput } from '../schema';

export async function updateProfile(input: ProfileInput): Promise<User> {
  const { user } = await api.patch('/users/me', input, { schema: userEnvelopeSchema });
  return user;
}

export function useUpdateProfile() {
  return useMutation({ mutationFn: updateProfile, onSuccess: updateSessionUser });
}
