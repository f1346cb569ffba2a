/**
 * Groups for instructors (their own) and admins (all): members, the group's progress, and its
 * results as CSV. Another instructor's group answers 403.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { summariseGroup } from '../../domain/progress';
import { resultsCsv } from '../../domain/results-csv';
import { TEACHING, type SessionUser } from '../../domain/roles';
import { userOf } from '../auth/access';
import type { UserStore } from '../auth/user-store';
import type { Db } from '../db/database';
import { attemptsOf } from '../drills/attempt-rows';
import type { GroupStore } from '../groups/group-store';
import { parseOr400 } from './validate';

const GroupParams = z.object({ id: z.string().min(1).max(100) });
const MemberParams = GroupParams.extend({ userId: z.string().min(1).max(100) });
const NewGroup = z.object({ name: z.string().trim().min(1, 'must not be empty').max(100) }).strict();
const NewMember = z.object({ email: z.string().trim().min(3).max(200) }).strict();

const iso = (d: Date) => d.toISOString();
const access = { access: TEACHING };

export function registerGroupRoutes(app: FastifyInstance, deps: { db: Db; groups: GroupStore; users: UserStore }): void {
  const { groups } = deps;

  /** The group if the caller may see it; otherwise the reply is sent and undefined returned. */
  async function groupFor(request: FastifyRequest, reply: FastifyReply, user: SessionUser) {
    const params = parseOr400(GroupParams, request.params, reply, 'params');
    if (!params) return undefined;
    const group = await groups.get(params.id);
    if (!group) {
      void reply.code(404).send({ error: 'group_not_found', message: `No group ${params.id}.` });
      return undefined;
    }
    if (user.role !== 'admin' && group.ownerId !== user.id) {
      void reply.code(403).send({ error: 'forbidden', message: 'This group belongs to another instructor.' });
      return undefined;
    }
    return group;
  }

  async function detail(groupId: string) {
    const group = (await groups.get(groupId))!;
    const members = await groups.members(groupId);
    return { ...group, createdAt: iso(group.createdAt), members: members.map((m) => ({ ...m, addedAt: iso(m.addedAt) })) };
  }

  app.get('/api/groups', { config: access }, async (request) => {
    const user = userOf(request);
    const list = await groups.list(user.role === 'admin' ? undefined : user.id);
    return list.map((g) => ({ ...g, createdAt: iso(g.createdAt) }));
  });

  app.post('/api/groups', { config: access }, async (request, reply) => {
    const body = parseOr400(NewGroup, request.body, reply, 'body');
    if (!body) return reply;
    const id = await groups.create(body.name, userOf(request).id);
    const group = (await groups.list(undefined)).find((g) => g.id === id)!;
    return reply.code(201).send({ ...group, createdAt: iso(group.createdAt) });
  });

  app.get('/api/groups/:id', { config: access }, async (request, reply) => {
    const group = await groupFor(request, reply, userOf(request));
    return group ? detail(group.id) : reply;
  });

  app.post('/api/groups/:id/members', { config: access }, async (request, reply) => {
    const group = await groupFor(request, reply, userOf(request));
    const body = group && parseOr400(NewMember, request.body, reply, 'body');
    if (!group || !body) return reply;
    const trainee = await deps.users.byEmail(body.email);
    // Examiners drill like trainees. Group membership opens no inspection records: only a supervision
    // grant the examiner accepted does (supervision-routes.ts).
    if (!trainee || (trainee.role !== 'trainee' && trainee.role !== 'examiner')) {
      return reply.code(400).send({
        error: 'not_a_trainee',
        message: `body.email: no trainee or examiner account with the email ${body.email.toLowerCase()}`,
        issues: [{ path: 'body.email', message: 'no trainee or examiner account with this email' }],
      });
    }
    await groups.addMember(group.id, trainee.id);
    return detail(group.id);
  });

  app.delete('/api/groups/:id/members/:userId', { config: access }, async (request, reply) => {
    const group = await groupFor(request, reply, userOf(request));
    const params = group && parseOr400(MemberParams, request.params, reply, 'params');
    if (!group || !params) return reply;
    await groups.removeMember(group.id, params.userId);
    return detail(group.id);
  });

  async function membersWithAttempts(groupId: string) {
    const members = await groups.members(groupId);
    const attempts = await attemptsOf(deps.db, members.map((m) => m.id));
    return members.map((m) => ({ member: m, attempts: attempts.filter((a) => a.userId === m.id) }));
  }

  app.get('/api/groups/:id/progress', { config: access }, async (request, reply) => {
    const group = await groupFor(request, reply, userOf(request));
    if (!group) return reply;
    const rows = await membersWithAttempts(group.id);
    const summary = summariseGroup(rows.map((r) => ({ userId: r.member.id, displayName: r.member.displayName, attempts: r.attempts })));
    return { group: { id: group.id, name: group.name }, ...summary };
  });

  app.get('/api/groups/:id/results.csv', { config: access }, async (request, reply) => {
    const group = await groupFor(request, reply, userOf(request));
    if (!group) return reply;
    const rows = (await membersWithAttempts(group.id)).flatMap((r) =>
      r.attempts.map((attempt) => ({ trainee: r.member.displayName, email: r.member.email, attempt })),
    );
    const filename = `${group.name.replace(/[^\w-]+/g, '-').slice(0, 60) || 'group'}-results.csv`;
    return reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="${filename}"`)
      .send(resultsCsv(rows));
  });
}
