/**
 * Supervision of inspection records: an admin proposes that a supervisor reads an examiner's records,
 * and nothing is readable until the examiner accepts. Records made while the grant holds (from its
 * acceptance until its end date, or until it is ended early) are the supervisor's to read; none other.
 */
import type { Role } from './roles';

/** Who may be proposed as a supervisor: instructors and (senior) examiners; never an admin. */
export const SUPERVISOR_ROLES: readonly Role[] = ['instructor', 'examiner'];
/** Whose records may be supervised. */
export const SUPERVISED_ROLES: readonly Role[] = ['examiner'];

export const GRANT_STATUSES = ['pending', 'active', 'ended', 'declined', 'withdrawn', 'expired'] as const;
export type GrantStatus = (typeof GRANT_STATUSES)[number];

export interface GrantTimes {
  examinerId: string;
  acceptedAt: Date | null;
  endsAt: Date | null;
  endedAt: Date | null;
  endedBy: string | null;
}

/** Where the grant stands at `now`. */
export function grantStatus(g: GrantTimes, now: Date): GrantStatus {
  const pastEnd = g.endsAt !== null && g.endsAt.getTime() <= now.getTime();
  if (g.acceptedAt === null) {
    if (g.endedAt !== null) return g.endedBy === g.examinerId ? 'declined' : 'withdrawn';
    return pastEnd ? 'expired' : 'pending';
  }
  return g.endedAt !== null || pastEnd ? 'ended' : 'active';
}

/** The end of the window of records the grant opens (null: open-ended), once accepted. */
export function windowEnd(g: Pick<GrantTimes, 'endsAt' | 'endedAt'>): Date | null {
  const ends = [g.endsAt, g.endedAt].filter((d): d is Date => d !== null);
  return ends.length === 0 ? null : new Date(Math.min(...ends.map((d) => d.getTime())));
}
