/** Supervision grants over inspection records and the audit log of record access (migration 0008_h-records). */
import { bigserial, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

const time = (name: string) => timestamp(name, { withTimezone: true });

/** An admin's proposal that a supervisor reads an examiner's records; open only once the examiner accepts. */
export const supervisionGrants = pgTable('supervision_grants', {
  id: uuid('id').primaryKey(),
  examinerId: text('examiner_id').notNull(),
  supervisorId: text('supervisor_id').notNull(),
  proposedBy: text('proposed_by').notNull(),
  proposedAt: time('proposed_at').notNull().defaultNow(),
  endsAt: time('ends_at'),
  acceptedAt: time('accepted_at'),
  endedAt: time('ended_at'),
  endedBy: text('ended_by'),
});

export const ACCESS_ACTIONS = [
  'grant_proposed',
  'grant_accepted',
  'grant_declined',
  'grant_withdrawn',
  'grant_revoked',
  'records_listed',
  'record_read',
  'record_json',
  'record_pdf',
  'photo_read',
] as const;
export type AccessAction = (typeof ACCESS_ACTIONS)[number];

/** Append-only (a trigger refuses UPDATE and DELETE). */
export const recordAccessLog = pgTable('record_access_log', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  at: time('at').notNull().defaultNow(),
  actorId: text('actor_id').notNull(),
  examinerId: text('examiner_id').notNull(),
  action: text('action').$type<AccessAction>().notNull(),
  inspectionId: uuid('inspection_id'),
  grantId: uuid('grant_id'),
  detail: text('detail'),
});
