/**
 * Drills: anyone may practise (a guest's drill is sealed, nothing stored); a signed-in user's drill is
 * stored and only its owner may take hints or answer, once. Models come through opaque URLs.
 */
import { readFile } from 'node:fs/promises';
import { join, normalize, sep } from 'node:path';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { z } from 'zod';
import { DrillAnswer, DrillKind, MAX_HINTS } from '../../domain/drill';
import { storedFileOf } from '../../domain/stored-file';
import type { Sealer } from '../auth/sealing';
import type { CatalogueStore } from '../db/catalogue-store';
import { anonymiseGlb } from '../drills/anonymous-glb';
import { DrillError, SEAL_USE, type DrillService } from '../drills/drill-service';
import type { FileStore } from '../studio/file-store';
import { parseOr400, sendInvalid } from './validate';

const NewDrill = z.object({ kind: DrillKind, productId: z.string().min(1).max(100).optional() }).strict();
const HintBody = z.object({ hintsUsed: z.number().int().min(0).max(MAX_HINTS).optional(), sealed: z.string().max(50_000).optional() }).strict();
/** answeredAt: when an answer sent later from the offline queue was given (the server keeps it between issue and now). */
const AnswerBody = HintBody.extend({ answer: DrillAnswer, answeredAt: z.iso.datetime({ offset: true }).optional() }).strict();
/** The client's key for one answer: the same answer sent again (a lost response, a replayed queue) is stored once. */
const IdempotencyKey = z.uuid();
const DrillParams = z.object({ id: z.string().min(1).max(100) });

/** A drill item's sealed token: the product and its model's file (a token from before `use` was sealed in has none). */
function isItemSeal(seal: Record<string, unknown> | undefined): seal is { p: string; f: string } {
  return !!seal && (seal.use === undefined || seal.use === SEAL_USE.drillItem) && typeof seal.p === 'string' && typeof seal.f === 'string';
}

function sendDrillError(reply: FastifyReply, err: unknown) {
  if (err instanceof DrillError) return reply.code(err.status).send({ error: err.code, message: err.message });
  throw err;
}

export interface DrillRouteDeps {
  drills: DrillService;
  store: CatalogueStore;
  sealer: Sealer;
  contentDir: string;
  /** Uploaded models, for authored products. */
  files: FileStore;
}

export function registerDrillRoutes(app: FastifyInstance, deps: DrillRouteDeps): void {
  app.post('/api/drills', { config: { access: 'public' } }, async (request, reply) => {
    const body = parseOr400(NewDrill, request.body, reply, 'body');
    if (!body) return reply;
    return deps.drills.issue(request.user, body.kind, body.productId).catch((e) => sendDrillError(reply, e));
  });

  app.post('/api/drills/:id/hint', { config: { access: 'public' } }, async (request, reply) => {
    const params = parseOr400(DrillParams, request.params, reply, 'params');
    const body = params && parseOr400(HintBody, request.body, reply, 'body');
    if (!params || !body) return reply;
    return deps.drills.hint(request.user, params.id, body).catch((e) => sendDrillError(reply, e));
  });

  app.post('/api/drills/:id/answer', { config: { access: 'public' } }, async (request, reply) => {
    const params = parseOr400(DrillParams, request.params, reply, 'params');
    const body = params && parseOr400(AnswerBody, request.body, reply, 'body');
    if (!params || !body) return reply;
    const header = request.headers['idempotency-key'];
    const key = header === undefined ? undefined : IdempotencyKey.safeParse(header);
    if (key && !key.success) {
      const issue = { path: 'headers.idempotency-key', message: 'Idempotency-Key must be a UUID (one per answer)' };
      return sendInvalid(reply, [issue]);
    }
    return deps.drills.answer(request.user, params.id, body, key?.data).catch((e) => sendDrillError(reply, e));
  });

  // A drill item's model: the token is sealed, so the URL says nothing of which variant it is.
  const cache = new Map<string, Buffer>();
  app.get<{ Params: { token: string } }>('/api/drill-items/:token', { config: { access: 'public' } }, async (request, reply) => {
    // Only a drill item's token: another sealed token (a guest drill's) opens too, but holds no item.
    const sealed = await deps.sealer.open<Record<string, unknown>>(request.params.token);
    const item = isItemSeal(sealed) ? sealed : undefined;
    const found = item && (await deps.store.get(item.p));
    if (!item || !found) return reply.code(404).send({ error: 'item_not_found', message: 'This drill item has expired: start a new drill.' });
    // A built-in product's model is a file in the content pack; an authored product's, a stored upload.
    const stored = found.source === 'authored' ? storedFileOf(item.f) : undefined;
    const folder = join(deps.contentDir, 'products', item.p);
    const file = stored ? `sha256:${stored.sha256}` : normalize(join(folder, item.f));
    if (!stored && !file.startsWith(folder + sep)) return reply.code(404).send({ error: 'item_not_found', message: 'No such drill item.' });
    let glb = cache.get(file);
    if (!glb) {
      const bytes = stored ? (await deps.files.get(stored.sha256))?.bytes : await readFile(file);
      if (!bytes) return reply.code(404).send({ error: 'item_not_found', message: 'No such drill item.' });
      glb = anonymiseGlb(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
      if (cache.size > 48) cache.delete(cache.keys().next().value!);
      cache.set(file, glb);
    }
    return reply.header('cache-control', 'private, max-age=3600').type('model/gltf-binary').send(glb);
  });
}
