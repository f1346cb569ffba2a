/**
 * The answer to an error that no route turned into a reply. A 4xx from fastify or a plugin (a body that
 * is not JSON, too large, of a type no route reads, too many sign-ins) is about the request and keeps
 * fastify's words. Anything else is the server's fault: its message and stack (which may name code,
 * files, SQL or data) go to the log with the request id, and the client gets the code `server_error`, a
 * sentence a person understands and the request id to quote, never the error's own text.
 */
import type { FastifyError, FastifyInstance } from 'fastify';

export const SERVER_ERROR_MESSAGE = 'Something went wrong on the server and this was not done. Try again; if it keeps happening, tell the administrator and quote the request id.';

export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError, request, reply) => {
    const status = typeof err.statusCode === 'number' && err.statusCode >= 400 && err.statusCode < 600 ? err.statusCode : 500;
    // Sent from here, the error is worded by fastify's default handler: statusCode, code, error, message.
    // The status is set first: a plugin may throw a plain object (the rate limiter's 429 body).
    if (status < 500) return reply.code(status).send(err);
    request.log.error({ err, reqId: request.id, method: request.method, url: request.routeOptions.url }, 'request failed: answered server_error');
    return reply.code(status).send({ error: 'server_error', message: SERVER_ERROR_MESSAGE, requestId: request.id });
  });
}
