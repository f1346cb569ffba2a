/** Accounts: local (email + scrypt password) or from the agency's OpenID Connect provider. */
import { randomUUID } from 'node:crypto';
import { and, asc, count, eq, inArray, isNull } from 'drizzle-orm';
import type { Role, SessionUser } from '../../domain/roles';
import type { Db } from '../db/database';
import { users } from '../db/schema';
import { hashPassword, passwordRefusal, type PasswordRefusal } from './password';

export type UserRow = typeof users.$inferSelect;

export class UserError extends Error {
  override name = 'UserError';
  constructor(
    readonly code: 'email_taken' | 'user_not_found' | 'account_name_taken' | PasswordRefusal['error'],
    message: string,
  ) {
    super(message);
  }
}

export interface NewUser {
  email: string;
  role: Role;
  displayName?: string;
  password?: string;
  /** The id the agency's LRS knows this person by; a random id when not given. */
  accountName?: string;
  oidc?: { issuer: string; subject: string };
  /** The password is a temporary one an admin handed out: the first sign-in must choose a new one. */
  mustChangePassword?: boolean;
}

export const normaliseEmail = (email: string) => email.trim().toLowerCase();

export function sessionUser(row: UserRow): SessionUser {
  return {
    id: row.id,
    email: row.email,
    displayName: row.displayName,
    role: row.role,
    ...(row.mustChangePassword ? { mustChangePassword: true as const } : {}),
  };
}

export function createUserStore(db: Db) {
  const byEmail = async (email: string) =>
    (await db.select().from(users).where(eq(users.email, normaliseEmail(email))).limit(1))[0];

  return {
    byEmail,
    async byId(id: string) {
      return (await db.select().from(users).where(eq(users.id, id)).limit(1))[0];
    },
    async byIds(ids: string[]) {
      return ids.length ? db.select().from(users).where(inArray(users.id, ids)) : [];
    },
    async byOidc(issuer: string, subject: string) {
      return (
        await db
          .select()
          .from(users)
          .where(and(eq(users.oidcIssuer, issuer), eq(users.oidcSubject, subject)))
          .limit(1)
      )[0];
    },
    async count() {
      return (await db.select({ n: count() }).from(users))[0]?.n ?? 0;
    },
    async list() {
      return db.select().from(users).orderBy(asc(users.email));
    },
    async create(input: NewUser): Promise<UserRow> {
      const email = normaliseEmail(input.email);
      if (input.password !== undefined) {
        // Checked against the list of common passwords and this account's own email and name.
        const refusal = passwordRefusal(input.password, { email, displayName: input.displayName });
        if (refusal) throw new UserError(refusal.error, `password ${refusal.message}`);
      }
      if (await byEmail(email)) throw new UserError('email_taken', `an account with the email ${email} already exists`);
      const id = randomUUID();
      const accountName = input.accountName?.trim() || id;
      const [existing] = await db.select({ id: users.id }).from(users).where(eq(users.accountName, accountName)).limit(1);
      if (existing) throw new UserError('account_name_taken', `the agency account id ${accountName} is already in use`);
      const [row] = await db
        .insert(users)
        .values({
          id,
          email,
          displayName: input.displayName?.trim() || email.split('@')[0] || email,
          role: input.role,
          accountName,
          passwordHash: input.password === undefined ? null : await hashPassword(input.password),
          oidcIssuer: input.oidc?.issuer ?? null,
          oidcSubject: input.oidc?.subject ?? null,
          mustChangePassword: input.password !== undefined && input.mustChangePassword === true,
        })
        .returning();
      return row!;
    },
    async setRole(email: string, role: Role): Promise<UserRow> {
      const [row] = await db.update(users).set({ role }).where(eq(users.email, normaliseEmail(email))).returning();
      if (!row) throw new UserError('user_not_found', `no account with the email ${normaliseEmail(email)}`);
      return row;
    },
    async setRoleById(id: string, role: Role): Promise<UserRow | undefined> {
      return (await db.update(users).set({ role }).where(eq(users.id, id)).returning())[0];
    },
    /** Admins who can still sign in (a deactivated admin cannot manage anyone). */
    async activeAdmins(): Promise<number> {
      return (await db.select({ n: count() }).from(users).where(and(eq(users.role, 'admin'), isNull(users.deactivatedAt))))[0]?.n ?? 0;
    },
    /** Stores a new password hash; `mustChange`: it is a temporary one the next sign-in replaces. */
    async setPasswordHash(id: string, passwordHash: string, mustChange: boolean): Promise<UserRow | undefined> {
      return (await db.update(users).set({ passwordHash, mustChangePassword: mustChange }).where(eq(users.id, id)).returning())[0];
    },
    async setDeactivated(id: string, at: Date | null): Promise<UserRow | undefined> {
      return (await db.update(users).set({ deactivatedAt: at }).where(eq(users.id, id)).returning())[0];
    },
  };
}
export type UserStore = ReturnType<typeof createUserStore>;
