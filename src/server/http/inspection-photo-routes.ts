/**
 * Photos of an inspection record: one JPEG, PNG or WebP per request (multipart, field `file`), put under
 * an id made on the device, so that a photo sent again after a lost answer is stored once. Its GPS
 * position is removed before it is stored unless the officer keeps it (keepLocation=true). Only the
 * record's officer adds photos; whoever may read the record may fetch them (a supervisor, only those
 * stored while their grant held, each fetch logged).
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import { z } from 'zod';
import { INSPECTING } from '../../domain/roles';
import { userOf } from '../auth/access';
import { photoOf } from '../inspections/inspection-store';
import { stripLocation } from '../inspections/strip-location';
import type { FileStore } from '../studio/file-store';
import { checkPhoto, MAX_PHOTO_BYTES } from '../uploads/photo-check';
import { INSPECTION_READERS, logRead, noRecord, readableRecord, RecordParams, type RecordReading } from '../inspections/record-access';
import { readOneFile } from './upload-routes';
import { parseOr400 } from './validate';

const PhotoParams = RecordParams.extend({ photoId: z.uuid('must be a UUID') });
const PhotoQuery = z
  .object({
    check: z.string().trim().min(1).max(200).optional(),
    caption: z.string().trim().max(500).default(''),
    keepLocation: z.enum(['true', 'false']).default('false'),
  })
  .strict();

const refuse = (reply: FastifyReply, status: number, code: string, message: string) =>
  reply.code(status).send({ error: 'upload_refused', message, issues: [{ code, pointer: 'file', message }] });

const photoIdTaken = (reply: FastifyReply, photoId: string) =>
  reply.code(409).send({ error: 'photo_id_taken', message: `The photo id ${photoId} belongs to another record; make a new id.` });

export function registerInspectionPhotoRoutes(app: FastifyInstance, deps: RecordReading & { files: FileStore }): void {
  const { inspections, files } = deps;

  app.put('/api/inspections/:id/photos/:photoId', { config: { access: INSPECTING } }, async (request, reply) => {
    const params = parseOr400(PhotoParams, request.params, reply, 'params');
    const query = params && parseOr400(PhotoQuery, request.query, reply, 'query');
    if (!params || !query) return reply;
    const user = userOf(request);
    if ((await inspections.officerOf(params.id)) !== user.id) return noRecord(reply, params.id);
    const stored = await inspections.photo(params.id, params.photoId);
    // The same photo again (a retry after a lost answer): nothing more is stored.
    if (stored) return reply.code(200).send(photoOf(stored));
    if (await inspections.photoIdTaken(params.photoId)) return photoIdTaken(reply, params.photoId);
    const upload = await readOneFile(request, reply, MAX_PHOTO_BYTES);
    if (!upload) return reply;
    const check = await checkPhoto(upload.bytes, upload.name);
    if (!check.ok) {
      const issue = check.errors[0]!;
      const status = issue.code === 'too_large' ? 413 : issue.code === 'not_a_photo' ? 415 : 400;
      return refuse(reply, status, issue.code, `${issue.message} Nothing was stored.`);
    }
    const keep = query.keepLocation === 'true';
    const bytes = keep ? upload.bytes : stripLocation(upload.bytes, check.type.mediaType).bytes;
    const sha256 = await files.put(bytes, check.type.mediaType, user.id);
    const row = await inspections.addPhoto({
      id: params.photoId,
      inspectionId: params.id,
      checkKey: query.check ?? null,
      caption: query.caption,
      fileSha256: sha256,
      mediaType: check.type.mediaType,
      bytes: bytes.byteLength,
      locationKept: keep,
    });
    if (!row || row.inspectionId !== params.id) return photoIdTaken(reply, params.photoId);
    return reply.code(201).send(photoOf(row));
  });

  app.get('/api/inspections/:id/photos/:photoId', { config: { access: INSPECTION_READERS } }, async (request, reply) => {
    const params = parseOr400(PhotoParams, request.params, reply, 'params');
    if (!params) return reply;
    const readable = await readableRecord(deps, request, reply);
    if (!readable) return reply;
    // Under a grant, only the photos the record showed while it held (readableRecord left the later out).
    const row = readable.record.photos.some((p) => p.id === params.photoId) ? await inspections.photo(params.id, params.photoId) : undefined;
    const file = row && (await files.get(row.fileSha256));
    if (file) await logRead(deps, readable, 'photo_read', params.photoId);
    if (!row || !file) return reply.code(404).send({ error: 'photo_not_found', message: `No photo ${params.photoId} in inspection record ${params.id}.` });
    return reply
      .header('cache-control', 'private, max-age=3600')
      .type(row.mediaType)
      .send(Buffer.from(file.bytes.buffer, file.bytes.byteOffset, file.bytes.byteLength));
  });
}
