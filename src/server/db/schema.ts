/** The database schema (drizzle pg-core): runs on PGlite and on PostgreSQL 15. Migrations in ./migrations. */
import { boolean, customType, integer, jsonb, pgTable, primaryKey, real, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { Product, ProductDraft } from '../../domain/catalogue';
import type { AttemptRecord } from '../../domain/attempt';
import type { DrillAnswer, DrillKey, DrillKind, DrillQuestion } from '../../domain/drill';
import type { Phase } from '../../domain/live-protocol';
import type { Role } from '../../domain/roles';
import type { CheckMark } from '../../domain/inspection';
import { recordAccessLog, supervisionGrants } from './schema-supervision';

export { recordAccessLog, supervisionGrants };

export type ProductSource = 'builtin' | 'authored';
const time = (name: string) => timestamp(name, { withTimezone: true });

export const products = pgTable('products', {
  id: text('id').primaryKey(),
  /** The Product, as validated by the catalogue schema. */
  document: jsonb('document').$type<Product>().notNull(),
  source: text('source').$type<ProductSource>().notNull(),
  published: boolean('published').notNull().default(false),
  updatedAt: time('updated_at').notNull().defaultNow(),
});

export const users = pgTable('users', {
  id: text('id').primaryKey(),
  email: text('email').notNull().unique(),
  displayName: text('display_name').notNull(),
  role: text('role').$type<Role>().notNull(),
  accountName: text('account_name').notNull().unique(),
  passwordHash: text('password_hash'),
  oidcIssuer: text('oidc_issuer'),
  oidcSubject: text('oidc_subject'),
  createdAt: time('created_at').notNull().defaultNow(),
  /** An admin handed out this password: the next sign-in must choose a new one before anything else. */
  mustChangePassword: boolean('must_change_password').notNull().default(false),
  /** Set while the account is deactivated: no sign-in, no session; its records are kept. */
  deactivatedAt: time('deactivated_at'),
});

export const authSessions = pgTable('auth_sessions', {
  tokenHash: text('token_hash').primaryKey(),
  userId: text('user_id').notNull(),
  createdAt: time('created_at').notNull().defaultNow(),
  expiresAt: time('expires_at').notNull(),
});

/** One-time password reset links an admin made; the link carries the token, the table its SHA-256. */
export const passwordResetLinks = pgTable('password_reset_links', {
  tokenHash: text('token_hash').primaryKey(),
  userId: text('user_id').notNull(),
  createdAt: time('created_at').notNull().defaultNow(),
  expiresAt: time('expires_at').notNull(),
});

export const groups = pgTable('groups', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  ownerId: text('owner_id').notNull(),
  createdAt: time('created_at').notNull().defaultNow(),
});

