/**
 * Accounts for admins (list, add, change role, reset a password, deactivate and reactivate) and the
 * trainee list instructors pick group members from (trainees only). An account added here signs in first with the
 * temporary password the admin gave, and must choose its own before anything else.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { ADMIN_ONLY, Role, TEACHING } from '../../domain/roles';
import { userOf } from '../auth/access';
import { AccountError, type Accounts } from '../auth/accounts';
import { passwordLengthProblem } from '../auth/password-policy';
import { resetLinkPath } from '../auth/reset-links';
import { UserError, type UserRow, type UserStore } from '../auth/user-store';
import { sendAccountError } from './account-routes';
import { parseOr400 } from './validate';

const NewUser = z
  .object({
    email: z.email('must be an email address').max(200),
    role: Role,
    // The length here, with the other fields; the list and the account's own words in users.create.
    password: z.string().superRefine((p, ctx) => {
      const problem = passwordLengthProblem(p);
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    }),
    displayName: z.string().trim().max(100).optional(),
    accountName: z.string().trim().max(200).regex(/^[^\s@]*$/, 'must be an id without spaces, not an email').optional(),
  })
  .strict();
const RoleChange = z.object({ role: Role }).strict();
const UserParams = z.object({ id: z.string().min(1).max(100) });
/** temporary: a password shown once, changed at the next sign-in; link: a one-time link to set one. */
const Reset = z.object({ method: z.enum(['temporary', 'link']) }).strict();

export function userEntry(row: UserRow) {
  return {
    id: row.id,
    email: row.email,
    displayName: row.displayName,
    role: row.role,
    accountName: row.accountName,
    createdAt: row.createdAt.toISOString(),
    sso: row.oidcSubject !== null,
    active: row.deactivatedAt === null,
    deactivatedAt: row.deactivatedAt?.toISOString() ?? null,
    mustChangePassword: row.mustChangePassword,
  };
}

const CONFLICTS: Record<UserError['code'], [number, string]> = {
  email_taken: [409, 'body.email'],
  account_name_taken: [409, 'body.accountName'],
  weak_password: [400, 'body.password'],
  password_blank: [400, 'body.password'],
  password_common: [400, 'body.password'],
  password_context: [400, 'body.password'],
  user_not_found: [404, 'params.id'],
};

export function registerUserRoutes(app: FastifyInstance, deps: { users: UserStore; accounts: Accounts }): void {
  const { users, accounts } = deps;

  app.get('/api/users', { config: { access: ADMIN_ONLY } }, async () => (await users.list()).map(userEntry));

  // The choices an instructor picks group members from: trainees only, by name and email. Examiners'
  // accounts are not listed (an examiner joins a group when the instructor types their exact email).
  app.get('/api/trainees', { config: { access: TEACHING } }, async () =>
    (await users.list()).filter((u) => u.role === 'trainee' && u.deactivatedAt === null).map((u) => ({ id: u.id, email: u.email, displayName: u.displayName })),
  );

  app.post('/api/users', { config: { access: ADMIN_ONLY } }, async (request, reply) => {
    const body = parseOr400(NewUser, request.body, reply, 'body');
    if (!body) return reply;
    try {
      return reply.code(201).send(userEntry(await users.create({ ...body, mustChangePassword: true })));
    } catch (err) {
      if (!(err instanceof UserError)) throw err;
      const [status, path] = CONFLICTS[err.code];
      return reply.code(status).send({ error: err.code, message: `${path}: ${err.message}`, issues: [{ path, message: err.message }] });
    }
  });

  app.patch('/api/users/:id', { config: { access: ADMIN_ONLY } }, async (request, reply) => {
    const params = parseOr400(UserParams, request.params, reply, 'params');
    const body = params && parseOr400(RoleChange, request.body, reply, 'body');
    if (!params || !body) return reply;
    const target = await users.byId(params.id);
    if (!target) return reply.code(404).send({ error: 'user_not_found', message: `No account ${params.id}.` });
    if (target.role === 'admin' && body.role !== 'admin' && target.deactivatedAt === null && (await users.activeAdmins()) <= 1) {
      return reply.code(409).send({ error: 'last_admin', message: 'This is the only active admin: make someone else admin first.' });
    }
    return userEntry((await users.setRoleById(params.id, body.role))!);
  });

  /** The account the :id names, or undefined after sending the 400 or 404. */
  const target = async (request: FastifyRequest, reply: FastifyReply): Promise<UserRow | undefined> => {
    const params = parseOr400(UserParams, request.params, reply, 'params');
    if (!params) return undefined;
    const row = await users.byId(params.id);
    if (!row) void reply.code(404).send({ error: 'user_not_found', message: `No account ${params.id}.` });
    return row;
  };
  const refusing = <T>(reply: FastifyReply, run: () => Promise<T>) =>
    run().catch((err: unknown) => {
      if (err instanceof AccountError) return sendAccountError(reply, err);
      throw err;
    });

  app.post('/api/users/:id/password-reset', { config: { access: ADMIN_ONLY } }, async (request, reply) => {
    const row = await target(request, reply);
    const body = row && parseOr400(Reset, request.body, reply, 'body');
    if (!row || !body) return reply;
    const actor = userOf(request).id;
    // Shown once: no cache keeps the temporary password or the link.
    void reply.header('cache-control', 'no-store');
    return refusing(reply, async () => {
      if (body.method === 'temporary') {
        const { user, password } = await accounts.resetWithTemporary(row, actor);
        return { user: userEntry(user), temporaryPassword: password };
      }
      const { token, expiresAt } = await accounts.makeResetLink(row, actor);
      return { user: userEntry(row), link: resetLinkPath(token), expiresAt: expiresAt.toISOString() };
    });
  });

  app.post('/api/users/:id/deactivate', { config: { access: ADMIN_ONLY } }, async (request, reply) => {
    const row = await target(request, reply);
    if (!row) return reply;
    return refusing(reply, async () => userEntry(await accounts.deactivate(row, userOf(request).id)));
  });

  app.post('/api/users/:id/activate', { config: { access: ADMIN_ONLY } }, async (request, reply) => {
    const row = await target(request, reply);
    if (!row) return reply;
    return userEntry(await accounts.activate(row));
  });
}
