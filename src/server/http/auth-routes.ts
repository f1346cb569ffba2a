/**
 * Sign-in with a local account, sign-out, and who am I. Failed sign-ins are limited per client address,
 * per (email, address) pair, and per email for browsers that never signed in to it
 * (auth/sign-in-throttle.ts); a right password is never counted.
 */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { sessionToken } from '../auth/access';
import { endSession, startSession } from '../auth/cookies';
import { knownDevice, rememberDevice } from '../auth/device-cookie';
import { DECOY_HASH, verifyPassword } from '../auth/password';
import type { SessionStore } from '../auth/session-store';
import type { Sealer } from '../auth/sealing';
import { limitAddress, type SignInThrottle } from '../auth/sign-in-throttle';
import { normaliseEmail, sessionUser, type UserStore } from '../auth/user-store';
import { parseOr400 } from './validate';

const SignIn = z.object({
  email: z.string().trim().min(3).max(200),
  password: z.string().min(1).max(200),
});

export interface AuthRouteDeps {
  users: UserStore;
  sessions: SessionStore;
  /** Whether "Sign in with your agency account" (OpenID Connect) is offered. */
  oidcEnabled: boolean;
  throttle: SignInThrottle;
  /** Seals the device cookie: the browsers that may still sign in to an account under attack. */
  devices: Sealer;
  /** TRUST_PROXY, to tell which address the limits count by. */
  trustProxy?: boolean | number | string[] | undefined;
}

export function registerAuthRoutes(app: FastifyInstance, deps: AuthRouteDeps): void {
  app.get('/api/auth/me', { config: { access: 'public', duringPasswordChange: true } }, async (request) => ({
    user: request.user ?? null,
    oidc: deps.oidcEnabled,
  }));

  app.post(
    '/api/auth/sign-in',
    { config: { access: 'public' } },
    async (request, reply) => {
      const body = parseOr400(SignIn, request.body, reply, 'body');
      if (!body) return reply;
      // Unknown emails are counted like known ones, so the limits do not tell which accounts exist.
      const email = normaliseEmail(body.email);
      const known = await knownDevice(deps.devices, request, email);
      const attempt = deps.throttle.attempt(limitAddress(request, deps.trustProxy), email, known);
      if ('retryAfterMs' in attempt) {
        const seconds = Math.max(1, Math.ceil(attempt.retryAfterMs / 1000));
        reply.header('retry-after', String(seconds));
        return reply.code(429).send({ error: 'too_many_attempts', message: `Too many sign-in attempts. Try again in ${seconds} s.` });
      }
      const user = await deps.users.byEmail(body.email);
      // Compare against a decoy when there is no such account, so timing does not tell which emails exist.
      const ok = await verifyPassword(body.password, user?.passwordHash ?? (await DECOY_HASH));
      attempt.settle(!!user?.passwordHash && ok);
      if (!user || !user.passwordHash || !ok) {
        return reply.code(401).send({ error: 'bad_credentials', message: 'That email and password do not match an account.' });
      }
      // Said only to whoever knows the password, so that it tells no one else which accounts exist.
      if (user.deactivatedAt) {
        return reply.code(403).send({ error: 'account_deactivated', message: 'This account is deactivated: ask an administrator to reactivate it.' });
      }
      await startSession(deps.sessions, request, reply, user.id);
      await rememberDevice(deps.devices, request, reply, email);
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
