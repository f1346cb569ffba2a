/**
 * One's own account: what it is (GET /api/account), changing its password, and setting a password
 * with a one-time reset link an admin made. The password routes are rate-limited, like sign-in.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { SIGNED_IN } from '../../domain/roles';
import { sessionToken, userOf } from '../auth/access';
import { AccountError, type Accounts } from '../auth/accounts';
import { sessionUser, type UserStore } from '../auth/user-store';
import { parseOr400 } from './validate';

export const PASSWORD_CHANGE_LIMIT = { max: 10, windowMs: 60_000 };

const PasswordChange = z
  .object({
    /** Left out only while a temporary password must be changed. */
    currentPassword: z.string().max(200).optional(),
    newPassword: z.string().max(200),
  })
  .strict();
const LinkReset = z.object({ token: z.string().min(1).max(200), password: z.string().max(200) }).strict();

/** An account rule refused the request: its code, its words, and the field at fault when there is one. */
export function sendAccountError(reply: FastifyReply, err: AccountError): FastifyReply {
  return reply.code(err.status).send({
    error: err.code,
    message: err.path ? `${err.path}: ${err.message}` : err.message,
    ...(err.path ? { issues: [{ path: err.path, message: err.message }] } : {}),
  });
}

const limited = (what: string, key: (request: FastifyRequest) => string) => ({
  max: PASSWORD_CHANGE_LIMIT.max,
  timeWindow: PASSWORD_CHANGE_LIMIT.windowMs,
  keyGenerator: key,
  errorResponseBuilder: (_request: FastifyRequest, context: { ttl: number }) => ({
    statusCode: 429,
    error: 'too_many_attempts',
    message: `Too many ${what} attempts. Try again in ${Math.ceil(context.ttl / 1000)} s.`,
  }),
});

export function registerAccountRoutes(app: FastifyInstance, deps: { users: UserStore; accounts: Accounts }): void {
  const { users, accounts } = deps;

  app.get('/api/account', { config: { access: SIGNED_IN, duringPasswordChange: true } }, async (request, reply) => {
    const row = await users.byId(userOf(request).id);
    if (!row) return reply.code(404).send({ error: 'user_not_found', message: 'This account no longer exists.' });
    return { ...sessionUser(row), accountName: row.accountName, sso: row.passwordHash === null, mustChangePassword: row.mustChangePassword };
  });

  app.post(
    '/api/account/password',
    {
      config: {
        access: SIGNED_IN,
        duringPasswordChange: true,
        rateLimit: limited('password change', (request) => `${request.ip}|${sessionToken(request) ?? ''}`),
      },
    },
    async (request, reply) => {
      const body = parseOr400(PasswordChange, request.body, reply, 'body');
      if (!body) return reply;
      const row = await users.byId(userOf(request).id);
      if (!row) return reply.code(404).send({ error: 'user_not_found', message: 'This account no longer exists.' });
      try {
        const changed = await accounts.changeOwn(row, { current: body.currentPassword, next: body.newPassword }, sessionToken(request));
        return { user: sessionUser(changed) };
      } catch (err) {
        if (err instanceof AccountError) return sendAccountError(reply, err);
        throw err;
      }
    },
  );

  app.post(
    '/api/auth/password-reset',
    { config: { access: 'public', rateLimit: limited('password reset', (request) => request.ip) } },
    async (request, reply) => {
      const body = parseOr400(LinkReset, request.body, reply, 'body');
      if (!body) return reply;
      try {
        const user = await accounts.useResetLink(body.token, body.password);
        return { reset: true, email: user.email };
      } catch (err) {
        if (err instanceof AccountError) return sendAccountError(reply, err);
        throw err;
      }
    },
  );
}
