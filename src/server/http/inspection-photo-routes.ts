/**
 * Photos of an inspection record: one JPEG, PNG or WebP per request (multipart, field `file`), put under
 * an id made on the device, so that a photo sent again after a lost answer is stored once. Its metadata
 * but the orientation and colour profile (the GPS position with it) is removed before it is stored
 * unless the officer keeps it (keepLocation=true). Only the record's officer adds photos; whoever may
 * read the record may fetch them. The bytes go to the photo store (photo-files.ts), never to the
 * catalogue's stored files. A supervisor sees only the photos stored while their grant held, each fetch
 * logged. A record that is not the caller's answers as one that is not there; a photo id another record
 * holds answers as a malformed one, naming nothing.
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import { z } from 'zod';
import { INSPECTING } from '../../domain/roles';
import { userOf } from '../auth/access';
import { photoOf } from '../inspections/inspection-store';
import type { PhotoFileStore } from '../inspections/photo-files';
import { stripLocation } from '../inspections/strip-location';
import { checkPhoto, MAX_PHOTO_BYTES } from '../uploads/photo-check';
import { INSPECTION_READERS, logRead, noRecord, readableRecord, recordIdOf, type RecordReading } from '../inspections/record-access';
import { readOneFile } from './upload-routes';
import { parseOr400, sendInvalid } from './validate';

/** One message for a photo id that is not a UUID and for one another record holds: the answer tells nothing. */
const PHOTO_ID_MESSAGE = 'must be a new UUID, made on the device for this photo';
const PhotoParams = z.object({ photoId: z.uuid(PHOTO_ID_MESSAGE) });
const PhotoQuery = z
  .object({
    check: z.string().trim().min(1).max(200).optional(),
    caption: z.string().trim().max(500).default(''),
    keepLocation: z.enum(['true', 'false']).default('false'),
  })
  .strict();

const refuse = (reply: FastifyReply, status: number, code: string, message: string) =>
  reply.code(status).send({ error: 'upload_refused', message, issues: [{ code, pointer: 'file', message }] });

/** A photo id another record holds: answered as a malformed one is (see PHOTO_ID_MESSAGE). */
const photoIdRefused = (reply: FastifyReply) => sendInvalid(reply, [{ path: 'params.photoId', message: PHOTO_ID_MESSAGE }]);

const noPhoto = (reply: FastifyReply) => reply.code(404).send({ error: 'photo_not_found', message: 'No such photo in this inspection record.' });

export function registerInspectionPhotoRoutes(app: FastifyInstance, deps: RecordReading & { photoFiles: PhotoFileStore }): void {
  const { inspections, photoFiles } = deps;

  app.put('/api/inspections/:id/photos/:photoId', { config: { access: INSPECTING } }, async (request, reply) => {
    // Whose record it is comes first: for any record not the caller's, the same 404 whatever else is wrong.
    const id = recordIdOf(request);
    const user = userOf(request);
    if (!id || (await inspections.officerOf(id)) !== user.id) return noRecord(reply);
    const params = parseOr400(PhotoParams, request.params, reply, 'params');
    const query = params && parseOr400(PhotoQuery, request.query, reply, 'query');
    if (!params || !query) return reply;
    const stored = await inspections.photo(id, params.photoId);
    // The same photo again (a retry after a lost answer): nothing more is stored.
    if (stored) return reply.code(200).send(photoOf(stored));
    if (await inspections.photoIdTaken(params.photoId)) return photoIdRefused(reply);
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
    const sha256 = await photoFiles.put(bytes, check.type.mediaType, user.id);
    const row = await inspections.addPhoto({
      id: params.photoId,
      inspectionId: id,
      checkKey: query.check ?? null,
      caption: query.caption,
      fileSha256: sha256,
      mediaType: check.type.mediaType,
      bytes: bytes.byteLength,
      locationKept: keep,
    });
    if (!row || row.inspectionId !== id) return photoIdRefused(reply);
    return reply.code(201).send(photoOf(row));
  });

  app.get('/api/inspections/:id/photos/:photoId', { config: { access: INSPECTION_READERS } }, async (request, reply) => {
    const readable = await readableRecord(deps, request, reply);
    if (!readable) return reply;
    // A photo id that is not a UUID names no photo: the same 404 as an unknown one, or another record's.
    // Under a grant, only the photos the record showed while it held (readableRecord left the later out).
    const photoId = PhotoParams.safeParse(request.params).data?.photoId;
    const shown = photoId && readable.record.photos.some((p) => p.id === photoId);
    const row = shown ? await inspections.photo(readable.record.id, photoId) : undefined;
    const file = row && (await photoFiles.get(row.fileSha256));
    if (!row || !file) return noPhoto(reply);
    await logRead(deps, readable, 'photo_read', photoId);
    return reply
      .header('cache-control', 'private, max-age=3600')
      .type(row.mediaType)
      .send(Buffer.from(file.bytes.buffer, file.bytes.byteOffset, file.bytes.byteLength));
  });
}
