// Request bodies of the accounts API (docs/CONTRACTS.md) and the search params of
// the auth pages. Answers use the shared schemas in lib/user-schema.ts.
import { z } from 'zod';

export type SignUpInput = { email: string; display_name: string; password: string };
export type SignInInput = { email: string; password: string };
export type ResetPasswordInput = { token: string; password: string };
export type ChangePasswordInput = { current_password: string; new_password: string };

/** Where to go after signing in: a path on this site only, never another origin. */
export function safeRedirect(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  if (!value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return undefined;
  return value;
}

export const redirectSearchSchema = z.object({
  redirect: z.unknown().transform(safeRedirect).optional(),
});

export const tokenSearchSchema = z.object({
  token: z
    .unknown()
    .transform((value) => (typeof value === 'string' && value.length > 0 ? value : undefined))
    .optional(),
});

export type RedirectSearch = z.infer<typeof redirectSearchSchema>;
export type TokenSearch = z.infer<typeof tokenSearchSchema>;
