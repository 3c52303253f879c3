// The signed-in user and the session answer of the accounts API (docs/CONTRACTS.md,
// "Accounts"). Shared: the header, route guards and three features read them.
import { z } from 'zod';

export const roleSchema = z.enum(['reader', 'author', 'admin']);

export const idSchema = z.union([z.number().int(), z.string().min(1)]);

export const userAuthorSchema = z.object({
  id: idSchema,
  slug: z.string(),
  name: z.string(),
});

export const userSchema = z.object({
  id: idSchema,
  email: z.string(),
  display_name: z.string(),
  bio: z
    .string()
    .nullish()
    .transform((bio) => bio ?? ''),
  role: roleSchema,
  email_verified: z.boolean(),
  disabled: z.boolean().optional().default(false),
  created_at: z.string().optional(),
  author: userAuthorSchema.nullish().transform((author) => author ?? null),
});

/** signup, login, refresh and change-password all answer this. */
export const sessionPayloadSchema = z.object({
  user: userSchema,
  access_token: z.string().min(1),
  expires_in: z.number().positive(),
});

export const userEnvelopeSchema = z.object({ user: userSchema });

export type Role = z.infer<typeof roleSchema>;

export const ROLES: readonly Role[] = roleSchema.options;

export const roleLabels: Record<Role, string> = {
  reader: 'Reader',
  author: 'Author',
  admin: 'Admin',
};
export type User = z.infer<typeof userSchema>;
export type SessionPayload = z.infer<typeof sessionPayloadSchema>;
