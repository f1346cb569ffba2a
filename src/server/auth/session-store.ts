/**
 * Sign-in sessions in the database (so any server process can check them): the cookie holds a random
 * token, the table only its SHA-256.
 */
import { createHash, randomBytes } from 'node:crypto';
import { and, eq, gt, isNull, lt, ne } from 'drizzle-orm';
import type { SessionUser } from '../../domain/roles';
import type { Db } from '../db/database';
import { authSessions, users } from '../db/schema';
import { sessionUser } from './user-store';

export const SESSION_COOKIE = 'twinspect_session';
export const SESSION_DAYS = 7;

const hashOf = (token: string) => createHash('sha256').update(token).digest('base64url');

export function createSessionStore(db: Db) {
  return {
    async open(userId: string): Promise<{ token: string; expiresAt: Date }> {
      const token = randomBytes(32).toString('base64url');
      const expiresAt = new Date(Date.now() + SESSION_DAYS * 86_400_000);
      await db.insert(authSessions).values({ tokenHash: hashOf(token), userId, expiresAt });
      // Sweep this user's expired sessions while we are here.
      await db.delete(authSessions).where(and(eq(authSessions.userId, userId), lt(authSessions.expiresAt, new Date())));
      return { token, expiresAt };
    },
    async user(token: string | undefined): Promise<SessionUser | undefined> {
      if (!token || token.length > 100) return undefined;
      const [row] = await db
        .select({ user: users })
        .from(authSessions)
        .innerJoin(users, eq(users.id, authSessions.userId))
        // A deactivated account has no session, even one that escaped being ended.
        .where(and(eq(authSessions.tokenHash, hashOf(token)), gt(authSessions.expiresAt, new Date()), isNull(users.deactivatedAt)))
        .limit(1);
      return row ? sessionUser(row.user) : undefined;
    },
    async close(token: string | undefined): Promise<void> {
      if (token) await db.delete(authSessions).where(eq(authSessions.tokenHash, hashOf(token)));
    },
    /** Ends every session of the user but the one of `keep` (the page that changed its own password). */
    async closeAllOf(userId: string, keep?: string): Promise<void> {
      const others = keep ? ne(authSessions.tokenHash, hashOf(keep)) : undefined;
      await db.delete(authSessions).where(and(eq(authSessions.userId, userId), others));
    },
  };
}
export type SessionStore = ReturnType<typeof createSessionStore>;
