/** Accounts for admins (list, add, change role) and the trainee list instructors pick group members from (trainees only). */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { ADMIN_ONLY, Role, TEACHING } from '../../domain/roles';
import { passwordLengthProblem } from '../auth/password-policy';
import { UserError, type UserRow, type UserStore } from '../auth/user-store';
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

export function userEntry(row: UserRow) {
  return {
    id: row.id,
    email: row.email,
    displayName: row.displayName,
    role: row.role,
    accountName: row.accountName,
    createdAt: row.createdAt.toISOString(),
    sso: row.oidcSubject !== null,
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

export function registerUserRoutes(app: FastifyInstance, deps: { users: UserStore }): void {
  const { users } = deps;

  app.get('/api/users', { config: { access: ADMIN_ONLY } }, async () => (await users.list()).map(userEntry));

  // The choices an instructor picks group members from: trainees only, by name and email. Examiners'
  // accounts are not listed (an examiner joins a group when the instructor types their exact email).
  app.get('/api/trainees', { config: { access: TEACHING } }, async () =>
    (await users.list()).filter((u) => u.role === 'trainee').map((u) => ({ id: u.id, email: u.email, displayName: u.displayName })),
  );

  app.post('/api/users', { config: { access: ADMIN_ONLY } }, async (request, reply) => {
    const body = parseOr400(NewUser, request.body, reply, 'body');
    if (!body) return reply;
    try {
      return reply.code(201).send(userEntry(await users.create(body)));
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
    if (target.role === 'admin' && body.role !== 'admin' && (await users.list()).filter((u) => u.role === 'admin').length === 1) {
      return reply.code(409).send({ error: 'last_admin', message: 'This is the only admin: make someone else admin first.' });
    }
    return userEntry((await users.setRoleById(params.id, body.role))!);
  });
}
