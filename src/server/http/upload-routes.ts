/**
 * Uploads to the studio (a model or a reference photo, one file per request, multipart) and the
 * stored files themselves. A model is checked before anything is kept; a refused upload stores nothing.
 * GET /api/files/:sha256 is public for files of published products (as /content/ is for built-in
 * ones) and open to authors, reviewers and admins for drafts; bytes never change under a name, so it is
 * cached for a year. Inspection photos are never among these files: they have their own table
 * (inspections/photo-files.ts), read only through the inspection routes.
 */
import type { MultipartFile } from '@fastify/multipart';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { SHA256_HEX, storedFileRef, storedFileUrl } from '../../domain/stored-file';
import { userOf } from '../auth/access';
import { ChecksBusy, modelChecks } from '../uploads/model-check-pool';
import type { UploadResult } from '../uploads/model-job';
import { formatBytes } from '../uploads/model-limits';
import { checkPhoto, photoTypeOf } from '../uploads/photo-check';
import type { Db } from '../db/database';
import { GLB_MEDIA_TYPE } from '../studio/draft-files';
import type { FileStore } from '../studio/file-store';
import { AUTHORS, STUDIO } from './studio-routes';
import { parseOr400 } from './validate';

const UploadQuery = z.object({ unit: z.enum(['m', 'cm', 'mm']).optional() }).strict();
const FileParams = z.object({ sha256: z.string().regex(SHA256_HEX, 'must be a sha256 in lower-case hex') });
const YEAR = 365 * 24 * 3600;

interface Issue {
  code: string;
  message: string;
  pointer: string;
}

/** Files that passed the checks but could not be processed, or whose check ran out of time or memory: 422. */
const UNPROCESSABLE = new Set(['optimise_failed', 'check_failed', 'check_timeout', 'check_out_of_memory']);

function refuse(reply: FastifyReply, issues: Issue[]) {
  const code = issues[0]?.code ?? '';
  const status = code === 'too_large' ? 413 : code === 'not_gltf' ? 415 : UNPROCESSABLE.has(code) ? 422 : 400;
  return reply.code(status).send({ error: 'upload_refused', message: issues.map((i) => i.message).join(' '), issues });
}

/** Every model check-worker busy and the queue full: 503 with a time to try again (no input was at fault). */
export function busy(reply: FastifyReply, err: ChecksBusy) {
  return reply.code(503).header('retry-after', '30').send({ error: 'checks_busy', message: err.message });
}

/** The one file of a multipart request, read up to `maxBytes`; otherwise the reply is sent. */
export async function readOneFile(request: FastifyRequest, reply: FastifyReply, maxBytes: number): Promise<{ name: string; bytes: Uint8Array } | undefined> {
  let part: MultipartFile | undefined;
  try {
    part = request.isMultipart() ? await request.file({ limits: { fileSize: maxBytes, files: 1 } }) : undefined;
    if (!part) {
      void reply.code(415).send({ error: 'upload_refused', message: 'Send the file as multipart/form-data, in one field.', issues: [{ code: 'no_file', pointer: 'file', message: 'no file in the request' }] });
      return undefined;
    }
    const buffer = await part.toBuffer(); // a view, not a copy: a big file's buffer is its own, and may move to a check-worker
    return { name: part.filename || 'upload', bytes: new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength) };
  } catch (err) {
    if ((err as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') {
      const message = `"${part?.filename ?? 'The file'}" is larger than ${formatBytes(maxBytes)}, the most accepted here; nothing was stored.`;
      void refuse(reply, [{ code: 'too_large', pointer: 'file', message }]);
      return undefined;
    }
    throw err;
  }
}

export function registerUploadRoutes(app: FastifyInstance, deps: { db: Db; files: FileStore; maxModelBytes: number }): void {
  const { files } = deps;

  app.post('/api/studio/uploads', { config: { access: AUTHORS } }, async (request, reply) => {
    const query = parseOr400(UploadQuery, request.query, reply, 'query');
    const upload = query && (await readOneFile(request, reply, deps.maxModelBytes));
    if (!query || !upload) return reply;
    const user = userOf(request);
    if (photoTypeOf(upload.bytes)) {
      const photo = await checkPhoto(upload.bytes, upload.name);
      if (!photo.ok) return refuse(reply, photo.errors);
      const sha256 = await files.put(upload.bytes, photo.type.mediaType, user.id);
      return reply.code(201).send({
        kind: 'photo',
        sha256,
        file: storedFileRef(sha256, photo.type.ext),
        url: storedFileUrl(sha256),
        bytes: upload.bytes.byteLength,
        width: photo.width,
        height: photo.height,
      });
    }
    let check: UploadResult;
    try {
      check = await modelChecks().upload(upload.bytes, upload.name, query.unit, { handOver: true });
    } catch (err) {
      if (err instanceof ChecksBusy) return busy(reply, err);
      throw err;
    }
    if (!check.ok) {
      if (check.internal) request.log.warn({ file: upload.name, internal: check.internal, issues: check.errors.map((e) => e.code) }, 'model check failed');
      return refuse(reply, check.errors);
    }
    const { optimised, report } = check;
    const original = check.original ?? upload.bytes; // handed over to the check-worker and back
    const [originalSha, sha256] = await deps.db.transaction(async (tx) => [
      await files.put(original, report.format === 'glb' ? GLB_MEDIA_TYPE : 'model/gltf+json', user.id, tx, check.sha256?.original),
      await files.put(optimised.bytes, GLB_MEDIA_TYPE, user.id, tx, check.sha256?.optimised),
    ]);
    return reply.code(201).send({
      kind: 'model',
      sha256,
      file: storedFileRef(sha256, 'glb'),
      url: storedFileUrl(sha256),
      original: { sha256: originalSha, format: report.format, bytes: report.bytes, nodes: report.nodes, triangles: report.triangles },
      optimised: optimised.after,
      units: optimised.units,
      withinBudget: optimised.withinBudget,
      ...(optimised.budgetMessage ? { budgetMessage: optimised.budgetMessage } : {}),
      warnings: report.warnings,
    });
  });

  app.get('/api/files/:sha256', { config: { access: 'public' } }, async (request, reply) => {
    const params = parseOr400(FileParams, request.params, reply, 'params');
    if (!params) return reply;
    const studio = !!request.user && STUDIO.includes(request.user.role);
    const file = (studio || (await files.isPublished(params.sha256))) && (await files.get(params.sha256));
    if (!file) return reply.code(404).send({ error: 'file_not_found', message: `No file ${params.sha256}.` });
    return reply
      .header('cache-control', `${studio ? 'private' : 'public'}, max-age=${YEAR}, immutable`)
      .header('etag', `"${file.sha256}"`)
      .type(file.mediaType)
      .send(Buffer.from(file.bytes.buffer, file.bytes.byteOffset, file.bytes.byteLength));
  });
}
