/** Who may read an inspection record, checked per record: a record anyone else asks for answers 404. */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { InspectionRecord } from '../../domain/inspection';
import { INSPECTING, type Role } from '../../domain/roles';
import { userOf } from '../auth/access';
import { parseOr400 } from '../http/validate';
import type { InspectionStore } from './inspection-store';

/** Who may read records at all: examiners and admins their own, instructors also their groups' members'. */
export const INSPECTION_READERS: readonly Role[] = [...INSPECTING, 'instructor'];

export const RecordParams = z.object({ id: z.uuid('must be a UUID') });

export const noRecord = (reply: FastifyReply, id: string) =>
  reply.code(404).send({ error: 'inspection_not_found', message: `No inspection record ${id} that you may see.` });


/** The record if the caller may read it; otherwise the reply (400 or 404) is sent and undefined returned. */
export async function readableRecord(inspections: InspectionStore, request: FastifyRequest, reply: FastifyReply): Promise<InspectionRecord | undefined> {
  const params = parseOr400(RecordParams, request.params, reply, 'params');
  if (!params) return undefined;
  const officerId = await inspections.officerOf(params.id);
  if (!officerId || !(await inspections.mayRead(userOf(request), officerId))) {
    void noRecord(reply, params.id);
    return undefined;
  }
  return inspections.get(params.id);
}
