/**
 * Who may read an inspection record, checked per record: its officer, and a supervisor holding an
 * accepted grant whose window covers the record (see supervision-store.ts). To anyone else a record
 * answers 404, so that its existence does not leak; not even an admin reads without a grant. Every
 * read by someone other than the officer is written to the access log before the answer goes out.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { InspectionRecord } from '../../domain/inspection';
import { INSPECTING, type Role, type SessionUser } from '../../domain/roles';
import { userOf } from '../auth/access';
import type { AccessAction } from '../db/schema-supervision';
import type { AccessLog } from './access-log';
import type { InspectionStore } from './inspection-store';
import type { SupervisionStore } from './supervision-store';

/** Who may call the reading routes at all: examiners and admins for their own, instructors as supervisors. */
export const INSPECTION_READERS: readonly Role[] = [...INSPECTING, 'instructor'];

export const RecordParams = z.object({ id: z.uuid('must be a UUID') });

export interface RecordReading {
  inspections: InspectionStore;
  supervision: SupervisionStore;
  log: AccessLog;
}

/** How the caller reads the record: as its officer, or under a grant (whose window may hide later photos). */
export interface Readable {
  record: InspectionRecord;
  user: SessionUser;
  grant: { grantId: string; windowEnd: Date | null } | null;
}

/**
 * The one answer for a record that is not there, not the caller's to see, or not even a well-formed id:
 * byte for byte the same (it names no id), so that no answer tells whether a record exists.
 */
export const noRecord = (reply: FastifyReply, _id?: string) =>
  reply.code(404).send({ error: 'inspection_not_found', message: 'No inspection record that you may see at this address.' });

/** The record's id from the URL, or undefined for one that is not a UUID (it names no record: answer noRecord). */
export const recordIdOf = (request: FastifyRequest): string | undefined => RecordParams.safeParse(request.params).data?.id;

/** The record if the caller may read it (photos stored after a grant's window left out); otherwise the 404 (noRecord) is sent. */
export async function readableRecord(deps: RecordReading, request: FastifyRequest, reply: FastifyReply): Promise<Readable | undefined> {
  const id = recordIdOf(request);
  const user = userOf(request);
  const officerId = id && (await deps.inspections.officerOf(id));
  const grant = !id || !officerId || officerId === user.id ? null : await deps.supervision.covering(user.id, id);
  const end = grant?.windowEnd ?? undefined;
  const record = id && officerId && (officerId === user.id || grant) ? await deps.inspections.get(id, end) : undefined;
  if (!record) {
    void noRecord(reply);
    return undefined;
  }
  return { record, user, grant: grant ?? null };
}

/** Logs a read of someone else's record (nothing for the officer's own). Call before sending the answer. */
export async function logRead(deps: RecordReading, readable: Readable, action: AccessAction, detail?: string): Promise<void> {
  if (!readable.grant) return;
  await deps.log.add({
    actorId: readable.user.id,
    examinerId: readable.record.officer.id,
    action,
    inspectionId: readable.record.id,
    grantId: readable.grant.grantId,
    detail: detail ?? null,
  });
}
