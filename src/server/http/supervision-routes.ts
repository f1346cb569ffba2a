/**
 * Supervision grants and the record-access log. An admin proposes that a supervisor (an instructor or
 * examiner, never an admin, so never the proposer) reads an examiner's records; the examiner accepts
 * or declines on their Inspect page; the examiner, the supervisor or an admin ends it. Every step is
 * logged. The examiner reads the log of their own records, admins all of it. A grant that is not the
 * caller's answers 404.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import { textIn, TEXT_LANGUAGES } from '../../domain/local-text';
import { ADMIN_ONLY, INSPECTING, type SessionUser } from '../../domain/roles';
import { grantStatus, SUPERVISED_ROLES, SUPERVISOR_ROLES } from '../../domain/supervision';
import { userOf } from '../auth/access';
import type { CatalogueStore } from '../db/catalogue-store';
import type { Db } from '../db/database';
import { users } from '../db/schema';
import { INSPECTION_READERS, type RecordReading } from '../inspections/record-access';
import { createAccessLog, type AccessLog } from '../inspections/access-log';
import { createSupervisionStore, type GrantRow, type SupervisionStore } from '../inspections/supervision-store';
import { parseOr400 } from './validate';

const GrantParams = z.object({ id: z.uuid('must be a UUID') });
const NewGrant = z
  .object({
    examinerId: z.string().min(1).max(100),
    supervisorId: z.string().min(1).max(100),
    endsAt: z.iso
      .datetime({ offset: true, message: 'must be a date and time (ISO 8601)' })
      .refine((s) => new Date(s).getTime() > Date.now(), 'must be in the future')
      .nullish(),
  })
  .strict();
const LogQuery = z.object({
  before: z.coerce.number().int().positive().optional(),
  lang: z.enum(TEXT_LANGUAGES).default('en'),
});

const iso = (d: Date | null) => (d ? d.toISOString() : null);
const fail = (reply: FastifyReply, status: number, body: { error: string; message: string; path?: string }) =>
  reply.code(status).send({ error: body.error, message: body.message, ...(body.path ? { issues: [{ path: body.path, message: body.message }] } : {}) });
const noGrant = (reply: FastifyReply, id: string) => fail(reply, 404, { error: 'grant_not_found', message: `No supervision grant ${id} that concerns you.` });

export function registerSupervisionRoutes(app: FastifyInstance, deps: RecordReading & { db: Db; store: CatalogueStore }): void {
  const { supervision, log } = deps;
  /** A change of a grant and its log entry, in one transaction: no step without its entry. */
  const step = <T>(fn: (grants: SupervisionStore, logged: AccessLog) => Promise<T>) =>
    deps.db.transaction((tx) => fn(createSupervisionStore(tx as unknown as Db), createAccessLog(tx as unknown as Db)));

  /** The grants as the page shows them: people by name and email, never by id. */
  async function entries(rows: GrantRow[], me: SessionUser) {
    const ids = [...new Set(rows.flatMap((r) => [r.examinerId, r.supervisorId, r.proposedBy, r.endedBy ?? r.examinerId]))];
    const people = ids.length
      ? await deps.db.select({ id: users.id, displayName: users.displayName, email: users.email, createdAt: users.createdAt }).from(users).where(inArray(users.id, ids))
      : [];
    const byId = new Map(people.map((p) => [p.id, p]));
    const person = (id: string | null) => {
      const p = id ? byId.get(id) : undefined;
      return p ? { displayName: p.displayName, email: p.email } : null;
    };
    const now = new Date();
    return rows.map((r) => ({
      id: r.id,
      status: grantStatus(r, now),
      as: r.examinerId === me.id ? 'examiner' : r.supervisorId === me.id ? 'supervisor' : 'admin',
      examiner: person(r.examinerId),
      // When the supervisor's account was made: an account made just before the proposal is worth a question.
      supervisor: { ...person(r.supervisorId), accountCreatedAt: iso(byId.get(r.supervisorId)?.createdAt ?? null) },
      proposedBy: person(r.proposedBy),
      proposedAt: iso(r.proposedAt),
      endsAt: iso(r.endsAt),
      acceptedAt: iso(r.acceptedAt),
      endedAt: iso(r.endedAt),
      endedBy: person(r.endedBy),
    }));
  }

  /** The grant if the caller is its examiner, its supervisor or an admin; otherwise the 400 or 404 is sent. */
  async function grantFor(request: FastifyRequest, reply: FastifyReply, user: SessionUser) {
    const params = parseOr400(GrantParams, request.params, reply, 'params');
    if (!params) return undefined;
    const grant = await supervision.get(params.id);
    if (!grant || (user.role !== 'admin' && grant.examinerId !== user.id && grant.supervisorId !== user.id)) {
      void noGrant(reply, params.id);
      return undefined;
    }
    return grant;
  }

  app.get('/api/supervision', { config: { access: INSPECTION_READERS } }, async (request) => {
    const user = userOf(request);
    return entries(await supervision.list(user.role === 'admin' ? undefined : user.id), user);
  });

  app.post('/api/supervision', { config: { access: ADMIN_ONLY } }, async (request, reply) => {
    const body = parseOr400(NewGrant, request.body, reply, 'body');
    if (!body) return reply;
    const admin = userOf(request);
    const account = async (id: string) => (await deps.db.select().from(users).where(eq(users.id, id)).limit(1))[0];
    const [examiner, supervisor] = [await account(body.examinerId), await account(body.supervisorId)];
    if (!examiner || !SUPERVISED_ROLES.includes(examiner.role)) {
      return fail(reply, 400, { error: 'not_an_examiner', message: 'body.examinerId: no examiner account with this id: only an examiner’s records are supervised.', path: 'body.examinerId' });
    }
    // Never an admin (so never the proposer), never the examiner: the one who grants does not read.
    if (!supervisor || !SUPERVISOR_ROLES.includes(supervisor.role) || supervisor.id === examiner.id || supervisor.id === admin.id) {
      return fail(reply, 400, { error: 'not_a_supervisor', message: 'body.supervisorId: the supervisor must be another instructor or examiner account, not an admin and not the examiner.', path: 'body.supervisorId' });
    }
    if (await supervision.openBetween(examiner.id, supervisor.id)) {
      return fail(reply, 409, { error: 'grant_exists', message: 'This supervisor already has a pending or active grant for this examiner.' });
    }
    const grant = await step(async (grants, logged) => {
      const made = await grants.propose({ examinerId: examiner.id, supervisorId: supervisor.id, proposedBy: admin.id, endsAt: body.endsAt ? new Date(body.endsAt) : null });
      await logged.add({ actorId: admin.id, examinerId: made.examinerId, action: 'grant_proposed', grantId: made.id });
      return made;
    });
    return reply.code(201).send((await entries([grant], admin))[0]);
  });

  app.post('/api/supervision/:id/accept', { config: { access: SUPERVISED_ROLES } }, async (request, reply) => {
    const user = userOf(request);
    const grant = await grantFor(request, reply, user);
    if (!grant) return reply;
    if (grant.examinerId !== user.id) return noGrant(reply, grant.id);
    const accepted = await step(async (grants, logged) => {
      const done = await grants.accept(grant.id);
      if (done) await logged.add({ actorId: user.id, examinerId: grant.examinerId, action: 'grant_accepted', grantId: grant.id });
      return done;
    });
    if (!accepted) return fail(reply, 409, { error: 'grant_not_pending', message: 'This grant is no longer waiting for your answer.' });
    return (await entries([accepted], user))[0];
  });

  app.post('/api/supervision/:id/end', { config: { access: INSPECTION_READERS } }, async (request, reply) => {
    const user = userOf(request);
    const grant = await grantFor(request, reply, user);
    if (!grant) return reply;
    const ended = await step(async (grants, logged) => {
      const done = await grants.end(grant.id, user.id);
      const action = done?.acceptedAt ? 'grant_revoked' : user.id === grant.examinerId ? 'grant_declined' : 'grant_withdrawn';
      if (done) await logged.add({ actorId: user.id, examinerId: grant.examinerId, action, grantId: grant.id });
      return done;
    });
    if (!ended) return fail(reply, 409, { error: 'grant_not_open', message: 'This grant has already ended.' });
    return (await entries([ended], user))[0];
  });

  app.get('/api/record-access-log', { config: { access: INSPECTING } }, async (request, reply) => {
    const query = parseOr400(LogQuery, request.query, reply, 'query');
    if (!query) return reply;
    const user = userOf(request);
    const [page, products] = await Promise.all([
      log.list({ examinerId: user.role === 'admin' ? undefined : user.id, before: query.before }),
      deps.store.list({ publishedOnly: false }),
    ]);
    const names = new Map(products.map((p) => [p.product.id, textIn(p.product.name, query.lang)]));
    return {
      more: page.more,
      entries: page.entries.map((e) => ({
        ...e,
        record: e.record && { id: e.record.id, reference: e.record.reference, productName: names.get(e.record.productId) ?? e.record.productId },
      })),
    };
  });
}