export const groupMembers = pgTable(
  'group_members',
  {
    groupId: text('group_id').notNull(),
    userId: text('user_id').notNull(),
    addedAt: time('added_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.groupId, t.userId] })],
);

/** What a drill (and a live session's round) is made of: its question, its key, and where they came from. */
const drillMaking = () => ({
  kind: text('kind').$type<DrillKind>().notNull(),
  productId: text('product_id').notNull(),
  catalogueVersion: text('catalogue_version').notNull(),
  seed: text('seed').notNull(),
  question: jsonb('question').$type<DrillQuestion>().notNull(),
  answerKey: jsonb('answer_key').$type<DrillKey>().notNull(),
});

export const drills = pgTable('drills', {
  id: text('id').primaryKey(),
  userId: text('user_id').notNull(),
  ...drillMaking(),
  hintsUsed: integer('hints_used').notNull().default(0),
  issuedAt: time('issued_at').notNull().defaultNow(),
  answeredAt: time('answered_at'),
  /** Set on a trainee's answer in a shared live session. */
  liveSessionId: text('live_session_id'),
  liveRound: integer('live_round'),
});

export const attempts = pgTable('attempts', {
  drillId: text('drill_id').primaryKey(),
  userId: text('user_id').notNull(),
  kind: text('kind').$type<DrillKind>().notNull(),
  productId: text('product_id').notNull(),
  productName: text('product_name').notNull(),
  catalogueVersion: text('catalogue_version').notNull(),
  answer: jsonb('answer').$type<DrillAnswer>().notNull(),
  correct: boolean('correct').notNull(),
  scaled: real('scaled').notNull(),
  passed: boolean('passed').notNull(),
  confidence: real('confidence'),
  brier: real('brier'),
  tellsTotal: integer('tells_total').notNull(),
  tellsFound: integer('tells_found').notNull(),
  falseAlarms: integer('false_alarms').notNull(),
  hintsUsed: integer('hints_used').notNull(),
  durationMs: integer('duration_ms').notNull(),
  outcomes: jsonb('outcomes').$type<AttemptRecord['outcomes']>().notNull(),
  issuedAt: time('issued_at').notNull(),
  answeredAt: time('answered_at').notNull(),
  /** The client's Idempotency-Key for the answer (unique per user): a replay finds this attempt. */
  idempotencyKey: text('idempotency_key'),
});

export const attemptPins = pgTable(
  'attempt_pins',
  {
    drillId: text('drill_id').notNull(),
    ordinal: integer('ordinal').notNull(),
    x: real('x').notNull(),
    y: real('y').notNull(),
    z: real('z').notNull(),
    node: text('node'),
    tellId: text('tell_id'),
    distance: real('distance'),
  },
  (t) => [primaryKey({ columns: [t.drillId, t.ordinal] })],
);

export const reviewCards = pgTable(
  'review_cards',
  {
    userId: text('user_id').notNull(),
    productId: text('product_id').notNull(),
    category: text('category').notNull(),
    card: jsonb('card').$type<unknown>().notNull(),
    due: time('due').notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.productId, t.category] })],
);

export const xapiOutbox = pgTable('xapi_outbox', {
  id: text('id').primaryKey(),
  statement: jsonb('statement').$type<Record<string, unknown>>().notNull(),
  createdAt: time('created_at').notNull().defaultNow(),
  tries: integer('tries').notNull().default(0),
  nextTryAt: time('next_try_at').notNull().defaultNow(),
  sentAt: time('sent_at'),
  lastError: text('last_error'),
});

export const serverSecrets = pgTable('server_secrets', {
  name: text('name').primaryKey(),
  value: text('value').notNull(),
  createdAt: time('created_at').notNull().defaultNow(),
});

export const liveSessions = pgTable('live_sessions', {
  id: text('id').primaryKey(),
  code: text('code').notNull().unique(),
  title: text('title').notNull(),
  instructorId: text('instructor_id').notNull(),
  phase: text('phase').$type<Phase>().notNull().default('lobby'),
  round: integer('round').notNull().default(0),
  kind: text('kind').$type<DrillKind>().notNull(),
  productId: text('product_id').notNull(),
  follow: boolean('follow').notNull().default(false),
  rotation: jsonb('rotation').$type<number[]>().notNull(),
  spotlight: text('spotlight').notNull().default(''),
  pointersMuted: boolean('pointers_muted').notNull().default(false),
  createdAt: time('created_at').notNull().defaultNow(),
  endedAt: time('ended_at'),
  /** The one room that holds the session now, and until when its lease runs (see live-db claimRoom). */
  roomId: text('room_id'),
  roomLeaseUntil: time('room_lease_until'),
});

export const liveParticipants = pgTable(
  'live_participants',
  {
    sessionId: text('session_id').notNull(),
    userId: text('user_id').notNull(),
    joinedAt: time('joined_at').notNull().defaultNow(),
    removedAt: time('removed_at'),
  },
  (t) => [primaryKey({ columns: [t.sessionId, t.userId] })],
);

export const liveRounds = pgTable(
  'live_rounds',
  {
    sessionId: text('session_id').notNull(),
    round: integer('round').notNull(),
    ...drillMaking(),
    startedAt: time('started_at').notNull().defaultNow(),
    revealedAt: time('revealed_at'),
  },
  (t) => [primaryKey({ columns: [t.sessionId, t.round] })],
);

