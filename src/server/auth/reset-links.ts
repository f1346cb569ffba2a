/**
 * One-time password reset links: an admin makes one for an account; the link carries a random token,
 * the table only its SHA-256 and when it expires. A new link replaces the account's older ones; using
 * one deletes it.
 */
import { createHash, randomBytes } from 'node:crypto';
import { and, eq, gt, lt } from 'drizzle-orm';
import type { Db } from '../db/database';
import { passwordResetLinks } from '../db/schema';

export const RESET_LINK_HOURS = 24;

/** Where a reset link leads: the token rides in the fragment, which browsers never send to a server. */
export const resetLinkPath = (token: string) => `/?page=reset-password#token=${token}`;

const hashOf = (token: string) => createHash('sha256').update(token).digest('base64url');
const plausible = (token: string) => token.length >= 20 && token.length <= 100 && /^[\w-]+$/.test(token);

export function createResetLinks(db: Db) {
  return {
    async make(userId: string): Promise<{ token: string; expiresAt: Date }> {
      const token = randomBytes(32).toString('base64url');
      const expiresAt = new Date(Date.now() + RESET_LINK_HOURS * 3_600_000);
      await db.delete(passwordResetLinks).where(eq(passwordResetLinks.userId, userId));
      await db.delete(passwordResetLinks).where(lt(passwordResetLinks.expiresAt, new Date()));
      await db.insert(passwordResetLinks).values({ tokenHash: hashOf(token), userId, expiresAt });
      return { token, expiresAt };
    },
    /** The account a live (unused, unexpired) link is for, without using it up. */
    async userOf(token: string): Promise<string | undefined> {
      if (!plausible(token)) return undefined;
      const [row] = await db
        .select({ userId: passwordResetLinks.userId })
        .from(passwordResetLinks)
        .where(and(eq(passwordResetLinks.tokenHash, hashOf(token)), gt(passwordResetLinks.expiresAt, new Date())))
        .limit(1);
      return row?.userId;
    },
    /** Uses the link up: true when it was still there and live (two uses at once: one wins). */
    async take(token: string): Promise<boolean> {
      if (!plausible(token)) return false;
      const taken = await db
        .delete(passwordResetLinks)
        .where(and(eq(passwordResetLinks.tokenHash, hashOf(token)), gt(passwordResetLinks.expiresAt, new Date())))
        .returning({ userId: passwordResetLinks.userId });
      return taken.length > 0;
    },
    async dropAllOf(userId: string): Promise<void> {
      await db.delete(passwordResetLinks).where(eq(passwordResetLinks.userId, userId));
    },
  };
}
export type ResetLinks = ReturnType<typeof createResetLinks>;
