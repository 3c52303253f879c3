// Admin user list: the answer of GET /api/admin/users and the page's search params
// (?q=&role=&page=), which keep the view in the URL.
import { z } from 'zod';
import { roleSchema, userSchema } from '@/lib/user-schema';

export const USERS_PAGE_SIZE = 20;

export const userListSchema = z.object({
  items: z.array(userSchema),
  total: z.number().int().nonnegative(),
  limit: z.number().int().positive(),
  offset: z.number().int().nonnegative(),
});

export type UserList = z.infer<typeof userListSchema>;

const optionalText = z
  .unknown()
  .transform((value) =>
    typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined,
  );

export const adminUsersSearchSchema = z.object({
  q: optionalText.optional(),
  role: roleSchema.optional().catch(undefined),
  page: z.coerce.number().int().min(1).optional().catch(undefined),
});

export type AdminUsersSearch = z.infer<typeof adminUsersSearchSchema>;

export type UserChange = { role?: z.infer<typeof roleSchema>; disabled?: boolean };
