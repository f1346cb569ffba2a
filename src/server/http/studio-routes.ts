/**
 * The authoring studio's products: drafts, versions, review. Authors ('author', 'admin') write;
 * reviewers ('reviewer', 'admin') review; both read what they may see (studio-service.ts says what).
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import { z } from 'zod';
import { ProductDraft } from '../../domain/catalogue';
import type { Role } from '../../domain/roles';
import { userOf } from '../auth/access';
import { StudioError, NewProduct, type StudioService } from '../studio/studio-service';
import type { ProductVersion } from '../studio/version-store';
import type { CatalogueStore } from '../db/catalogue-store';
import { parseOr400 } from './validate';

export const AUTHORS: readonly Role[] = ['author', 'admin'];
export const REVIEWERS: readonly Role[] = ['reviewer', 'admin'];
export const STUDIO: readonly Role[] = ['author', 'reviewer', 'admin'];

const ProductParams = z.object({ id: z.string().min(1).max(100) });
const Review = z
  .object({ decision: z.enum(['publish', 'return']), comment: z.string().trim().max(5000).optional() })
  .strict()
  .refine((r) => r.decision !== 'return' || !!r.comment, { path: ['comment'], message: 'say what the author must change: a returned version needs a comment' });

const iso = (d: Date | null) => d?.toISOString() ?? null;

/** A version as the studio's client reads it (`document` only where asked for). */
export function versionView(v: ProductVersion, withDocument = false) {
  return {
    productId: v.productId,
    version: v.version,
    status: v.status,
    name: v.document.name,
    authorId: v.authorId,
    reviewerId: v.reviewerId,
    createdAt: iso(v.createdAt),
    updatedAt: iso(v.updatedAt),
    submittedAt: iso(v.submittedAt),
    decidedAt: iso(v.decidedAt),
    ...(withDocument ? { document: v.document } : {}),
  };
}

export function sendStudioError(reply: FastifyReply, err: unknown) {
  if (err instanceof StudioError) {
    return reply.code(err.status).send({ error: err.code, message: err.message, ...(err.issues ? { issues: err.issues } : {}) });
  }
  throw err;
}

export function registerStudioRoutes(app: FastifyInstance, studio: StudioService, store: CatalogueStore): void {
  app.post('/api/studio/products', { config: { access: AUTHORS } }, async (request, reply) => {
    const body = parseOr400(NewProduct, request.body, reply, 'body');
    if (!body) return reply;
    return studio.create(userOf(request), body).then((v) => reply.code(201).send(versionView(v, true)), (e) => sendStudioError(reply, e));
  });

  app.get('/api/studio/products', { config: { access: STUDIO } }, async (request) => {
    return (await studio.list(userOf(request))).map((v) => versionView(v));
  });

  /** The built-in catalogue (content/): published, but kept in the repository rather than authored here. */
  app.get('/api/studio/built-in', { config: { access: STUDIO } }, async () => {
    return (await store.list()).filter((p) => p.source === 'builtin').map((p) => ({ productId: p.product.id, name: p.product.name }));
  });

  app.get('/api/studio/products/:id', { config: { access: STUDIO } }, async (request, reply) => {
    const params = parseOr400(ProductParams, request.params, reply, 'params');
    if (!params) return reply;
    return studio.get(userOf(request), params.id).then(
      ({ latest, history, comments }) => ({
        latest: versionView(latest, true),
        history: history.map((v) => versionView(v)),
        comments: comments.map((c) => ({ version: c.version, authorId: c.authorId, decision: c.decision, body: c.body, createdAt: iso(c.createdAt) })),
      }),
      (e) => sendStudioError(reply, e),
    );
  });

  app.put('/api/studio/products/:id/draft', { config: { access: AUTHORS } }, async (request, reply) => {
    const params = parseOr400(ProductParams, request.params, reply, 'params');
    const body = params && parseOr400(ProductDraft, request.body, reply, 'body');
    if (!params || !body) return reply;
    return studio.saveDraft(userOf(request), params.id, body).then((v) => versionView(v), (e) => sendStudioError(reply, e));
  });

  app.post('/api/studio/products/:id/submit', { config: { access: AUTHORS } }, async (request, reply) => {
    const params = parseOr400(ProductParams, request.params, reply, 'params');
    if (!params) return reply;
    return studio.submit(userOf(request), params.id).then((v) => versionView(v), (e) => sendStudioError(reply, e));
  });

  app.get('/api/studio/products/:id/diff', { config: { access: STUDIO } }, async (request, reply) => {
    const params = parseOr400(ProductParams, request.params, reply, 'params');
    if (!params) return reply;
    return studio.diff(userOf(request), params.id).catch((e) => sendStudioError(reply, e));
  });

  app.post('/api/studio/products/:id/review', { config: { access: REVIEWERS } }, async (request, reply) => {
    const params = parseOr400(ProductParams, request.params, reply, 'params');
    const body = params && parseOr400(Review, request.body, reply, 'body');
    if (!params || !body) return reply;
    return studio.review(userOf(request), params.id, body.decision, body.comment).then((v) => versionView(v), (e) => sendStudioError(reply, e));
  });
}
