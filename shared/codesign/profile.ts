/** The local profile: who authors comments, decisions and signatures on this machine (sync brings server identity later). */
import { z } from 'zod';

export const COARCHITECT_ROLES = ['CTO', 'CHRO', 'other'] as const;
export type CoarchitectRole = (typeof COARCHITECT_ROLES)[number];

export const ProfileSchema = z.object({
  name: z
    .string()
    .trim()
    .min(1, 'display name must not be empty')
    .max(80, 'display name must be at most 80 characters'),
  role: z.enum(COARCHITECT_ROLES, { error: 'role must be CTO, CHRO or other' }),
});
export type Profile = z.infer<typeof ProfileSchema>;

/** Who wrote or signed something, as recorded with it (a copy: later profile edits do not rewrite history). */
export const AuthorSchema = ProfileSchema;
export type Author = Profile;

export const authorLabel = (a: Author) => (a.role === 'other' ? a.name : `${a.name} (${a.role})`);
