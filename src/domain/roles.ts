/** Who may do what: the six roles of Twinspect. Every route and message names the roles it admits. */
import { z } from 'zod';

/** An examiner is an IPR examiner at real examinations: drills like everyone, and keeps inspection records. */
export const ROLES = ['trainee', 'examiner', 'instructor', 'author', 'reviewer', 'admin'] as const;
export const Role = z.enum(ROLES);
export type Role = z.infer<typeof Role>;

/** Every signed-in role: drills and one's own progress are open to all of them. */
export const SIGNED_IN: readonly Role[] = ROLES;
/** Who runs groups and sees their progress. */
export const TEACHING: readonly Role[] = ['instructor', 'admin'];
export const ADMIN_ONLY: readonly Role[] = ['admin'];
/** Who keeps inspection records at real examinations (the inspection assistant). */
export const INSPECTING: readonly Role[] = ['examiner', 'admin'];

export interface SessionUser {
  id: string;
  email: string;
  displayName: string;
  role: Role;
  /** Present (true) while the account signs in with a password an admin handed out: a new one comes first. */
  mustChangePassword?: true;
}
