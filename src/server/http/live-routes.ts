/**
 * Live sessions over HTTP: an instructor starts one and gets its join code; a signed-in user joins
 * with the code (limited, against guessing); the instructor lists their sessions and opens a record
 * (who took part, every answer and score) or exports it as CSV. The session itself runs in the room.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { counterfeitsOf } from '../../domain/catalogue';
import { DrillKind } from '../../domain/drill';
import { normaliseJoinCode } from '../../domain/live-protocol';
import type { CreatedSession, JoinedSession, LiveRecord } from '../../domain/live-record';
import { resultsCsv } from '../../domain/results-csv';
import { SIGNED_IN, TEACHING, type SessionUser } from '../../domain/roles';
import { userOf } from '../auth/access';
import type { CatalogueStore } from '../db/catalogue-store';
import type { LiveDb } from '../live/live-db';
import { parseOr400 } from './validate';
import { textIn } from '../../domain/local-text';

const Params = z.object({ id: z.string().min(1).max(100) });
const NewSession = z
  .object({
    title: z.string().trim().min(1, 'must not be empty').max(100).optional(),
    productId: z.string().min(1).max(100).optional(),
    kind: DrillKind.optional(),
  })
  .strict();
const Join = z.object({ code: z.string().max(40) }).strict();

/** Join attempts per account and address: ten a minute makes guessing a 31⁹ code hopeless. */
export const JOIN_LIMIT = { max: 10, windowMs: 60_000 };

export function registerLiveRoutes(app: FastifyInstance, deps: { liveDb: LiveDb; store: CatalogueStore }): void {
  const { liveDb } = deps;

  /** The session if the caller may see its record; otherwise the reply is sent. */
  async function sessionFor(request: FastifyRequest, reply: FastifyReply, user: SessionUser) {
    const params = parseOr400(Params, request.params, reply, 'params');
    if (!params) return undefined;
    const session = await liveDb.get(params.id);
    if (!session) return void reply.code(404).send({ error: 'no_such_session', message: `No live session ${params.id}.` });
    if (user.role !== 'admin' && session.instructorId !== user.id) {
      return void reply.code(403).send({ error: 'forbidden', message: 'This live session belongs to another instructor.' });
    }
    return session;
  }

  app.post('/api/live-sessions', { config: { access: TEACHING } }, async (request, reply) => {
    const body = parseOr400(NewSession, request.body, reply, 'body');
    if (!body) return reply;
    const drillable = (await deps.store.list()).map((s) => s.product).filter((p) => counterfeitsOf(p).length > 0);
    const product = body.productId ? drillable.find((p) => p.id === body.productId) : drillable[0];
    if (!product) {
      return reply.code(400).send({ error: 'invalid_request', message: `body.productId: no published product "${body.productId ?? ''}" with a counterfeit` });
    }
    const user = userOf(request);
    const title = body.title ?? `${textIn(product.name, 'en')} — ${new Date().toISOString().slice(0, 10)}`;
    const row = await liveDb.create({ instructorId: user.id, title, kind: body.kind ?? 'spot-the-fake', productId: product.id });
    const created: CreatedSession = { id: row.id, code: row.code, title: row.title };
    return reply.code(201).send(created);
  });

  app.get('/api/live-sessions', { config: { access: TEACHING } }, async (request) => {
    const user = userOf(request);
    return { sessions: await liveDb.summaries(user.role === 'admin' ? undefined : user.id) };
  });

  app.post(
    '/api/live-sessions/join',
    {
      config: {
        access: SIGNED_IN,
        rateLimit: {
          max: JOIN_LIMIT.max,
          timeWindow: JOIN_LIMIT.windowMs,
          keyGenerator: (request) => `${request.ip}|${userOf(request).id}`,
          errorResponseBuilder: (_request, context) => ({
            statusCode: 429,
            error: 'too_many_attempts',
            message: `Too many join attempts. Try again in ${Math.ceil(context.ttl / 1000)} s.`,
          }),
        },
      },
    },
    async (request, reply) => {
      const body = parseOr400(Join, request.body, reply, 'body');
      if (!body) return reply;
      const code = normaliseJoinCode(body.code);
      const session = code ? await liveDb.byCode(code) : undefined;
      if (!session) return reply.code(404).send({ error: 'no_such_session', message: 'No live session has that code. Check it with your instructor.' });
      if (session.endedAt) return reply.code(410).send({ error: 'session_ended', message: 'That live session has ended.' });
      const user = userOf(request);
      const role = session.instructorId === user.id ? 'instructor' : 'trainee';
      if (role === 'trainee' && !(await liveDb.admit(session.id, user.id))) {
        return reply.code(403).send({ error: 'removed', message: 'The instructor removed you from this session.' });
      }
      const joined: JoinedSession = { sessionId: session.id, title: session.title, role };
      return joined;
    },
  );

  app.get('/api/live-sessions/:id/record', { config: { access: TEACHING } }, async (request, reply) => {
    const session = await sessionFor(request, reply, userOf(request));
    if (!session) return reply;
    const [summary, participants, rounds, answers, products] = await Promise.all([
      liveDb.summary(session.id),
      liveDb.participants(session),
      liveDb.rounds(session.id),
      liveDb.answers(session.id),
      deps.store.list({ publishedOnly: false }),
    ]);
    const record: LiveRecord = {
      session: summary!,
      participants: participants.map((p) => ({ ...p, joinedAt: p.joinedAt.toISOString() })),
      rounds: rounds.map((r) => ({
        round: r.round,
        kind: r.kind,
        productId: r.productId,
        productName: products.find((s) => s.product.id === r.productId)?.product.name ?? r.productId,
        startedAt: r.startedAt.toISOString(),
        revealedAt: r.revealedAt?.toISOString() ?? null,
        answers: answers
          .filter((a) => a.round === r.round)
          .map(({ name, answer, attempt: t }) => ({
            participantId: t.userId,
            name,
            answer,
            correct: t.correct,
            scaled: t.scaled,
            confidence: t.confidence,
            brier: t.brier,
            tellsFound: t.tellsFound,
            tellsTotal: t.tellsTotal,
            falseAlarms: t.falseAlarms,
            answeredAt: t.answeredAt,
          })),
      })),
    };
    return record;
  });

  app.get('/api/live-sessions/:id/results.csv', { config: { access: TEACHING } }, async (request, reply) => {
    const session = await sessionFor(request, reply, userOf(request));
    if (!session) return reply;
    const rows = (await liveDb.answers(session.id)).map((a) => ({ round: a.round, trainee: a.name, email: a.email, attempt: a.attempt }));
    const filename = `${session.title.replace(/[^\w-]+/g, '-').slice(0, 60) || 'live-session'}-results.csv`;
    return reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="${filename}"`).send(resultsCsv(rows, { rounds: true }));
  });
}
