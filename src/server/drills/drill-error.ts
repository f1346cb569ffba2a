/**
 * The errors a drill request can meet: DrillError (a status, a code, a message), the check that an
 * answer is for the drill's kind, and why a stored drill refuses a hint or an answer.
 */
import { eq } from 'drizzle-orm';
import type { DrillAnswer, DrillKind } from '../../domain/drill';
import type { SessionUser } from '../../domain/roles';
import type { Db } from '../db/database';
import { drills } from '../db/schema';

export class DrillError extends Error {
  override name = 'DrillError';
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export function checkKind(kind: DrillKind, answer: DrillAnswer): void {
  if (answer.kind !== kind) {
    throw new DrillError(400, 'wrong_answer_kind', `body.answer.kind: this is a "${kind}" drill, the answer is for "${answer.kind}"`);
  }
}

/** Why a stored drill cannot be hinted or answered by this user (called after a guarded update found nothing). */
export async function refusal(reader: Db, user: SessionUser | undefined, drillId: string): Promise<DrillError> {
  // Inside a transaction, read through it: PGlite has one connection, and the outer handle would wait forever.
  const [row] = await reader.select({ userId: drills.userId, answeredAt: drills.answeredAt, hintsUsed: drills.hintsUsed }).from(drills).where(eq(drills.id, drillId)).limit(1);
  if (!row) return new DrillError(404, 'drill_not_found', `No drill ${drillId}.`);
  if (!user) return new DrillError(401, 'not_signed_in', 'Sign in to answer this drill.');
  if (row.userId !== user.id) return new DrillError(403, 'not_your_drill', 'This drill belongs to another trainee.');
  if (row.answeredAt) return new DrillError(409, 'already_answered', 'This drill has already been answered.');
  return new DrillError(409, 'no_more_hints', 'No hints are left for this drill.');
}
