/** The session cookie: httpOnly, SameSite=Lax (the OpenID Connect redirect back must carry it), Secure over https. */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { SESSION_COOKIE, type SessionStore } from './session-store';

export async function startSession(
  sessions: SessionStore,
  request: FastifyRequest,
  reply: FastifyReply,
  userId: string,
): Promise<void> {
  const { token, expiresAt } = await sessions.open(userId);
  reply.setCookie(SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: request.protocol === 'https',
    expires: expiresAt,
  });
}

export function endSession(reply: FastifyReply): void {
  reply.clearCookie(SESSION_COOKIE, { path: '/' });
}
