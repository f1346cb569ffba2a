/** Who may read an inspection record, checked per record: a record anyone else asks for answers 404. */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { InspectionRecord } from '../../domain/inspection';
import { INSPECTING, type Role } from '../../domain/roles';
import { userOf } from '../auth/access';
import type { InspectionStore } from './inspection-store';

/** Who may read records at all: examiners and admins their own, instructors also their groups' members'. */
export const INSPECTION_READERS: readonly Role[] = [...INSPECTING, 'instructor'];

export const RecordParams = z.object({ id: z.uuid('must be a UUID') });

/**
 * The one answer for a record that is not there, not the caller's to see, or not even a well-formed id:
 * byte for byte the same (it names no id), so that no answer tells whether a record exists.
 */
export const noRecord = (reply: FastifyReply, _id?: string) =>
  reply.code(404).send({ error: 'inspection_not_found', message: 'No inspection record that you may see at this address.' });


/** The record's id from the URL, or undefined for one that is not a UUID (it names no record: answer noRecord). */
export const recordIdOf = (request: FastifyRequest): string | undefined => RecordParams.safeParse(request.params).data?.id;

/** The record if the caller may read it; otherwise the 404 (noRecord) is sent and undefined returned. */
export async function readableRecord(inspections: InspectionStore, request: FastifyRequest, reply: FastifyReply): Promise<InspectionRecord | undefined> {
  const id = recordIdOf(request);
  const officerId = id && (await inspections.officerOf(id));
  if (!id || !officerId || !(await inspections.mayRead(userOf(request), officerId))) {
    void noRecord(reply);
    return undefined;
  }
  return inspections.get(id);
}