/** bytea: pg gives a Buffer, PGlite a Uint8Array; both take a Buffer. */
const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({
  dataType: () => 'bytea',
  toDriver: (value) => Buffer.from(value.buffer, value.byteOffset, value.byteLength),
  fromDriver: (value) => (value instanceof Uint8Array ? value : new Uint8Array(value as ArrayBufferLike)),
});

/** A file named by the sha256 of its bytes: the columns of both file tables below. */
const fileColumns = () => ({
  sha256: text('sha256').primaryKey(),
  mediaType: text('media_type').notNull(),
  size: integer('size').notNull(),
  bytes: bytea('bytes').notNull(),
  createdBy: text('created_by'),
  createdAt: time('created_at').notNull().defaultNow(),
});

/** Uploaded models and photos, named by the sha256 of their bytes. */
export const storedFiles = pgTable('stored_files', fileColumns());

export type VersionStatus = 'draft' | 'in_review' | 'published' | 'superseded' | 'returned';

/** Every version of an authored product; the published one is also in `products`, which trainees read. */
export const productVersions = pgTable(
  'product_versions',
  {
    productId: text('product_id').notNull(),
    version: integer('version').notNull(),
    document: jsonb('document').$type<ProductDraft>().notNull(),
    status: text('status').$type<VersionStatus>().notNull(),
    authorId: text('author_id'),
    createdAt: time('created_at').notNull().defaultNow(),
    updatedAt: time('updated_at').notNull().defaultNow(),
    submittedAt: time('submitted_at'),
    reviewerId: text('reviewer_id'),
    decidedAt: time('decided_at'),
  },
  (t) => [primaryKey({ columns: [t.productId, t.version] })],
);

export const reviewComments = pgTable('review_comments', {
  id: text('id').primaryKey(),
  productId: text('product_id').notNull(),
  version: integer('version').notNull(),
  authorId: text('author_id'),
  decision: text('decision').$type<'publish' | 'return'>().notNull(),
  body: text('body').notNull(),
  createdAt: time('created_at').notNull().defaultNow(),
});

/** An examiner's record of a real examination; the id is the device's (see domain/inspection.ts). */
export const inspections = pgTable('inspections', {
  id: uuid('id').primaryKey(),
  officerId: text('officer_id').notNull(),
  productId: text('product_id').notNull(),
  contentVersion: text('content_version').notNull(),
  reference: text('reference').notNull().default(''),
  startedAt: time('started_at').notNull(),
  updatedAt: time('updated_at').notNull(),
  storedAt: time('stored_at').notNull().defaultNow(),
  /** Server time of the first store: what a supervision grant's window is checked against. */
  createdAt: time('created_at').notNull().defaultNow(),
  marks: jsonb('marks').$type<CheckMark[]>().notNull(),
  notes: text('notes').notNull().default(''),
});

export const inspectionPhotos = pgTable('inspection_photos', {
  id: uuid('id').primaryKey(),
  inspectionId: uuid('inspection_id').notNull(),
  checkKey: text('check_key'),
  caption: text('caption').notNull().default(''),
  fileSha256: text('file_sha256').notNull(),
  mediaType: text('media_type').notNull(),
  bytes: integer('bytes').notNull(),
  locationKept: boolean('location_kept').notNull().default(false),
  createdAt: time('created_at').notNull().defaultNow(),
});

/** Inspection photos' bytes, by sha256: kept apart from stored_files, which GET /api/files serves. */
export const inspectionPhotoFiles = pgTable('inspection_photo_files', fileColumns());

export const schema = {
  products,
  users,
  authSessions,
  passwordResetLinks,
  groups,
  groupMembers,
  drills,
  attempts,
  attemptPins,
  reviewCards,
  xapiOutbox,
  serverSecrets,
  liveSessions,
  liveParticipants,
  liveRounds,
  storedFiles,
  productVersions,
  reviewComments,
  inspections,
  inspectionPhotos,
  inspectionPhotoFiles,
  supervisionGrants,
  recordAccessLog,
};
