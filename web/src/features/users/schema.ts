// Request and answer shapes of the profile routes (docs/CONTRACTS.md, "Accounts").
import { z } from 'zod';
import { idSchema, userSchema } from '@/lib/user-schema';

export type ProfileInput = { display_name: string; bio: string };
export type AuthorInput = { name: string; bio: string };

export const authorSchema = z.object({
  id: idSchema,
  slug: z.string(),
  name: z.string(),
  bio: z.string().nullish(),
});

export const becomeAuthorResponseSchema = z.object({
  user: userSchema,
  author: authorSchema,
});

export type Author = z.infer<typeof authorSchema>;

export const PROFILE_LIMITS = { displayName: 80, bio: 2000 } as const;
