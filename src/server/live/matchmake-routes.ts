/**
 * Colyseus' matchmaking over HTTP, answered by the app itself (realtime.ts takes Colyseus' own handler
 * off the server): only POST /matchmake/<method>/<room> for the ways of joining a room, with a small
 * body read under a limit, from this site's own pages (or from a client that sends no Origin, such as
 * Node), with the app's security headers. Other methods get 405, other paths 404. Creating a room
 * outright is not offered: a live session has one room, opened by the first who joins it.
 * The matchmaker's own answers keep Colyseus' form (200 with the reservation, or with { code, error }),
 * which colyseus.js reads.
 */
import { getBearerToken, matchMaker, type ServerError } from '@colyseus/core';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ROOM_TAKEN_CODE } from './room-claim';

/** A join request carries a few options (session id, protocol version, device): 4 kB is plenty. */
export const MATCHMAKE_BODY_LIMIT = 4096;
/** The ways of joining a room a client may ask for (colyseus.js: joinOrCreate, join, joinById, reconnect). */
export const MATCHMAKE_METHODS: readonly string[] = ['joinOrCreate', 'join', 'joinById', 'reconnect'];
/** A joinOrCreate that meets the session's room being opened by another request asks again, this often. */
const TAKEN_RETRIES = 20;
const TAKEN_WAIT_MS = 150;

const NAME = /^[A-Za-z0-9_-]{1,100}$/;
const ALLOW = 'POST, OPTIONS';

/** The Origin a browser sent, when it is not this site's own (same host as the request was sent to). */
function foreignOrigin(request: FastifyRequest): string | undefined {
  const origin = request.headers.origin;
  if (origin === undefined) return undefined;
  try {
    if (new URL(origin).host === request.host) return undefined;
  } catch {
    // "null" or garbage: not ours.
  }
  return origin;
}

const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function invoke(method: string, roomName: string, options: Record<string, unknown>, request: FastifyRequest): Promise<unknown> {
  const auth = { token: getBearerToken(String(request.headers.authorization ?? '')), headers: request.headers, ip: request.ip, req: request.raw };
  for (let attempt = 0; ; attempt++) {
    try {
      return await matchMaker.controller.invokeMethod(method, roomName, options, auth as never);
    } catch (err) {
      // Two joins at once may both try to open the session's room; the one refused joins the other's.
      if (method !== 'joinOrCreate' || (err as ServerError).code !== ROOM_TAKEN_CODE || attempt >= TAKEN_RETRIES) throw err;
      await wait(TAKEN_WAIT_MS);
    }
  }
}

function sendError(error: FastifyError, _request: FastifyRequest, reply: FastifyReply): FastifyReply {
  if (error.statusCode === 413) {
    // The rest of a body too large is not read: the connection closes after the answer.
    return reply.code(413).header('connection', 'close').send({ error: 'too_large', message: `A matchmaking request is at most ${MATCHMAKE_BODY_LIMIT} bytes.` });
  }
  if (error.statusCode === 415) return reply.code(415).send({ error: 'invalid_request', message: 'body: send the join options as application/json.' });
  if (error.statusCode && error.statusCode < 500) return reply.code(400).send({ error: 'invalid_request', message: 'body: the join options must be a JSON object.' });
  reply.log.error({ err: error }, 'matchmaking failed');
  return reply.code(500).send({ error: 'server_error', message: 'The server could not do this; nothing changed. Try again.' });
}

export function registerMatchmakeRoutes(app: FastifyInstance): void {
  const notAllowed = async (_request: FastifyRequest, reply: FastifyReply) =>
    reply.code(405).header('allow', ALLOW).send({ error: 'method_not_allowed', message: 'The matchmaker takes only POST requests.' });
  const notFound = async (request: FastifyRequest, reply: FastifyReply) =>
    reply.code(404).send({ error: 'not_found', message: `No matchmaking route ${request.url.split('?')[0]}` });
  // Same-origin pages need no CORS; the site's own origin is named, any other gets nothing.
  const preflight = async (request: FastifyRequest, reply: FastifyReply) => {
    reply.header('allow', ALLOW).header('vary', 'Origin');
    if (request.headers.origin && !foreignOrigin(request)) {
      reply
        .header('access-control-allow-origin', request.headers.origin)
        .header('access-control-allow-methods', ALLOW)
        .header('access-control-allow-headers', 'Content-Type, Accept, Authorization')
        .header('access-control-allow-credentials', 'true');
    }
    return reply.code(204).send();
  };

  for (const url of ['/matchmake', '/matchmake/*']) {
    app.route({ method: ['GET', 'PUT', 'DELETE', 'PATCH'], url, handler: notAllowed });
    app.options(url, preflight);
    app.post(url, { bodyLimit: MATCHMAKE_BODY_LIMIT, errorHandler: sendError }, notFound);
  }

  app.post<{ Params: { method: string; roomName: string } }>(
    '/matchmake/:method/:roomName',
    { bodyLimit: MATCHMAKE_BODY_LIMIT, errorHandler: sendError },
    async (request, reply) => {
      const { method, roomName } = request.params;
      if (!MATCHMAKE_METHODS.includes(method) || !NAME.test(roomName)) return notFound(request, reply);
      if (foreignOrigin(request)) return reply.code(403).send({ error: 'forbidden', message: 'Live sessions are joined from this site’s own pages.' });
      const options = request.body ?? {};
      if (typeof options !== 'object' || Array.isArray(options)) return reply.code(400).send({ error: 'invalid_request', message: 'body: the join options must be a JSON object.' });
      if (matchMaker.state !== matchMaker.MatchMakerState.READY) {
        return reply.code(503).header('retry-after', '1').send({ error: 'server_error', message: 'Live sessions are not being served right now. Try again in a moment.' });
      }
      try {
        return reply.send(await invoke(method, roomName, options as Record<string, unknown>, request));
      } catch (err) {
        const e = err as ServerError;
        return reply.send({ code: e.code, error: e.message });
      }
    },
  );
}
