/** Sign-in with a local account, sign-out, and who am I. Sign-in is rate-limited per address and email. */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { sessionToken } from '../auth/access';
import { endSession, startSession } from '../auth/cookies';
import { DECOY_HASH, verifyPassword } from '../auth/password';
import type { SessionStore } from '../auth/session-store';
import { normaliseEmail, sessionUser, type UserStore } from '../auth/user-store';
import { parseOr400 } from './validate';

export const SIGN_IN_LIMIT = { max: 10, windowMs: 60_000 };

const SignIn = z.object({
  email: z.string().trim().min(3).max(200),
  password: z.string().min(1).max(200),
});

export interface AuthRouteDeps {
  users: UserStore;
  sessions: SessionStore;
  /** Whether "Sign in with your agency account" (OpenID Connect) is offered. */
  oidcEnabled: boolean;
}

export function registerAuthRoutes(app: FastifyInstance, deps: AuthRouteDeps): void {
  app.get('/api/auth/me', { config: { access: 'public', duringPasswordChange: true } }, async (request) => ({
    user: request.user ?? null,
    oidc: deps.oidcEnabled,
  }));

  app.post(
    '/api/auth/sign-in',
    {
      config: {
        access: 'public',
        rateLimit: {
          max: SIGN_IN_LIMIT.max,
          timeWindow: SIGN_IN_LIMIT.windowMs,
          keyGenerator: (request) => {
            const email = (request.body as { email?: unknown } | undefined)?.email;
            return `${request.ip}|${typeof email === 'string' ? normaliseEmail(email) : ''}`;
          },
          errorResponseBuilder: (_request, context) => ({
            statusCode: 429,
            error: 'too_many_attempts',
            message: `Too many sign-in attempts. Try again in ${Math.ceil(context.ttl / 1000)} s.`,
          }),
        },
      },
    },
    async (request, reply) => {
      const body = parseOr400(SignIn, request.body, reply, 'body');
      if (!body) return reply;
      const user = await deps.users.byEmail(body.email);
      // Compare against a decoy when there is no such account, so timing does not tell which emails exist.
      const ok = await verifyPassword(body.password, user?.passwordHash ?? (await DECOY_HASH));
      if (!user || !user.passwordHash || !ok) {
        return reply.code(401).send({ error: 'bad_credentials', message: 'That email and password do not match an account.' });
      }
      // Said only to whoever knows the password, so that it tells no one else which accounts exist.
      if (user.deactivatedAt) {
        return reply.code(403).send({ error: 'account_deactivated', message: 'This account is deactivated: ask an administrator to reactivate it.' });
      }
      await startSession(deps.sessions, request, reply, user.id);
      // mustChangePassword tells the page to ask for a new password before anything else.
      return { user: sessionUser(user) };
    },
  );

  app.post('/api/auth/sign-out', { config: { access: 'public' } }, async (request, reply) => {
    await deps.sessions.close(sessionToken(request));
    endSession(reply);
    return { signedOut: true };
  });
}
